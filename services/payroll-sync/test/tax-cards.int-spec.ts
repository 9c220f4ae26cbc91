import { randomUUID } from 'node:crypto';
import { AuditEntryEntity } from '@advisor/rules';
import { TaxAuthorityCredentialEntity, TaxCardEntity, TaxCardFetchClientEntity } from '../src/db/entities/tax-card.entities';
import type { PayrollDomain } from '../src/domain';
import { refusal, simAdmin, startPayrollHarness, type PayrollHarness } from './support/payroll-harness';

/**
 * SPEC P6 on MySQL, with the tax-authority simulator as its own process: connect a client's
 * account; fetch tax cards for many clients in one action, in the background; each client ends
 * FETCHED or FAILED with a reason; progress while it runs; failed clients retried alone; a client
 * in a running fetch is refused; a fetch survives a restart (its state is in MySQL) and no client
 * ends twice; who may do it by C3, C6.
 */
describe('payroll-sync: tax cards (P6)', () => {
  let h: PayrollHarness;
  const year = new Date().getUTCFullYear();
  const LEASE_MS = 5_000;
  beforeAll(async () => {
    h = await startPayrollHarness('tax_cards_int', {}, { taxAuthority: true, taxCardRunner: { leaseMs: LEASE_MS, tickMs: 100, concurrency: 4 } });
  });
  afterAll(() => h?.close());

  const tax = (method: string, path: string, body?: unknown) => simAdmin(h.tax!.url, method, path, body);
  let feinSeq = 1_000_000;
  /** An employer at the authority with `cards` employees' tax cards for this year. */
  async function employer(cards: number): Promise<{ fein: string; apiKey: string }> {
    const fein = `12-${feinSeq++}`;
    const { apiKey } = await tax('POST', '/admin/employers', { fein, name: `Employer ${fein}` });
    for (let i = 0; i < cards; i++) {
      await tax('POST', `/admin/employers/${fein}/employees`, { externalRef: randomUUID(), firstName: `Em${i}`, lastName: 'Ployee', withholdingRateBasisPoints: 2000 + i });
    }
    return { fein, apiKey };
  }
  const FULL = ['VIEW_PAYROLL', 'RUN_PAYROLL', 'VIEW_TAX_DOCUMENTS'];
  const LINK = ['VIEW_COMPANY', 'VIEW_PAYROLL', 'RUN_PAYROLL', 'VIEW_TAX_DOCUMENTS'];
  async function connectedClient(member: ReturnType<PayrollHarness['member']>, cards: number) {
    const clientId = await h.linkClient(member, FULL, LINK);
    const account = await employer(cards);
    await h.domain.taxCards.connect(member, { clientId, ...account });
    return { clientId, ...account };
  }
  async function untilFinished(domain: PayrollDomain, member: ReturnType<PayrollHarness['member']>, fetchId: string, ms = 15_000) {
    const until = Date.now() + ms;
    for (;;) {
      const view = await domain.taxCards.fetchView(member, fetchId);
      if (view?.status === 'FINISHED' || Date.now() > until) return view!;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  afterEach(() => tax('DELETE', '/admin/faults'));

  it('P6: connecting checks the FEIN and key with the authority, keeps the key apart, and needs RUN_PAYROLL', async () => {
    const member = h.member();
    const clientId = await h.linkClient(member, FULL, LINK);
    const account = await employer(0);
    expect(await refusal(h.domain.taxCards.connect(member, { clientId, fein: account.fein, apiKey: 'wrong-key-123' }))).toBe('TAX_AUTHORITY_KEY_REJECTED');
    expect(await refusal(h.domain.taxCards.connect(member, { clientId, fein: '00-1234567', apiKey: account.apiKey }))).toBe('BAD_USER_INPUT');
    const viewer = h.member();
    await h.assign(viewer, clientId, ['VIEW_PAYROLL', 'VIEW_TAX_DOCUMENTS']);
    expect(await refusal(h.domain.taxCards.connect(viewer, { clientId, ...account }))).toBe('FORBIDDEN');
    expect(await refusal(h.domain.taxCards.connect(h.member(), { clientId, ...account }))).toBe('NOT_FOUND');
    await tax('POST', '/admin/faults', { mode: 'error', status: 503, fein: account.fein, times: 1 });
    expect(await refusal(h.domain.taxCards.connect(member, { clientId, ...account }))).toBe('TAX_AUTHORITY_UNAVAILABLE');
    expect(await h.db.manager.countBy(TaxAuthorityCredentialEntity, { clientId })).toBe(0);

    const connection = await h.domain.taxCards.connect(member, { clientId, fein: account.fein.replace('-', ''), apiKey: account.apiKey });
    expect(connection).toEqual({ clientId, fein: account.fein, connectedAt: expect.any(Date), connectedBy: { realm: 'firm', id: member.memberId } });
    expect(JSON.stringify(await h.domain.taxCards.connection(viewer, clientId))).not.toContain(account.apiKey);
    expect(await h.domain.taxCards.connection(h.member(), clientId)).toBeNull();
    expect(await h.db.manager.countBy(AuditEntryEntity, { scopeId: clientId, action: 'TAX_AUTHORITY_CONNECTED' })).toBe(1);
  });

  it('P6: one action fetches many clients in the background; progress while it runs; each ends FETCHED or FAILED with a reason; failed clients are retried alone', async () => {
    const member = h.member();
    const slow = await connectedClient(member, 3);
    const down = await connectedClient(member, 2);
    const notConnected = await h.linkClient(member, FULL, LINK);
    await tax('POST', '/admin/faults', { mode: 'timeout', delayMs: 1_200, fein: slow.fein, times: 1 });
    await tax('POST', '/admin/faults', { mode: 'error', status: 503, fein: down.fein });

    const started = await h.domain.taxCards.fetch(member, { clientIds: [slow.clientId, down.clientId, notConnected, slow.clientId] });
    expect(started).toMatchObject({ status: 'RUNNING', year, total: 3, pending: 3, fetched: 0, failed: 0, finishedAt: null, requestedBy: { realm: 'firm', id: member.memberId } });

    const running = h.domain.taxCards.runDueNow();
    // While the slow client is held by the authority: readable progress, and a second fetch of it is refused.
    let progress = await h.domain.taxCards.fetchView(member, started.id);
    for (let i = 0; i < 50 && progress!.pending !== 1; i++) {
      await new Promise((r) => setTimeout(r, 20));
      progress = await h.domain.taxCards.fetchView(member, started.id);
    }
    expect(progress).toMatchObject({ status: 'RUNNING', pending: 1, failed: 2 });
    const busy = h.domain.taxCards.fetch(member, { clientIds: [notConnected, slow.clientId] });
    expect(await refusal(busy)).toBe('TAX_CARD_FETCH_RUNNING');
    await running;

    const done = (await h.domain.taxCards.fetchView(member, started.id))!;
    expect(done).toMatchObject({ status: 'FINISHED', total: 3, pending: 0, fetched: 1, failed: 2, finishedAt: expect.any(Date) });
    const byClient = new Map(done.clients.map((c) => [c.clientId, c]));
    expect(byClient.get(slow.clientId)).toMatchObject({ status: 'FETCHED', cardCount: 3, reason: null, attempts: 1 });
    expect(byClient.get(down.clientId)).toMatchObject({ status: 'FAILED', cardCount: 0, reason: expect.stringContaining('could not be reached') });
    expect(byClient.get(notConnected)).toMatchObject({ status: 'FAILED', reason: expect.stringContaining('not connected to the tax authority') });
    const cards = (await h.domain.taxCards.taxCards(member, slow.clientId, year))!;
    expect(cards.map((c) => c.withholdingRateBasisPoints).sort()).toEqual([2000, 2001, 2002]);

    // Nothing to fix yet for the client that is not connected; the authority is back for the other.
    await tax('DELETE', '/admin/faults');
    await h.domain.taxCards.connect(member, { clientId: notConnected, ...(await employer(1)) });
    const fetchedAt = byClient.get(slow.clientId)!.updatedAt;
    const retried = await h.domain.taxCards.retry(member, started.id);
    expect(retried).toMatchObject({ status: 'RUNNING', pending: 2, fetched: 1, failed: 0 });
    await h.domain.taxCards.runDueNow();
    const after = (await h.domain.taxCards.fetchView(member, started.id))!;
    expect(after).toMatchObject({ status: 'FINISHED', pending: 0, fetched: 3, failed: 0 });
    const slowAfter = after.clients.find((c) => c.clientId === slow.clientId)!;
    expect([slowAfter.attempts, slowAfter.updatedAt]).toEqual([1, fetchedAt]);
    expect(after.clients.find((c) => c.clientId === down.clientId)).toMatchObject({ status: 'FETCHED', cardCount: 2, attempts: 2 });
    expect(await refusal(h.domain.taxCards.retry(member, started.id))).toBe('TAX_CARD_FETCH_NOTHING_TO_RETRY');
    // A fetch that ended frees its clients for the next one.
    const again = await h.domain.taxCards.fetch(member, { clientIds: [slow.clientId] });
    await h.domain.taxCards.runDueNow();
    expect(await h.domain.taxCards.fetchView(member, again.id)).toMatchObject({ status: 'FINISHED', fetched: 1 });
    expect(await h.db.manager.countBy(TaxCardEntity, { clientId: slow.clientId, year })).toBe(3);
  });

  it('P6, C6: all-or-nothing over clients the caller may fetch for; forMember takes the clients of that member; each reader sees only their clients', async () => {
    const boss = h.member({ permissions: ['VIEW_ALL_CLIENTS'] as never });
    const a = await connectedClient(boss, 1);
    const b = await connectedClient(boss, 1);
    const ann = h.member();
    await h.assign(ann, a.clientId, ['VIEW_PAYROLL', 'VIEW_TAX_DOCUMENTS']);
    const noTax = h.member();
    await h.assign(noTax, a.clientId, ['VIEW_PAYROLL']);

    expect(await refusal(h.domain.taxCards.fetch(ann, { clientIds: [a.clientId, b.clientId] }))).toBe('NOT_FOUND');
    expect(await refusal(h.domain.taxCards.fetch(noTax, { clientIds: [a.clientId] }))).toBe('FORBIDDEN');
    expect(await refusal(h.domain.taxCards.fetch(ann, { clientIds: [] }))).toBe('BAD_USER_INPUT');
    expect(await refusal(h.domain.taxCards.fetch(ann, { clientIds: [a.clientId], forMemberId: ann.memberId }))).toBe('BAD_USER_INPUT');
    expect(await refusal(h.domain.taxCards.fetch(ann, { forMemberId: randomUUID() }))).toBe('BAD_USER_INPUT');
    expect(await refusal(h.domain.taxCards.fetch(h.clientAdmin(a.clientId), { clientIds: [b.clientId] }))).toBe('NOT_FOUND');
    expect(await h.db.manager.countBy(TaxCardFetchClientEntity, { clientId: b.clientId })).toBe(0);

    // Every client boss is connected to: a and b (assigned by linkClient).
    const mine = await h.domain.taxCards.fetch(boss, { forMemberId: boss.memberId });
    expect(mine.clients.map((c) => c.clientId).sort()).toEqual([a.clientId, b.clientId].sort());
    await h.domain.taxCards.runDueNow();
    expect(await h.domain.taxCards.fetchView(boss, mine.id)).toMatchObject({ total: 2, fetched: 2 });
    // Ann sees her one client of it; a member without VIEW_TAX_DOCUMENTS and an outsider see nothing.
    expect(await h.domain.taxCards.fetchView(ann, mine.id)).toMatchObject({ total: 1, fetched: 1, clients: [expect.objectContaining({ clientId: a.clientId })] });
    expect(await h.domain.taxCards.fetchView(noTax, mine.id)).toBeNull();
    expect(await h.domain.taxCards.fetchView(h.member(), mine.id)).toBeNull();
    expect((await h.domain.taxCards.fetches(ann, 10)).map((f) => f.id)).toContain(mine.id);
    expect(await h.domain.taxCards.fetches(h.member(), 10)).toEqual([]);
    expect(await h.domain.taxCards.taxCards(noTax, a.clientId, year)).toBeNull();
    // A client admin (MANAGE) fetches their own company and sees only it.
    const admin = h.clientAdmin(a.clientId);
    const own = await h.domain.taxCards.fetch(admin, { clientIds: [a.clientId] });
    await h.domain.taxCards.runDueNow();
    expect(await h.domain.taxCards.fetchView(admin, own.id)).toMatchObject({ total: 1, fetched: 1 });
    expect(await h.domain.taxCards.fetchView(admin, mine.id)).toMatchObject({ total: 1, clients: [expect.objectContaining({ clientId: a.clientId })] });
  });

  it('P6: a fetch survives a restart of payroll-sync: a replica that died holding clients loses them when its lease lapses, another resumes them, none ends twice', async () => {
    const member = h.member();
    const clients = await Promise.all([1, 2, 3].map(() => connectedClient(member, 2)));
    const started = await h.domain.taxCards.fetch(member, { clientIds: clients.map((c) => c.clientId) });
    // This replica claims two clients, then "dies" before it fetches them.
    const held = await h.domain.taxCards.claim(2);
    expect(held).toHaveLength(2);

    const restarted = await h.replica();
    restarted.domain.taxCards.start();
    // The free client is fetched at once; the held ones wait for their lease.
    await new Promise((r) => setTimeout(r, 800));
    expect(await restarted.domain.taxCards.fetchView(member, started.id)).toMatchObject({ status: 'RUNNING', fetched: 1, pending: 2 });
    h.clock.offsetMs += LEASE_MS + 1;
    const done = await untilFinished(restarted.domain, member, started.id);
    expect(done).toMatchObject({ status: 'FINISHED', fetched: 3, failed: 0 });
    expect(done.clients.filter((c) => held.some((x) => x.clientId === c.clientId)).map((c) => c.attempts)).toEqual([2, 2]);

    // The dead replica's late work is dropped: it no longer holds the lease.
    const late = h.domain.taxCards as unknown as { fetchOne(held: unknown): Promise<void> };
    await late.fetchOne(held[0]);
    const [row] = await h.db.manager.findBy(TaxCardFetchClientEntity, { fetchId: started.id, clientId: held[0].clientId });
    expect(row).toMatchObject({ status: 'FETCHED', attempts: 2, cardCount: 2 });
    expect(await h.db.manager.countBy(TaxCardEntity, { clientId: held[0].clientId })).toBe(2);
    await restarted.domain.taxCards.stop();
  });
});
