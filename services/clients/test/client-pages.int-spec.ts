import { randomUUID } from 'node:crypto';
import { type Database, type FirmMemberIdentity } from '@advisor/kit';
import type { ClientsDomain } from '../src/domain';
import { openClientsTestDomain } from './support/clients-db';

/**
 * Issue 13 on MySQL: the firm's client list by pages (cursor pagination by keyset). Walking the
 * pages forward or back gives exactly `myClients`, in its order, each client once; SPEC C6 and
 * the filters hold on every page; a page costs the same statements at its start and deep in.
 */
describe('clients: the client list by pages (C6, C7, C10; issue 13)', () => {
  let db: Database;
  let drop: () => Promise<void>;
  let domain: ClientsDomain;
  const firmId = randomUUID();
  const admin: FirmMemberIdentity = { realm: 'firm', memberId: randomUUID(), firmId, email: 'a@firm.example', firmRole: 'ADMIN', permissions: [] };
  const staff: FirmMemberIdentity = { realm: 'firm', memberId: randomUUID(), firmId, email: 's@firm.example', firmRole: 'MEMBER', permissions: [] };
  const N = 137;

  beforeAll(async () => {
    ({ db, domain, drop } = await openClientsTestDomain('clients-pages'));
    // N clients of this firm (some share a name, so the id decides their order), every third
    // assigned to the staff member, every fifth enrolling; and another firm's client.
    const now = new Date();
    const rows = Array.from({ length: N }, (_, i) => ({ id: randomUUID(), name: `Client ${String(i % 50).padStart(2, '0')}`, i }));
    await db.transaction(async (em) => {
      for (const r of rows) {
        await em.query('INSERT INTO client_companies (id, business_name, fein, platform, status, created_at) VALUES (?, ?, ?, ?, ?, ?)', [r.id, r.name, `44-${String(1000000 + r.i)}`, r.i % 7 === 0 ? 'PEO' : 'PAYROLL', r.i % 5 === 0 ? 'ENROLLING' : 'ACTIVE', now]);
        await em.query('INSERT INTO firm_client_links (id, client_id, active_client_id, firm_id, permissions, linked_at) VALUES (?, ?, ?, ?, ?, ?)', [randomUUID(), r.id, r.id, firmId, '["VIEW_COMPANY"]', now]);
        if (r.i % 3 === 0) await em.query('INSERT INTO assignments (id, client_id, member_id, firm_id, permissions, role, assigned_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [randomUUID(), r.id, staff.memberId, firmId, '["VIEW_COMPANY"]', 'COLLABORATOR', now]);
      }
      const other = randomUUID();
      await em.query('INSERT INTO client_companies (id, business_name, fein, platform, status, created_at) VALUES (?, ?, ?, ?, ?, ?)', [other, 'Client 00', '44-9999999', 'PAYROLL', 'ACTIVE', now]);
      await em.query('INSERT INTO firm_client_links (id, client_id, active_client_id, firm_id, permissions, linked_at) VALUES (?, ?, ?, ?, ?, ?)', [randomUUID(), other, other, randomUUID(), '["VIEW_COMPANY"]', now]);
    });
  });
  afterAll(async () => {
    await drop?.();
  });

  async function walk(viewer: FirmMemberIdentity, filter: Parameters<ClientsDomain['directory']['pageOfFirmMember']>[1], size: number, backward = false) {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const page = await domain.directory.pageOfFirmMember(viewer, filter, backward ? { last: size, before: cursor } : { first: size, after: cursor });
      const pageIds = page.edges.map((e) => e.node.id);
      if (backward) ids.unshift(...pageIds);
      else ids.push(...pageIds);
      const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
      if (!more) return { ids, totalCount: page.totalCount };
      cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
    }
    throw new Error('the pages never ended');
  }

  it('C6: pages forward and back give exactly myClients, in its order, each client once', async () => {
    const all = (await domain.directory.clientsOfFirmMember(admin)).map((c) => c.id);
    expect(all).toHaveLength(N);
    const forward = await walk(admin, {}, 25);
    expect(forward.ids).toEqual(all);
    expect(forward.totalCount).toBe(N);
    expect((await walk(admin, {}, 40, true)).ids).toEqual(all);
  });

  it('C6, C7, C10: a member without VIEW_ALL_CLIENTS pages through their assigned clients only; filters hold on every page', async () => {
    const assigned = (await domain.directory.clientsOfFirmMember(staff)).map((c) => c.id);
    expect(assigned).toHaveLength(Math.ceil(N / 3));
    const staffPages = await walk(staff, {}, 10);
    expect(staffPages.ids).toEqual(assigned);
    expect(staffPages.totalCount).toBe(assigned.length);
    const enrollingPeo = (await domain.directory.clientsOfFirmMember(admin, { status: 'ENROLLING', platform: 'PEO' })).map((c) => c.id);
    expect(enrollingPeo.length).toBeGreaterThan(0);
    expect((await walk(admin, { status: 'ENROLLING', platform: 'PEO' }, 2)).ids).toEqual(enrollingPeo);
  });

  it('the first page is the default 50; bad page arguments are BAD_USER_INPUT', async () => {
    const first = await domain.directory.pageOfFirmMember(admin, {}, {});
    expect(first.edges).toHaveLength(50);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    for (const bad of [{ first: 0 }, { first: 101 }, { first: 5, last: 5 }, { after: 'bm90IGEgY3Vyc29y' }, { after: first.pageInfo.endCursor, before: first.pageInfo.endCursor }]) {
      await expect(domain.directory.pageOfFirmMember(admin, {}, bad)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    }
    await expect(domain.directory.pageOfFirmMember({ realm: 'anonymous' }, {}, {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('a page deep in the list costs the statements of the first page', async () => {
    const counted = async (args: { first: number; after?: string | null }) => {
      const before = db.statementCount;
      const page = await domain.directory.pageOfFirmMember(admin, {}, args);
      return { statements: db.statementCount - before, page };
    };
    const first = await counted({ first: 20 });
    const fifth = await counted({ first: 20, after: (await domain.directory.pageOfFirmMember(admin, {}, { first: 80 })).pageInfo.endCursor });
    expect(fifth.page.edges).toHaveLength(20);
    expect(fifth.statements).toBe(first.statements);
  });

  describe('issue 16: the pickers search, the home dashboard asks for unassigned clients', () => {
    it('C6: search matches part of the business name (any case) or the start of the FEIN, pages and counts like the rest', async () => {
      const all = await domain.directory.clientsOfFirmMember(admin);
      const named = all.filter((c) => c.businessName.toLowerCase().includes('nt 0')).map((c) => c.id);
      expect(named.length).toBeGreaterThan(10);
      const found = await walk(admin, { search: '  NT 0 ' }, 7);
      expect(found.ids).toEqual(named);
      expect(found.totalCount).toBe(named.length);
      const byFein = await domain.directory.pageOfFirmMember(admin, { search: '44-100001' }, { first: 50 });
      expect(byFein.edges.map((e) => e.node.fein).sort()).toEqual(all.map((c) => c.fein).filter((f) => f.startsWith('44-100001')).sort());
      expect(byFein.totalCount).toBe(10);
      // The FEIN matches at its start only; the other firm's client never.
      expect((await domain.directory.pageOfFirmMember(admin, { search: '100001' }, {})).totalCount).toBe(0);
      expect((await domain.directory.pageOfFirmMember(admin, { search: '9999999' }, {})).totalCount).toBe(0);
      // The staff member searches their own clients only (C6).
      const staffNamed = (await domain.directory.clientsOfFirmMember(staff)).filter((c) => c.businessName.includes('nt 0')).map((c) => c.id);
      expect((await walk(staff, { search: 'nt 0' }, 5)).ids).toEqual(staffNamed);
    });

    it('search takes % and _ literally, a blank search lists everything, more than 100 characters is BAD_USER_INPUT', async () => {
      expect((await domain.directory.pageOfFirmMember(admin, { search: '%' }, {})).totalCount).toBe(0);
      expect((await domain.directory.pageOfFirmMember(admin, { search: 'Client_0' }, {})).totalCount).toBe(0);
      expect((await domain.directory.pageOfFirmMember(admin, { search: '   ' }, {})).totalCount).toBe(N);
      await expect(domain.directory.pageOfFirmMember(admin, { search: 'x'.repeat(101) }, {})).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    it('C4: unassigned lists the clients nobody at the firm is assigned to, with the other filters', async () => {
      const all = await domain.directory.clientsOfFirmMember(admin);
      const assigned = new Set((await domain.directory.clientsOfFirmMember(staff)).map((c) => c.id));
      const expected = all.filter((c) => !assigned.has(c.id) && c.status === 'ACTIVE').map((c) => c.id);
      const found = await walk(admin, { unassigned: true, status: 'ACTIVE' }, 30);
      expect(found.ids).toEqual(expected);
      expect(found.totalCount).toBe(expected.length);
      // Someone assigned to none of them sees none unassigned (C6: they see only their own).
      expect((await domain.directory.pageOfFirmMember(staff, { unassigned: true }, {})).totalCount).toBe(0);
    });
  });
});
