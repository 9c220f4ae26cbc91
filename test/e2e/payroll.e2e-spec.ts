import { randomUUID } from 'node:crypto';
import { spawnTimeTrackingSimulator, type SpawnedSimulator } from '@advisor/time-tracking-sim';
import { startTestSystem, eventually, type TestSystem } from '../support/test-system';
import { inviteAndJoin, linkClientToFirm, registerClient, signUpFirm, type ClientWithAdmin, type SignedUpFirm } from '../support/fixtures';
import { assignWhenKnown } from '../support/client-fixtures';
import { plusDays, shift, sim, weekStart } from '../support/time-tracking-fixtures';
import { costOf, pauseBackgroundWork } from '../support/statements';

const PAYROLL_PERMISSIONS = ['VIEW_COMPANY', 'VIEW_PAYROLL', 'RUN_PAYROLL', 'APPROVE_TIMECARDS', 'MANAGE_EMPLOYEES'];
const CONNECT = `mutation($i: ConnectTimeTrackingInput!) { connectTimeTracking(input: $i) { status timeZone payFrequency providerCompanyId } }`;
const PAYROLL = `query($periodId: ID!) { myClients { id
  timeTracking { status lastSyncStatus lastSyncError syncs(last: 5) { status cause error changes { what side detail } } }
  payrollMembers { id firstName payRateCents kind }
  payPeriods(last: 4) { id startDate endDate deadline draftCount approvedCount paid }
  timecards(periodId: $periodId) { id status shiftMinutes ptoMinutes holidayMinutes totalMinutes member { firstName } }
} }`;

/**
 * SPEC P1, P2, P3, P7 and C5 end to end: through the real gateway, on MySQL and Kafka, with the
 * time-tracking simulator as its own process and payroll-sync's scheduler running (short
 * intervals). The firm-wide attention view costs the same SQL statements at 10 and 120 clients.
 */
describe('payroll through the gateway, with the time-tracking simulator as its own process (P1, P2, P3, P7, C5)', () => {
  let simulator: SpawnedSimulator;
  let system: TestSystem;
  let firm: SignedUpFirm;
  let client: ClientWithAdmin;
  let week1: string;
  const tt = (method: string, path: string, body?: unknown) => sim(simulator.url, method, `/admin/companies/${client.clientId}${path}`, body);

  beforeAll(async () => {
    simulator = await spawnTimeTrackingSimulator();
    system = await startTestSystem({
      payrollSync: { timeTrackingUrl: simulator.url, timeoutMs: 1_000, scheduler: { tickMs: 200, pollIntervalMs: 1_000, retryBaseMs: 500 } },
    });
    firm = await signUpFirm(system);
    client = await registerClient(system);
    await linkClientToFirm(system, firm, client, PAYROLL_PERMISSIONS);
    week1 = weekStart(2);
  });
  afterAll(async () => {
    await system?.teardown();
    await simulator?.stop();
  });

  let manager: { id: string };
  let ann: { id: string };
  let cy: { id: string };

  it('P1: the client\'s admin connects time tracking through the gateway; the schedule brings the workers over at once; the key is never shown', async () => {
    const { apiKey } = await sim(simulator.url, 'POST', '/admin/companies', { id: client.clientId, name: 'E2E Bakery', timeZone: 'America/New_York' });
    manager = await tt('POST', '/workers', { firstName: 'Max', lastName: 'Roe', email: 'max@e2e.test', kind: 'W2', isManager: true, payRateCents: 3000 });
    ann = await tt('POST', '/workers', { firstName: 'Ann', lastName: 'Lee', email: 'ann@e2e.test', kind: 'W2', payRateCents: 2400 });
    cy = await tt('POST', '/workers', { firstName: 'Cy', lastName: 'Po', email: 'cy@e2e.test', kind: 'CONTRACTOR' });

    const wrong = await system.gql(CONNECT, { i: { clientId: client.clientId, providerCompanyId: client.clientId, apiKey: 'tt_wrong-key', payFrequency: 'WEEKLY' } }, client.token);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('TIME_TRACKING_KEY_REJECTED');
    const res = await system.gql(CONNECT, { i: { clientId: client.clientId, providerCompanyId: client.clientId, apiKey, payFrequency: 'WEEKLY' } }, client.token);
    expect(res.data.connectTimeTracking).toEqual({ status: 'CONNECTED', timeZone: 'America/New_York', payFrequency: 'WEEKLY', providerCompanyId: client.clientId });
    expect(JSON.stringify(res)).not.toContain(apiKey);

    const members = await eventually(async () => {
      const r = await system.gql(PAYROLL, { periodId: randomUUID() }, firm.token);
      const c = r.data?.myClients?.find((x: { id: string }) => x.id === client.clientId);
      // The two fields are read by separate statements, so one answer may catch the sync between
      // them: wait until both show it.
      return c?.payrollMembers?.length === 3 && c.timeTracking?.syncs?.[0]?.status === 'SUCCEEDED' ? c : undefined;
    }, 20_000, 'the scheduled first sync');
    expect(members.timeTracking.syncs[0]).toMatchObject({ status: 'SUCCEEDED', cause: 'SCHEDULE' });
    expect(members.timeTracking.syncs[0].changes.map((c: { what: string; side: string }) => `${c.side} ${c.what}`)).toEqual(new Array(3).fill('TIME_TRACKING MEMBER_ADDED'));
    expect(JSON.stringify(members)).not.toContain(apiKey);
  });

  it('P2: an approved shift reaches a SAVED_DRAFT timecard by the short poll, well within 5 minutes; P3: a worker without a pay rate is ERROR', async () => {
    const approvedAt: number[] = [];
    for (const [w, day] of [[ann, 0], [ann, 1], [manager, 2], [cy, 3]] as const) {
      const s = await tt('POST', '/shifts', { workerId: w.id, ...shift(plusDays(week1, day)), breakMinutes: 30 });
      await tt('POST', `/shifts/${s.id}/approve`, { approvedBy: manager.id });
      approvedAt.push(Date.now());
    }
    const periodId = (await system.gql(`{ myClients { id payPeriods(last: 3) { id startDate } } }`, {}, firm.token)).data.myClients[0].payPeriods.find((p: { startDate: string }) => p.startDate === week1).id;
    const cards = await eventually(async () => {
      const r = await system.gql(PAYROLL, { periodId }, firm.token);
      const c = r.data?.myClients?.[0];
      return c?.timecards?.length === 2 ? c.timecards : undefined;
    }, 20_000, 'approved shifts to reach timecards');
    console.log(`[P2] approved shift → SAVED_DRAFT timecard in ${Date.now() - approvedAt[approvedAt.length - 1]} ms (poll every 1 s in this test, 30 s by default)`);
    expect(cards.map((c: { member: { firstName: string }; status: string; shiftMinutes: number }) => [c.member.firstName, c.status, c.shiftMinutes]).sort()).toEqual([
      ['Ann', 'SAVED_DRAFT', 900],
      ['Max', 'SAVED_DRAFT', 450],
    ]);

    const report = await system.gql(
      `query($w: String!) { myClients { hoursSyncReport(weekStart: $w) { week { needsAttention errors sent } workers { member { firstName } shifts { shiftId status reason sentAt } } } } }`,
      { w: week1 },
      firm.token,
    );
    const week = report.data.myClients[0].hoursSyncReport;
    expect(week.week).toEqual({ needsAttention: true, errors: 1, sent: 3 });
    const cyRow = week.workers.find((w: { member: { firstName: string } }) => w.member.firstName === 'Cy');
    expect(cyRow.shifts[0]).toMatchObject({ status: 'ERROR', reason: 'Cy Po has no pay rate in payroll: set a pay rate, then send the shift again.', sentAt: null });

    // P1 both ways + P3 resend: payroll sets Cy's rate; sent again by hand, the shift is SENT, once.
    const cyMember = (await system.gql(`{ myClients { payrollMembers { id firstName } } }`, {}, firm.token)).data.myClients[0].payrollMembers.find((m: { firstName: string }) => m.firstName === 'Cy');
    expect((await system.gql(`mutation($id: ID!) { updatePayrollMember(memberId: $id, input: { payRateCents: 6000 }) { payRateCents pendingSync } }`, { id: cyMember.id }, firm.token)).data.updatePayrollMember).toEqual({ payRateCents: 6000, pendingSync: true });
    const resend = `mutation($c: ID!, $s: ID!) { resendShift(clientId: $c, shiftId: $s) { status sentAt attempts } }`;
    const sent = await system.gql(resend, { c: client.clientId, s: cyRow.shifts[0].shiftId }, firm.token);
    expect(sent.data.resendShift).toMatchObject({ status: 'SENT', attempts: 2 });
    await system.gql(resend, { c: client.clientId, s: cyRow.shifts[0].shiftId }, firm.token);
    const after = await system.gql(PAYROLL, { periodId }, firm.token);
    expect(after.data.myClients[0].timecards).toHaveLength(3);
    // The refresh copies the new rate to time tracking.
    // (The scheduler may be running this client's sync at that moment: P1 refuses a second one
    // with SYNC_ALREADY_RUNNING, so ask again; whichever run copies the rate, it arrives once.)
    const refresh = await eventually(async () => {
      const res = await system.gql(`mutation($c: ID!) { refreshTimeTracking(clientId: $c) { status changes { what side } } }`, { c: client.clientId }, firm.token);
      return res.errors?.[0]?.extensions?.code === 'SYNC_ALREADY_RUNNING' ? undefined : res;
    }, 15_000, 'a refresh not refused as already running');
    expect(refresh.errors).toBeUndefined();
    expect(refresh.data.refreshTimeTracking.status).toBe('SUCCEEDED');
    expect(refresh.data.refreshTimeTracking.changes.filter((c: { what: string }) => c.what !== 'PAY_RATE_CHANGED')).toEqual([]);
    expect((await tt('GET', '')).workers.find((w: { id: string }) => w.id === cy.id).payRateCents).toBe(6000);
  });

  it('P2: bad edits and approvals get their own codes through the gateway; P7: a run with drafts is refused', async () => {
    const { data } = await system.gql(`{ myClients { payPeriods(last: 3) { id startDate } } }`, {}, firm.token);
    const periodId = data.myClients[0].payPeriods.find((p: { startDate: string }) => p.startDate === week1).id;
    const cards = (await system.gql(PAYROLL, { periodId }, firm.token)).data.myClients[0].timecards.filter((c: { member: { firstName: string } }) => c.member.firstName === 'Ann');
    const edit = `mutation($t: ID!, $i: UpdateTimecardInput!) { updateTimecard(timecardId: $t, input: $i) { holidayMinutes edited } }`;
    const negative = await system.gql(edit, { t: cards[0].id, i: { holidayHours: [{ date: plusDays(week1, 4), minutes: -60 }] } }, firm.token);
    expect(negative.errors?.[0]?.extensions?.code).toBe('NEGATIVE_HOURS');
    const tooMany = await system.gql(edit, { t: cards[0].id, i: { holidayHours: [{ date: plusDays(week1, 4), minutes: 1500 }] } }, firm.token);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('HOURS_OVER_24_PER_DAY');
    const run = `mutation($c: ID!, $p: ID!) { runPayroll(clientId: $c, periodId: $p) { id grossCents contractorCents employerTaxCents payslips { kind totalCents lines { kind minutes amountCents } } } }`;
    expect((await system.gql(run, { c: client.clientId, p: periodId }, firm.token)).errors?.[0]?.extensions?.code).toBe('PERIOD_HAS_DRAFTS');
    const edited = await system.gql(edit, { t: cards[0].id, i: { holidayHours: [{ date: plusDays(week1, 4), minutes: 480 }] } }, firm.token);
    expect(edited.data.updateTimecard).toEqual({ holidayMinutes: 480, edited: true });
    const approveOne = await system.gql(`mutation($t: ID!) { approveTimecard(timecardId: $t) { status } }`, { t: cards[0].id }, firm.token);
    expect(approveOne.data.approveTimecard.status).toBe('APPROVED');
    expect((await system.gql(edit, { t: cards[0].id, i: { holidayHours: [] } }, firm.token)).errors?.[0]?.extensions?.code).toBe('TIMECARD_APPROVED_LOCKED');
  });

  it('P7, C5: a colleague with RUN_PAYROLL runs payroll once; payroll-run.completed through Kafka makes them RESPONSIBLE', async () => {
    const colleague = await inviteAndJoin(system, firm);
    await assignWhenKnown(system, firm, { clientId: client.clientId, memberId: colleague.memberId, permissions: PAYROLL_PERMISSIONS, role: 'COLLABORATOR' });
    const periodId = await eventually(async () => {
      const r = await system.gql(`{ myClients { payPeriods(last: 3) { id startDate } } }`, {}, colleague.token);
      return r.data?.myClients?.[0]?.payPeriods?.find((p: { startDate: string }) => p.startDate === week1)?.id;
    }, 20_000, 'the assignment to reach payroll-sync');
    const approveAll = await system.gql(`mutation($c: ID!, $p: ID!) { approveAllTimecards(clientId: $c, periodId: $p) { status } }`, { c: client.clientId, p: periodId }, colleague.token);
    expect(approveAll.data.approveAllTimecards.map((t: { status: string }) => t.status)).toEqual(['APPROVED', 'APPROVED', 'APPROVED']);
    const run = `mutation($c: ID!, $p: ID!) { runPayroll(clientId: $c, periodId: $p) { id runBy { realm id } grossCents contractorCents employerTaxCents payslips { kind totalCents lines { kind minutes amountCents } } } }`;
    const [a, b] = await Promise.all([system.gql(run, { c: client.clientId, p: periodId }, colleague.token), system.gql(run, { c: client.clientId, p: periodId }, colleague.token)]);
    const won = [a, b].filter((r) => r.data?.runPayroll);
    expect(won).toHaveLength(1);
    expect([a, b].find((r) => r.errors)?.errors?.[0]?.extensions?.code).toBe('PERIOD_ALREADY_RUN');
    const result = won[0].data.runPayroll;
    // Ann 900 min + 480 holiday at $24.00; Max 450 min at $30.00; Cy (1099) 450 min at $60.00.
    expect(result).toMatchObject({ runBy: { realm: 'FIRM', id: colleague.memberId }, grossCents: 55_200 + 22_500, contractorCents: 45_000, employerTaxCents: 4_223 + 1_721 });

    const roles = await eventually(async () => {
      const r = await system.gql(`{ myClients { id assignments { role member { id } } } }`, {}, firm.token);
      const assignments = r.data?.myClients?.[0]?.assignments as Array<{ role: string; member: { id: string } }> | undefined;
      return assignments?.find((x) => x.member.id === colleague.memberId)?.role === 'RESPONSIBLE' ? assignments : undefined;
    }, 20_000, 'C5: the runner to become RESPONSIBLE');
    expect(roles.find((x) => x.member.id === firm.memberId)?.role).toBe('COLLABORATOR');
    // The events went out through the outbox to Kafka.
    const published = await system.services.payrollSync.db.manager.query(
      "SELECT topic, COUNT(*) AS n FROM outbox_events WHERE published_at IS NOT NULL GROUP BY topic ORDER BY topic",
    );
    expect(published.map((r: { topic: string }) => r.topic.replace(`${system.kafkaNamespace}`, ''))).toEqual(
      expect.arrayContaining([expect.stringContaining('payroll-run-completed'), expect.stringContaining('timecards-synced')]),
    );
  });

  it('P1, P2, P3: time tracking down: the sync fails visibly, retries by itself and loses nothing', async () => {
    await sim(simulator.url, 'POST', '/admin/faults', { mode: 'error', status: 503, companyId: client.clientId });
    // (A scheduled poll of this client may hold its lease that moment: SYNC_ALREADY_RUNNING, ask again.)
    const failed = await eventually(async () => {
      const res = await system.gql(`mutation($c: ID!) { refreshTimeTracking(clientId: $c) { status error } }`, { c: client.clientId }, firm.token);
      return res.errors?.[0]?.extensions?.code === 'SYNC_ALREADY_RUNNING' ? undefined : res;
    }, 15_000, 'a refresh not refused as already running');
    expect(failed.data.refreshTimeTracking).toEqual({ status: 'FAILED', error: 'Time tracking is unavailable (SIMULATED_FAILURE).' });
    const s = await tt('POST', '/shifts', { workerId: ann.id, ...shift(plusDays(week1, 9)) });
    await tt('POST', `/shifts/${s.id}/approve`, { approvedBy: manager.id });
    const state = await system.gql(`{ myClients { timeTracking { lastSyncStatus lastSyncError retryAttempts } } }`, {}, firm.token);
    expect(state.data.myClients[0].timeTracking).toMatchObject({ lastSyncStatus: 'FAILED', lastSyncError: 'Time tracking is unavailable (SIMULATED_FAILURE).' });
    await sim(simulator.url, 'DELETE', '/admin/faults');
    const week2 = plusDays(week1, 7);
    await eventually(async () => {
      const r = await system.gql(`query($w: String!) { myClients { hoursSyncReport(weekStart: $w) { week { sent } } timeTracking { lastSyncStatus } } }`, { w: week2 }, firm.token);
      const c = r.data?.myClients?.[0];
      return c?.hoursSyncReport?.week?.sent === 1 && c.timeTracking.lastSyncStatus === 'SUCCEEDED';
    }, 20_000, 'the retry to bring the shift approved meanwhile');
  });

  it('P2, P3 across clients: the attention view costs the same SQL statements at 10 and 120 clients (C6)', async () => {
    const small = await firmWithPayrollClients(system, 10);
    const large = await firmWithPayrollClients(system, 120);
    // Only the request's statements count: background work (relays, payroll-sync's loops) is paused.
    const resume = await pauseBackgroundWork(system, { scheduler: true });
    const QUERY = `{ payrollAttention { client { id businessName } draftsDue { deadline drafts overdue daysLeft } weeksWithErrors { weekStart errors toSend } } }`;
    const measure = async (token: string) => {
      const { result, perService } = await costOf(system, async () => {
        const res = await system.gql(QUERY, {}, token);
        if (res.errors || !res.data) throw new Error(JSON.stringify(res));
        return res.data.payrollAttention;
      });
      return { per: perService, rows: result };
    };
    await measure(small.token);
    const atTen = await measure(small.token);
    const atMany = await measure(large.token);
    resume();
    console.log(`[statements] payrollAttention at 10 clients: ${JSON.stringify(atTen.per)}; at 120: ${JSON.stringify(atMany.per)}`);
    expect(atTen.rows).toHaveLength(10);
    expect(atMany.rows).toHaveLength(120);
    expect(atMany.rows[0]).toMatchObject({ client: { businessName: expect.any(String) }, draftsDue: [expect.objectContaining({ drafts: 2 })], weeksWithErrors: [expect.objectContaining({ errors: 1 })] });
    expect(atMany.per.payrollSync).toBe(atTen.per.payrollSync);
    expect(atMany.per.clients).toBe(atTen.per.clients);
    expect(atTen.per.payrollSync).toBeLessThanOrEqual(5);
  });
});

/** A firm with `n` linked clients whose payroll needs attention (rows written directly in each service: setup only). */
async function firmWithPayrollClients(system: TestSystem, n: number): Promise<SignedUpFirm> {
  const firm = await signUpFirm(system);
  const now = new Date();
  const ids = Array.from({ length: n }, () => randomUUID());
  await system.services.clients.db.transaction(async (em) => {
    await em.query(
      `INSERT INTO client_companies (id, business_name, fein, platform, status, cs_name, cs_phone, cs_email, created_at) VALUES ${ids.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      ids.flatMap((id, i) => [id, `Payroll Client ${i}`, `46-${String(1_000_000 + Math.floor(Math.random() * 8_999_999))}`, 'PAYROLL', 'ACTIVE', 'CS', '+1 212 555 0100', 'cs@platform.example', now]),
    );
    await em.query(
      `INSERT INTO firm_client_links (id, client_id, active_client_id, firm_id, permissions, invitation_id, linked_at, ended_at) VALUES ${ids.map(() => '(?, ?, ?, ?, ?, NULL, ?, NULL)').join(', ')}`,
      ids.flatMap((id) => [randomUUID(), id, id, firm.firmId, JSON.stringify(['VIEW_COMPANY', 'VIEW_PAYROLL']), now]),
    );
    await em.query(
      `INSERT INTO assignments (id, client_id, member_id, firm_id, permissions, role, assigned_at) VALUES ${ids.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      ids.flatMap((id) => [randomUUID(), id, firm.memberId, firm.firmId, JSON.stringify(['VIEW_COMPANY', 'VIEW_PAYROLL']), 'RESPONSIBLE', now]),
    );
  });
  const payroll = system.services.payrollSync.db;
  await payroll.transaction(async (em) => {
    const rows = (cols: number, count: number) => Array.from({ length: count }, () => `(${new Array(cols).fill('?').join(', ')})`).join(', ');
    await em.query(`INSERT INTO client_links (client_id, firm_id, link_id, linked_at, permissions, permissions_at) VALUES ${rows(6, n)}`,
      ids.flatMap((id) => [id, firm.firmId, randomUUID(), now, JSON.stringify(['VIEW_PAYROLL']), now]));
    await em.query(`INSERT INTO assignment_copies (client_id, member_id, firm_id, permissions, role, active, changed_at) VALUES ${rows(7, n)}`,
      ids.flatMap((id) => [id, firm.memberId, firm.firmId, JSON.stringify(['VIEW_PAYROLL']), 'RESPONSIBLE', true, now]));
    await em.query(`INSERT INTO time_tracking_integrations (client_id, status, created_at, time_zone, pay_frequency) VALUES ${rows(5, n)}`,
      ids.flatMap((id) => [id, 'CONNECTED', now, 'America/Chicago', 'WEEKLY']));
    const periods = ids.map((id) => ({ id: randomUUID(), clientId: id }));
    await em.query(`INSERT INTO pay_periods (id, client_id, start_date, end_date, deadline) VALUES ${rows(5, n)}`,
      periods.flatMap((p) => [p.id, p.clientId, '2026-11-16', '2026-11-22', '2026-11-23']));
    await em.query(`INSERT INTO timecards (id, client_id, period_id, worker_id, status, edited, updated_at) VALUES ${rows(7, 2 * n)}`,
      periods.flatMap((p) => [randomUUID(), randomUUID()].flatMap((tid) => [tid, p.clientId, p.id, randomUUID(), 'SAVED_DRAFT', false, now])));
    await em.query(`INSERT INTO shift_syncs (client_id, shift_id, tt_worker_id, local_date, week_start, start_at, end_at, minutes, status, reason, attempts, resent, updated_at) VALUES ${rows(13, n)}`,
      ids.flatMap((id) => [id, randomUUID(), randomUUID(), '2026-11-17', '2026-11-16', now, now, 60, 'ERROR', 'no pay rate', 1, false, now]));
  });
  return firm;
}
