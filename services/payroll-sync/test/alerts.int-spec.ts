import { randomUUID } from 'node:crypto';
import type { FirmMemberIdentity } from '@advisor/kit';
import { EmployerTaxFilingEntity } from '../src/db/entities/payroll-run.entities';
import { addDays, approvalDeadline, startOfLocalDate } from '../src/domain/pay-periods';
import { payPeriodId } from '../src/domain/timecard-placement';
import { TIME_ZONE, connectedPayrollClient, pastWeeks, refusal, simAdmin, startPayrollHarness, type PayrollHarness } from './support/payroll-harness';

/**
 * SPEC F12 (payroll part) on MySQL, with the time-tracking and tax-authority simulators as their
 * own processes: each alert kind appears from the state that raises it and clears itself when that
 * state is resolved; C6: a member sees the alerts of the clients they may see, nobody else's.
 */
describe('F12 deadline alerts: payroll (P2, P3, P6, P7)', () => {
  let h: PayrollHarness;
  const { week2 } = pastWeeks();
  beforeAll(async () => {
    h = await startPayrollHarness('alerts_int', {}, { taxAuthority: true, taxCardRunner: { tickMs: 100 } });
  });
  afterAll(() => h?.close());
  afterEach(async () => {
    h.clock.offsetMs = 0;
    await simAdmin(h.sim.url, 'DELETE', '/admin/faults');
    await simAdmin(h.tax!.url, 'DELETE', '/admin/faults');
  });

  const alertsOf = async (who: Parameters<PayrollHarness['domain']['alerts']['alertsOf']>[0], clientId?: string) =>
    (await h.domain.alerts.alertsOf(who)).filter((a) => !clientId || a.clientId === clientId);
  /** Moves the harness clock to an instant (the domain reads it; the simulators keep real time). */
  const at = (instant: Date) => {
    h.clock.offsetMs = instant.getTime() - Date.now();
  };

  it('F12, P2: drafts raise TIMECARDS_TO_APPROVE from 24 hours before their deadline day ends (client local time), overdue after; approving clears it', async () => {
    const c = await connectedPayrollClient(h);
    await c.approvedShift(c.ann.id, week2);
    await c.poll();
    const periodId = payPeriodId(c.clientId, week2);
    const deadline = approvalDeadline(addDays(week2, 6));
    const deadlineEnds = startOfLocalDate(TIME_ZONE, addDays(deadline, 1));

    at(new Date(deadlineEnds.getTime() - 30 * 3_600_000));
    expect(await alertsOf(c.member, c.clientId)).toEqual([]);

    at(new Date(deadlineEnds.getTime() - 20 * 3_600_000));
    const [due] = await alertsOf(c.member, c.clientId);
    expect(due).toEqual({
      id: `TIMECARDS_TO_APPROVE:${c.clientId}:${periodId}`,
      kind: 'TIMECARDS_TO_APPROVE',
      clientId: c.clientId,
      dueAt: deadlineEnds,
      overdue: false,
      summary: `1 timecard of ${week2} – ${addDays(week2, 6)} to approve by ${deadline}`,
      link: `/clients/view/${c.clientId}/payroll?tab=timecards&period=${encodeURIComponent(periodId)}`,
    });

    at(new Date(deadlineEnds.getTime() + 3_600_000));
    expect(await alertsOf(c.member, c.clientId)).toEqual([expect.objectContaining({ kind: 'TIMECARDS_TO_APPROVE', overdue: true, summary: expect.stringContaining('(overdue)') })]);

    await h.domain.timecards.approveAll(c.member, c.clientId, periodId);
    expect(await alertsOf(c.member, c.clientId)).toEqual([]);
  });

  it('F12, P3: a week with a shift in ERROR raises HOURS_SYNC_ERRORS linking to that week; fixed and sent again, it clears', async () => {
    const c = await connectedPayrollClient(h);
    const shift = await c.approvedShift(c.cy.id, week2);
    await c.poll();
    const timecards = (await alertsOf(c.member, c.clientId)).filter((a) => a.kind !== 'TIMECARDS_TO_APPROVE');
    expect(timecards).toEqual([
      expect.objectContaining({
        id: `HOURS_SYNC_ERRORS:${c.clientId}:${week2}`,
        kind: 'HOURS_SYNC_ERRORS',
        dueAt: startOfLocalDate(TIME_ZONE, addDays(approvalDeadline(addDays(week2, 6)), 1)),
        summary: `Hours sync, week of ${week2}: 1 shift in ERROR`,
        link: `/clients/view/${c.clientId}/payroll?tab=hours&week=${week2}`,
      }),
    ]);
    const cy = (await h.domain.timeTracking.workers(c.member, c.clientId))!.find((w) => w.firstName === 'Cy')!;
    await h.domain.timeTracking.updateWorker(c.member, cy.id, { payRateCents: 2200 });
    expect((await h.domain.timecards.resendShift(c.member, c.clientId, shift.id)).status).toBe('SENT');
    expect((await alertsOf(c.member, c.clientId)).map((a) => a.kind)).not.toContain('HOURS_SYNC_ERRORS');
  });

  it('F12, P6: a client whose tax-card fetch FAILED raises TAX_CARD_FETCH_FAILED for members who may fetch its cards; a successful retry clears it', async () => {
    const member = h.member();
    const clientId = await h.linkClient(member, ['VIEW_PAYROLL', 'RUN_PAYROLL', 'VIEW_TAX_DOCUMENTS'], ['VIEW_COMPANY', 'VIEW_PAYROLL', 'RUN_PAYROLL', 'VIEW_TAX_DOCUMENTS']);
    const fein = `27-${String(Date.now()).slice(-7)}`;
    const { apiKey } = await simAdmin(h.tax!.url, 'POST', '/admin/employers', { fein, name: 'Failing Foods' });
    await h.domain.taxCards.connect(member, { clientId, fein, apiKey });
    const payrollOnly = h.member();
    await h.assign(payrollOnly, clientId, ['VIEW_PAYROLL']);

    await simAdmin(h.tax!.url, 'POST', '/admin/faults', { mode: 'error', status: 503, fein });
    const fetch = await h.domain.taxCards.fetch(member, { clientIds: [clientId] });
    await h.domain.taxCards.runDueNow();
    const [failed] = await alertsOf(member, clientId);
    expect(failed).toMatchObject({
      id: `TAX_CARD_FETCH_FAILED:${clientId}:${fetch.id}`,
      kind: 'TAX_CARD_FETCH_FAILED',
      // Due since it failed: it needs a retry now.
      overdue: true,
      summary: expect.stringContaining('could not be reached'),
      link: `/tax-cards?fetch=${fetch.id}`,
    });
    // VIEW_PAYROLL alone does not reach the tax-card screen: no alert for them.
    expect(await alertsOf(payrollOnly, clientId)).toEqual([]);

    await simAdmin(h.tax!.url, 'DELETE', '/admin/faults');
    await h.domain.taxCards.retry(member, fetch.id);
    expect(await alertsOf(member, clientId)).toEqual([]); // under way again: nothing to do
    await h.domain.taxCards.runDueNow();
    expect(await alertsOf(member, clientId)).toEqual([]);
  });

  it('F12, P7: a rejected employer tax filing raises FILING_REJECTED, due the 15th of the month after; no longer rejected, it clears', async () => {
    const member = h.member();
    const clientId = await h.linkClient(member, ['VIEW_PAYROLL']);
    // Filings are not submitted to the authority yet (README, P7): the authority's answer is written as the submission will write it.
    const id = randomUUID();
    await h.db.manager.insert(EmployerTaxFilingEntity, { id, clientId, month: '2026-12', grossCents: 100_00, employerTaxCents: 7_65, runs: 1, status: 'REJECTED', updatedAt: new Date() });
    expect(await alertsOf(member, clientId)).toEqual([
      expect.objectContaining({ kind: 'FILING_REJECTED', dueAt: startOfLocalDate(TIME_ZONE, '2027-01-15'), link: `/clients/view/${clientId}/payroll?tab=filings` }),
    ]);
    await h.db.manager.update(EmployerTaxFilingEntity, { id }, { status: 'ACCEPTED' });
    expect(await alertsOf(member, clientId)).toEqual([]);
  });

  it('F12, C6: a member unassigned from a client sees none of its alerts, one who sees all clients sees them, another firm and a client admin of another company none', async () => {
    const c = await connectedPayrollClient(h);
    await c.approvedShift(c.cy.id, week2);
    await c.poll();
    expect((await alertsOf(c.member, c.clientId)).length).toBeGreaterThan(0);

    const colleague = h.member();
    expect(await alertsOf(colleague, c.clientId)).toEqual([]);
    const partner: FirmMemberIdentity = h.member({ permissions: ['VIEW_ALL_CLIENTS'] });
    // Seeing the client is not enough: the alerts' screens need VIEW_PAYROLL (an unassigned partner holds none, C3).
    expect(await alertsOf(partner, c.clientId)).toEqual([]);
    await h.assign(colleague, c.clientId, ['VIEW_PAYROLL']);
    expect((await alertsOf(colleague, c.clientId)).map((a) => a.kind)).toContain('HOURS_SYNC_ERRORS');

    const stranger = h.member({ firmId: randomUUID(), firmRole: 'ADMIN' });
    expect(await alertsOf(stranger, c.clientId)).toEqual([]);
    expect(await alertsOf(h.clientAdmin(randomUUID()), c.clientId)).toEqual([]);
    // The client's own admin (MANAGE) gets their company's.
    expect((await alertsOf(h.clientAdmin(c.clientId, ['MANAGE']), c.clientId)).map((a) => a.kind)).toContain('HOURS_SYNC_ERRORS');
  });

  it('F12: the feed is paginated, soonest due first, with the total; a cursor it did not give is BAD_USER_INPUT', async () => {
    const member = h.member();
    const clients = [await h.linkClient(member, ['VIEW_PAYROLL']), await h.linkClient(member, ['VIEW_PAYROLL']), await h.linkClient(member, ['VIEW_PAYROLL'])];
    for (const [i, clientId] of clients.entries()) {
      await h.db.manager.insert(EmployerTaxFilingEntity, { id: randomUUID(), clientId, month: `2026-0${i + 1}`, grossCents: 1, employerTaxCents: 0, runs: 1, status: 'REJECTED', updatedAt: new Date() });
    }
    const first = await h.domain.alerts.page(member, { first: 2 });
    expect(first.totalCount).toBe(3);
    expect(first.alerts.map((a) => a.clientId)).toEqual([clients[0], clients[1]]);
    const second = await h.domain.alerts.page(member, { first: 2, after: first.nextCursor });
    expect(second).toMatchObject({ totalCount: 3, nextCursor: null });
    expect(second.alerts.map((a) => a.clientId)).toEqual([clients[2]]);
    expect(await refusal(h.domain.alerts.page(member, { after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
    expect(await refusal(h.domain.alerts.page(member, { first: 0 }))).toBe('BAD_USER_INPUT');
    expect(await refusal(h.domain.alerts.page({ realm: 'anonymous' }, {}))).toBe('UNAUTHENTICATED');
  });
});
