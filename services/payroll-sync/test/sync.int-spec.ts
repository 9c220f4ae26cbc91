import { randomUUID } from 'node:crypto';
import { SyncJobEntity } from '../src/db/entities/sync.entities';
import { WorkerEntity } from '../src/db/entities/worker.entity';
import { TimeTrackingCredentialEntity } from '../src/db/entities/sync.entities';
import { nextDailySlot } from '../src/domain/sync-scheduler';
import { refusal, simAdmin, startPayrollHarness, type PayrollHarness } from './support/payroll-harness';

/**
 * SPEC P1 on MySQL, with the time-tracking simulator as its own process: connect and disconnect
 * (who may act), the two-way member sync with its change log, the manual refresh (refused while
 * one runs), the scheduler's lease (once across replicas), failures that retry with backoff and
 * lose nothing.
 */
describe('payroll-sync: time-tracking integration and sync (P1)', () => {
  let h: PayrollHarness;
  beforeAll(async () => {
    h = await startPayrollHarness('payroll_sync_int');
  });
  afterAll(() => h?.close());
  afterEach(() => simAdmin(h.sim.url, 'DELETE', '/admin/faults'));

  const runner = () => h.member();
  async function connected(permissions = ['VIEW_PAYROLL', 'RUN_PAYROLL', 'MANAGE_EMPLOYEES']) {
    const member = runner();
    const clientId = await h.linkClient(member, permissions);
    const { companyId, apiKey } = await h.company(clientId);
    await h.domain.timeTracking.connect(member, { clientId, providerCompanyId: companyId, apiKey, payFrequency: 'WEEKLY' });
    return { member, clientId, apiKey };
  }

  it('P1: an admin connects with the company id and API key; the key is checked, stored apart and never shown', async () => {
    const member = runner();
    const clientId = await h.linkClient(member, ['VIEW_PAYROLL', 'RUN_PAYROLL']);
    const { companyId, apiKey } = await h.company(clientId);
    const input = { clientId, providerCompanyId: companyId, apiKey, payFrequency: 'WEEKLY' };

    expect(await refusal(h.domain.timeTracking.connect(member, { ...input, apiKey: 'tt_not-the-key' }))).toBe('TIME_TRACKING_KEY_REJECTED');
    const integration = await h.domain.timeTracking.connect(member, input);
    expect(integration).toMatchObject({ status: 'CONNECTED', details: { timeZone: 'America/New_York', payFrequency: 'WEEKLY', providerCompanyId: companyId } });
    expect(JSON.stringify(integration)).not.toContain(apiKey);
    expect((await h.db.manager.findOneByOrFail(TimeTrackingCredentialEntity, { clientId })).apiKey).toBe(apiKey);
    expect(await refusal(h.domain.timeTracking.connect(member, input))).toBe('TIME_TRACKING_ALREADY_CONNECTED');
    // Both jobs exist: the first full sync at once, the poll after its interval.
    expect((await h.db.manager.findBy(SyncJobEntity, { clientId })).map((j) => j.kind).sort()).toEqual(['POLL', 'SYNC']);

    await h.domain.timeTracking.disconnect(member, clientId);
    expect(await h.db.manager.findOneBy(TimeTrackingCredentialEntity, { clientId })).toBeNull();
    expect(await h.db.manager.findBy(SyncJobEntity, { clientId })).toEqual([]);
    expect(await refusal(h.domain.timeTracking.disconnect(member, clientId))).toBe('TIME_TRACKING_NOT_CONNECTED');
  });

  it('P1: who may act: RUN_PAYROLL (assignment ∩ link) or the client\'s own admin with MANAGE; others are refused', async () => {
    const viewer = runner();
    const clientId = await h.linkClient(viewer, ['VIEW_PAYROLL', 'RUN_PAYROLL'], ['VIEW_COMPANY', 'VIEW_PAYROLL']);
    const { companyId, apiKey } = await h.company(clientId);
    const input = { clientId, providerCompanyId: companyId, apiKey, payFrequency: 'WEEKLY' };
    // Assigned RUN_PAYROLL, but the link does not grant it (SPEC C3): refused.
    expect(await refusal(h.domain.timeTracking.connect(viewer, input))).toBe('FORBIDDEN');
    // Another firm's member does not even learn that the client exists.
    expect(await refusal(h.domain.timeTracking.connect(h.member({ firmId: randomUUID() }), input))).toBe('NOT_FOUND');
    // A client admin without MANAGE is refused; another company's admin does not see it.
    expect(await refusal(h.domain.timeTracking.connect(h.clientAdmin(clientId, ['MANAGE_EMPLOYEES']), input))).toBe('FORBIDDEN');
    expect(await refusal(h.domain.timeTracking.connect(h.clientAdmin(randomUUID()), input))).toBe('NOT_FOUND');
    expect(await refusal(h.domain.timeTracking.connect({ realm: 'anonymous' }, input))).toBe('UNAUTHENTICATED');
    // The client's own admin with MANAGE connects.
    expect((await h.domain.timeTracking.connect(h.clientAdmin(clientId), input)).status).toBe('CONNECTED');
  });

  it('P1: members both ways (W2 and 1099), manager, admin and pay rate, with a change log per sync saying which side', async () => {
    const { member, clientId } = await connected();
    const ann = await simAdmin(h.sim.url, 'POST', `/admin/companies/${clientId}/workers`, { firstName: 'Ann', lastName: 'Lee', email: 'ann@co.test', kind: 'W2', payRateCents: 2500 });
    await simAdmin(h.sim.url, 'POST', `/admin/companies/${clientId}/workers`, { firstName: 'Max', lastName: 'Roe', email: 'max@co.test', kind: 'W2', isManager: true, payRateCents: 3000 });
    const bo = await h.domain.timeTracking.addWorker(member, { clientId, firstName: 'Bo', lastName: 'Ek', email: 'bo@co.test', kind: 'CONTRACTOR', payRateCents: 5000 });

    const first = await h.domain.timeTracking.refresh(member, clientId);
    expect(first).toMatchObject({ status: 'SUCCEEDED', cause: 'REFRESH', startedBy: { realm: 'firm', id: member.memberId } });
    const [firstChanges] = await h.domain.timeTracking.changesOf([first.id]);
    expect(firstChanges.map((c) => `${c.side} ${c.what}`).sort()).toEqual(['PAYROLL MEMBER_ADDED', 'TIME_TRACKING MEMBER_ADDED', 'TIME_TRACKING MEMBER_ADDED']);
    const ours = await h.domain.timeTracking.workers(member, clientId);
    expect(ours!.map((w) => `${w.firstName} ${w.kind} ${w.payRateCents} ${w.isManager}`).sort()).toEqual(['Ann W2 2500 false', 'Bo CONTRACTOR 5000 false', 'Max W2 3000 true']);
    const inTt = await simAdmin(h.sim.url, 'GET', `/admin/companies/${clientId}`);
    expect(inTt.workers.find((w: { email: string }) => w.email === 'bo@co.test')).toMatchObject({ kind: 'CONTRACTOR', payRateCents: 5000, externalRef: bo.id });
    // Every time-tracking worker now knows its payroll member.
    expect(inTt.workers.every((w: { externalRef: string | null }) => w.externalRef)).toBe(true);

    // Time tracking makes Ann an admin; payroll gives Max a new rate and makes Bo a manager.
    await simAdmin(h.sim.url, 'PATCH', `/admin/companies/${clientId}/workers/${ann.id}`, { isAdmin: true });
    const max = ours!.find((w) => w.firstName === 'Max')!;
    await h.domain.timeTracking.updateWorker(member, max.id, { payRateCents: 3250 });
    await h.domain.timeTracking.updateWorker(member, bo.id, { isManager: true });
    const second = await h.domain.timeTracking.refresh(member, clientId);
    const [secondChanges] = await h.domain.timeTracking.changesOf([second.id]);
    expect(secondChanges.map((c) => `${c.side} ${c.what} ${c.detail}`).sort()).toEqual([
      'PAYROLL MADE_MANAGER Bo Ek: made a manager',
      'PAYROLL PAY_RATE_CHANGED Max Roe: pay rate $30.00/h → $32.50/h',
      'TIME_TRACKING MADE_ADMIN Ann Lee: made an admin',
    ]);
    const after = await simAdmin(h.sim.url, 'GET', `/admin/companies/${clientId}`);
    expect(after.workers.find((w: { email: string }) => w.email === 'max@co.test').payRateCents).toBe(3250);
    expect(after.workers.find((w: { email: string }) => w.email === 'bo@co.test').isManager).toBe(true);
    expect((await h.db.manager.findOneByOrFail(WorkerEntity, { clientId, email: 'ann@co.test' })).isAdmin).toBe(true);

    // A sync with nothing new logs nothing (its own writes come back as no change).
    const third = await h.domain.timeTracking.refresh(member, clientId);
    expect((await h.domain.timeTracking.changesOf([third.id]))[0]).toEqual([]);
    // The log is readable with VIEW_PAYROLL only.
    expect((await h.domain.timeTracking.syncRuns(member, clientId, 5))!.map((r) => r.id)).toEqual([third.id, second.id, first.id]);
    expect(await h.domain.timeTracking.syncRuns(h.member(), clientId, 5)).toBeNull();
  });

  it('P1: a refresh while one runs is refused with SYNC_ALREADY_RUNNING; a failed sync shows its error, retries with backoff and loses nothing', async () => {
    const { member, clientId } = await connected();
    await simAdmin(h.sim.url, 'POST', `/admin/companies/${clientId}/workers`, { firstName: 'Cy', lastName: 'Po', email: 'cy@co.test', kind: 'W2', payRateCents: 2000 });
    // Time tracking hangs: the first sync waits for its time-out (1 s) while a second refresh is refused.
    await simAdmin(h.sim.url, 'POST', '/admin/faults', { mode: 'timeout', delayMs: 1_500, path: '/workers', companyId: clientId, times: 1 });
    const slow = h.domain.timeTracking.refresh(member, clientId);
    await new Promise((r) => setTimeout(r, 200));
    expect(await refusal(h.domain.timeTracking.refresh(member, clientId))).toBe('SYNC_ALREADY_RUNNING');
    const failed = await slow;
    expect(failed).toMatchObject({ status: 'FAILED', error: 'Time tracking did not answer in time.', attempt: 1 });
    const [integration] = await h.domain.timeTracking.integrationsFor([clientId], member);
    expect(integration!.details).toMatchObject({ lastSyncStatus: 'FAILED', lastSyncError: 'Time tracking did not answer in time.', retryAttempts: 1, syncRunning: false });
    const job = await h.db.manager.findOneByOrFail(SyncJobEntity, { clientId, kind: 'SYNC' });
    expect(job.nextRunAt.getTime() - failed.finishedAt!.getTime()).toBeGreaterThan(900); // retryBaseMs 1 s
    expect((await h.events('sync-failed')).filter((e) => e.clientId === clientId)).toEqual([
      expect.objectContaining({ clientId, kind: 'SYNC', attempt: 1, error: 'Time tracking did not answer in time.' }),
    ]);

    // Down for good now (5xx): the retry fails again and waits twice as long.
    await simAdmin(h.sim.url, 'POST', '/admin/faults', { mode: 'error', status: 503, companyId: clientId });
    h.clock.offsetMs += 1_100;
    await h.domain.scheduler.runDueNow();
    const again = await h.db.manager.findOneByOrFail(SyncJobEntity, { clientId, kind: 'SYNC' });
    expect(again.attempts).toBe(2);
    expect(again.lastError).toBe('Time tracking is unavailable (SIMULATED_FAILURE).');
    expect(again.nextRunAt.getTime() - h.clock.now().getTime()).toBeGreaterThan(1_500);

    // Back up: the next attempt brings everything that changed meanwhile.
    await simAdmin(h.sim.url, 'DELETE', '/admin/faults');
    h.clock.offsetMs += 2_100;
    await h.domain.scheduler.runDueNow();
    const ok = await h.db.manager.findOneByOrFail(SyncJobEntity, { clientId, kind: 'SYNC' });
    expect(ok.attempts).toBe(0);
    expect((await h.db.manager.findBy(WorkerEntity, { clientId })).map((w) => w.email)).toEqual(['cy@co.test']);
    // The next full sync is about a day later, at the client's own time of day.
    expect(ok.nextRunAt.getTime()).toBe(nextDailySlot(clientId, h.clock.now(), 24 * 3_600_000).getTime());
  });

  it('P1: two replicas claiming at the same moment run each due job once (FOR UPDATE SKIP LOCKED with a lease)', async () => {
    const other = await h.replica();
    const ids: string[] = Array.from({ length: 30 }, () => randomUUID());
    const past = new Date(h.clock.now().getTime() - 60_000);
    await h.db.manager.insert(SyncJobEntity, ids.map((clientId) => ({ clientId, kind: 'SYNC' as const, nextRunAt: past, lockedUntil: null, lockedBy: null, attempts: 0, lastError: null, lastErrorAt: null })));
    const claims = await Promise.all([0, 1, 2, 3].map((i) => (i % 2 ? other.domain : h.domain).scheduler.claimDue(10)));
    const claimed = claims.flat().map((j) => j.clientId).filter((id) => ids.includes(id));
    expect(new Set(claimed).size).toBe(claimed.length);
    // Whatever was claimed is leased: nobody claims it again until the lease lapses.
    expect((await other.domain.scheduler.claimDue(50)).filter((j) => claimed.includes(j.clientId))).toEqual([]);
    await h.db.manager.delete(SyncJobEntity, ids.map((clientId) => ({ clientId, kind: 'SYNC' })));
  });

  it('P1: the 24-hour syncs are spread over the day, one slot per client', () => {
    const day = 24 * 3_600_000;
    const at = new Date('2026-11-23T00:00:00Z');
    const hours = new Array(24).fill(0);
    for (let i = 0; i < 2_400; i++) {
      const next = nextDailySlot(randomUUID(), at, day).getTime() - at.getTime();
      expect(next).toBeGreaterThan(0);
      expect(next).toBeLessThanOrEqual(day);
      hours[Math.floor(next / 3_600_000)] += 1;
    }
    expect(Math.min(...hours)).toBeGreaterThan(50);
    expect(Math.max(...hours)).toBeLessThan(170);
  });
});
