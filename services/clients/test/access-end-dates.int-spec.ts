import { randomBytes, randomUUID } from 'node:crypto';
import {
  AccessTokenIssuer,
  EVENT_ENTITIES,
  createLogger,
  dropMysqlDatabase,
  ensureMysqlDatabase,
  generateSigningKeyPair,
  openDatabase,
  type Database,
  type FirmMemberIdentity,
} from '@advisor/kit';
import { CLIENTS_ENTITIES, CLIENTS_MIGRATIONS } from '../src/service';
import { createClientsDomain, type ClientsDomain } from '../src/domain';
import { TestClock } from '../../../test/support/test-system';
import { TEST_MYSQL_URL } from '../../../test/support/env';

const HOUR = 3_600_000;

/**
 * SPEC F10 on MySQL: an assignment or a bulk grant (C12) may carry an end date; once it passes,
 * the sweep ends the access as a manual end does (one `assignment.changed` UNASSIGNED, both audit
 * trails), once even when two replicas sweep at the same moment.
 */
describe('clients: access with an end date ends by itself (F10)', () => {
  const url = `${TEST_MYSQL_URL}/t${randomBytes(4).toString('hex')}_clients_f10`;
  const clock = new TestClock();
  let db: Database;
  let db2: Database;
  let domain: ClientsDomain;
  let replica2: ClientsDomain;
  const firmId = randomUUID();
  const admin: FirmMemberIdentity = { realm: 'firm', memberId: randomUUID(), firmId, email: 'a@firm.example', firmRole: 'ADMIN', permissions: [] };

  beforeAll(async () => {
    await ensureMysqlDatabase(url);
    const open = (name: string) =>
      openDatabase({ name, config: { kind: 'mysql', url }, entities: [...CLIENTS_ENTITIES, ...EVENT_ENTITIES], migrations: CLIENTS_MIGRATIONS, logger: createLogger({ name, level: 'warn' }) });
    db = await open('clients-f10');
    db2 = await open('clients-f10-replica');
    const issuer = await AccessTokenIssuer.fromPem(generateSigningKeyPair().privateKeyPem);
    domain = createClientsDomain(db, issuer, clock);
    replica2 = createClientsDomain(db2, issuer, clock);
  });
  afterAll(async () => {
    await db?.close();
    await db2?.close();
    await dropMysqlDatabase(url);
  });

  async function linkedClients(n: number): Promise<string[]> {
    const ids = Array.from({ length: n }, () => randomUUID());
    const now = new Date();
    for (const [i, id] of ids.entries()) {
      await db.manager.query('INSERT INTO client_companies (id, business_name, fein, platform, status, created_at) VALUES (?, ?, ?, ?, ?, ?)', [id, `F10 ${i}`, `43-${String(Math.floor(Math.random() * 9e6) + 1e6)}`, 'PAYROLL', 'ACTIVE', now]);
      await db.manager.query('INSERT INTO firm_client_links (id, client_id, active_client_id, firm_id, permissions, linked_at) VALUES (?, ?, ?, ?, ?, ?)', [randomUUID(), id, id, firmId, '["VIEW_COMPANY","VIEW_PAYROLL"]', now]);
    }
    return ids;
  }
  async function newMember(): Promise<string> {
    const memberId = randomUUID();
    await db.manager.query('INSERT INTO firm_members (member_id, firm_id, active, joined_at) VALUES (?, ?, ?, ?)', [memberId, firmId, true, new Date()]);
    return memberId;
  }
  const unassignedEvents = async (memberId: string) =>
    ((await db.manager.query("SELECT envelope FROM outbox_events WHERE topic LIKE '%assignment-changed%' ORDER BY seq")) as Array<{ envelope: string }>)
      .map((r) => JSON.parse(r.envelope).payload)
      .filter((p) => p.memberId === memberId && p.change === 'UNASSIGNED');
  const assigned = async (memberId: string) => (await db.manager.query('SELECT client_id FROM assignments WHERE member_id = ?', [memberId])).length;
  const inHours = (h: number) => new Date(clock.now().getTime() + h * HOUR).toISOString();

  it('F10: an end date in the past is refused with END_DATE_IN_PAST and nothing is written', async () => {
    const [clientId] = await linkedClients(1);
    const memberId = await newMember();
    await expect(domain.assignments.assign(admin, { clientId, memberId, permissions: ['VIEW_COMPANY'], endsAt: inHours(-1) })).rejects.toMatchObject({ code: 'END_DATE_IN_PAST' });
    await expect(domain.assignments.grantAccess(admin, { memberId, clientIds: [clientId], permissions: ['VIEW_COMPANY'], endsAt: inHours(-1) })).rejects.toMatchObject({ code: 'END_DATE_IN_PAST' });
    await expect(domain.assignments.assign(admin, { clientId, memberId, permissions: ['VIEW_COMPANY'], endsAt: 'next tuesday' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await assigned(memberId)).toBe(0);
  });

  it('F10: an assignment with an end date shows it, lasts until then, and ends by itself with the events and audit of a manual end', async () => {
    const [clientId] = await linkedClients(1);
    const memberId = await newMember();
    const endsAt = inHours(48);
    const a = await domain.assignments.assign(admin, { clientId, memberId, permissions: ['VIEW_COMPANY'], endsAt });
    expect(a.endsAt?.toISOString()).toBe(endsAt);
    const member: FirmMemberIdentity = { realm: 'firm', memberId, firmId, email: 'm@firm.example', firmRole: 'MEMBER', permissions: [] };
    expect((await domain.directory.clientsOfFirmMember(member)).map((c) => c.id)).toEqual([clientId]);

    expect(await domain.assignments.endExpired()).toBe(0);
    clock.advance(47 * HOUR);
    expect(await domain.assignments.endExpired()).toBe(0);
    clock.advance(2 * HOUR);
    expect(await domain.assignments.endExpired()).toBe(1);
    expect(await domain.directory.clientsOfFirmMember(member)).toEqual([]);
    expect(await unassignedEvents(memberId)).toEqual([expect.objectContaining({ clientId, memberId, change: 'UNASSIGNED', role: null })]);
    const trail = await db.manager.query("SELECT scope_type, actor_realm FROM audit_trail WHERE action = 'ASSIGNMENT_ENDED_BY_END_DATE' AND scope_id IN (?, ?)", [clientId, firmId]);
    expect(trail.map((r: { scope_type: string }) => r.scope_type).sort()).toEqual(['CLIENT', 'FIRM']);
    expect(trail.every((r: { actor_realm: string }) => r.actor_realm === 'system')).toBe(true);
  });

  it('F10: an end date can be moved or removed (null), and only the assignments due end', async () => {
    const [c1, c2] = await linkedClients(2);
    const memberId = await newMember();
    await domain.assignments.grantAccess(admin, { memberId, clientIds: [c1, c2], permissions: ['VIEW_COMPANY'], endsAt: inHours(1) });
    await domain.assignments.update(admin, { clientId: c1, memberId, endsAt: null });
    await domain.assignments.update(admin, { clientId: c2, memberId, permissions: ['VIEW_PAYROLL'] }); // endsAt absent: unchanged
    clock.advance(2 * HOUR);
    await domain.assignments.endExpired();
    expect(await db.manager.query('SELECT client_id FROM assignments WHERE member_id = ?', [memberId])).toEqual([{ client_id: c1 }]);
  });

  it('F10, C12: a bulk grant of 150 clients ending together: two replicas sweeping at once end each exactly once', async () => {
    const clientIds = await linkedClients(150);
    const memberId = await newMember();
    await domain.assignments.grantAccess(admin, { memberId, clientIds, permissions: ['VIEW_COMPANY'], endsAt: inHours(1) });
    clock.advance(2 * HOUR);
    await Promise.all([domain.accessExpiry.sweep(), replica2.accessExpiry.sweep()]);
    expect(await assigned(memberId)).toBe(0);
    const events = await unassignedEvents(memberId);
    expect(events).toHaveLength(150);
    expect(new Set(events.map((e) => e.clientId)).size).toBe(150);
  });
});
