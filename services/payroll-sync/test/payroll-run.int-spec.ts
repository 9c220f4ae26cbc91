import { EmployerTaxFilingEntity, PayrollRunEntity, PayslipEntity } from '../src/db/entities/payroll-run.entities';
import { addDays } from '../src/domain/pay-periods';
import { payPeriodId } from '../src/domain/timecard-placement';
import { dayShift, pastWeeks, refusal, simAdmin, startPayrollHarness, type PayrollHarness } from './support/payroll-harness';

/**
 * SPEC P7 (and C5's producer side) on MySQL: a payroll run for a period whose timecards are all
 * approved; payslips, contractor payments, the month's employer filing, exact money; a period
 * runs once even when two replicas try at the same moment; `payroll-run.completed` in the outbox.
 */
const LINK = ['VIEW_COMPANY', 'VIEW_PAYROLL', 'RUN_PAYROLL', 'APPROVE_TIMECARDS', 'MANAGE_EMPLOYEES'];

describe('payroll-sync: payroll runs (P7, C5)', () => {
  let h: PayrollHarness;
  const { week1, thisWeek } = pastWeeks();
  beforeAll(async () => {
    h = await startPayrollHarness('payroll_run_int', {}, { taxAuthority: true });
  });
  afterAll(() => h?.close());

  async function approvedPeriod() {
    const member = h.member();
    const clientId = await h.linkClient(member, ['VIEW_PAYROLL', 'RUN_PAYROLL', 'APPROVE_TIMECARDS', 'VIEW_TAX_DOCUMENTS'], [...LINK, 'VIEW_TAX_DOCUMENTS']);
    const { companyId, apiKey } = await h.company(clientId);
    const sim = (method: string, path: string, body?: unknown) => simAdmin(h.sim.url, method, `/admin/companies/${clientId}${path}`, body);
    const boss = await sim('POST', '/workers', { firstName: 'Max', lastName: 'Roe', email: 'max@co.test', kind: 'W2', isManager: true, payRateCents: 3333 });
    const bo = await sim('POST', '/workers', { firstName: 'Bo', lastName: 'Ek', email: 'bo@co.test', kind: 'CONTRACTOR', payRateCents: 5000 });
    await h.domain.timeTracking.connect(member, { clientId, providerCompanyId: companyId, apiKey, payFrequency: 'WEEKLY' });
    await h.domain.timeTracking.refresh(member, clientId);
    for (const [workerId, date, hours] of [[boss.id, week1, 8], [boss.id, addDays(week1, 1), 7], [bo.id, addDays(week1, 2), 5]] as const) {
      const shift = await sim('POST', '/shifts', { workerId, ...dayShift(date, 9, hours), breakMinutes: 13 });
      await sim('POST', `/shifts/${shift.id}/approve`, { approvedBy: boss.id });
    }
    const pto = await sim('POST', '/time-off', { workerId: boss.id, date: addDays(week1, 3), minutes: 240, kind: 'PTO' });
    await sim('POST', `/time-off/${pto.id}/approve`, { approvedBy: boss.id });
    await h.domain.sync.run({ clientId, kind: 'POLL', leaseToken: 't', attempt: 1, nextOnSuccess: new Date(), retryAfterMs: 1000 }, 'POLL', null);
    const periodId = payPeriodId(clientId, week1);
    const cards = (await h.domain.timecards.timecards(member, clientId, periodId))!;
    const bossCard = cards.find((c) => c.ptoMinutes > 0)!;
    await h.domain.timecards.updateTimecard(member, bossCard.id, { holidayHours: [{ date: addDays(week1, 4), minutes: 480 }] });
    return { member, clientId, periodId, cards, bossCard };
  }

  it('P7: a period with drafts is refused; so are a member without RUN_PAYROLL, a period without timecards and one that has not ended', async () => {
    const { member, clientId, periodId } = await approvedPeriod();
    expect(await refusal(h.domain.runs.run(member, clientId, periodId))).toBe('PERIOD_HAS_DRAFTS');
    await h.domain.timecards.approveAll(member, clientId, periodId);
    const approver = h.member();
    await h.assign(approver, clientId, ['VIEW_PAYROLL', 'APPROVE_TIMECARDS']);
    expect(await refusal(h.domain.runs.run(approver, clientId, periodId))).toBe('FORBIDDEN');
    expect(await refusal(h.domain.runs.run(member, clientId, payPeriodId(clientId, addDays(thisWeek, -21))))).toBe('PERIOD_HAS_NO_TIMECARDS');
    // This week's period has not ended yet.
    const tt = await simAdmin(h.sim.url, 'GET', `/admin/companies/${clientId}`);
    const max = tt.workers.find((w: { email: string }) => w.email === 'max@co.test');
    const today = await simAdmin(h.sim.url, 'POST', `/admin/companies/${clientId}/shifts`, { workerId: max.id, ...dayShift(thisWeek, 9, 1) });
    await simAdmin(h.sim.url, 'POST', `/admin/companies/${clientId}/shifts/${today.id}/approve`, { approvedBy: max.id });
    await h.domain.sync.run({ clientId, kind: 'POLL', leaseToken: 't', attempt: 1, nextOnSuccess: new Date(), retryAfterMs: 1000 }, 'POLL', null);
    await h.domain.timecards.approveAll(member, clientId, payPeriodId(clientId, thisWeek));
    expect(await refusal(h.domain.runs.run(member, clientId, payPeriodId(clientId, thisWeek)))).toBe('PERIOD_NOT_ENDED');
    expect(await h.db.manager.countBy(PayrollRunEntity, { clientId })).toBe(0);
  });

  it('P7, C5: payslips (hours × rate, PTO and holiday pay), contractor payments, the monthly filing, exact cents; the event names the runner', async () => {
    const { member, clientId, periodId } = await approvedPeriod();
    await h.domain.timecards.approveAll(member, clientId, periodId);
    const run = await h.domain.runs.run(member, clientId, periodId);
    // Max: (467 + 407) min shifts, 240 PTO, 480 holiday at $33.33/h. Bo (1099): 287 min at $50.00/h.
    // One rounding rule: minutes × rate ÷ 60, half up, per line.
    const line = (minutes: number, rate: number) => Math.floor((2 * minutes * rate + 60) / 120);
    const maxPay = line(874, 3333) + line(240, 3333) + line(480, 3333);
    expect(run).toMatchObject({ grossCents: maxPay, contractorCents: line(287, 5000), employerTaxCents: Math.floor((2 * maxPay * 765 + 10000) / 20000) });
    const slips = await h.db.manager.findBy(PayslipEntity, { runId: run.id });
    const max = slips.find((s) => s.kind === 'PAYSLIP')!;
    expect(max.lines.map((l) => [l.kind, l.minutes, l.amountCents])).toEqual([
      ['REGULAR', 874, line(874, 3333)],
      ['PTO', 240, line(240, 3333)],
      ['HOLIDAY', 480, line(480, 3333)],
    ]);
    expect(max.totalCents).toBe(max.lines.reduce((s, l) => s + l.amountCents, 0));
    expect(slips.find((s) => s.kind === 'CONTRACTOR_PAYMENT')).toMatchObject({ totalCents: line(287, 5000), employerTaxCents: 0 });
    const filing = await h.db.manager.findOneByOrFail(EmployerTaxFilingEntity, { clientId });
    expect(filing).toMatchObject({ month: addDays(week1, 6).slice(0, 7), grossCents: maxPay, employerTaxCents: run.employerTaxCents, runs: 1, status: 'NOT_SUBMITTED' });
    const events = (await h.events('payroll-run-completed')).filter((e) => e.clientId === clientId);
    expect(events).toEqual([
      { runId: run.id, clientId, runBy: { realm: 'firm', id: member.memberId }, payPeriodStart: week1, payPeriodEnd: addDays(week1, 6), completedAt: run.completedAt.toISOString() },
    ]);
    expect((await h.domain.timecards.payPeriods(member, clientId, 4))!.find((p) => p.id === periodId)!.paid).toBe(true);
    expect(await refusal(h.domain.runs.run(member, clientId, periodId))).toBe('PERIOD_ALREADY_RUN');
  });

  it('P5, P6, P7: income tax withheld per W2 payslip at the rate of the employee\'s fetched tax card, else the default 22 %; none from a contractor; summed on the run and the filing, which is submitted in the background (retried without an answer, ACCEPTED or REJECTED with errors, P4)', async () => {
    const line = (minutes: number, rate: number) => Math.floor((2 * minutes * rate + 60) / 120);
    const halfUp = (cents: number, bp: number) => Math.floor((2 * cents * bp + 10_000) / 20_000);
    const maxPay = line(874, 3333) + line(240, 3333) + line(480, 3333);
    // A: Max's tax card (18.50 %) fetched from the tax authority (SPEC P6). B: no card.
    const a = await approvedPeriod();
    const maxId = (await h.domain.timeTracking.workers(a.member, a.clientId))!.find((w) => w.email === 'max@co.test')!.id;
    const fein = `13-${String(Date.now() % 10_000_000).padStart(7, '0')}`;
    const { apiKey } = await simAdmin(h.tax!.url, 'POST', '/admin/employers', { fein, name: 'Withholding Co' });
    await simAdmin(h.tax!.url, 'POST', `/admin/employers/${fein}/employees`, { externalRef: maxId, firstName: 'Max', lastName: 'Roe', withholdingRateBasisPoints: 1850 });
    await h.domain.taxCards.connect(a.member, { clientId: a.clientId, fein, apiKey });
    const fetch = await h.domain.taxCards.fetch(a.member, { clientIds: [a.clientId], year: Number(addDays(week1, 6).slice(0, 4)) });
    await h.domain.taxCards.runDueNow();
    expect(await h.domain.taxCards.fetchView(a.member, fetch.id)).toMatchObject({ status: 'FINISHED', fetched: 1 });
    const b = await approvedPeriod();
    for (const { member, clientId, periodId } of [a, b]) await h.domain.timecards.approveAll(member, clientId, periodId);
    const [runA, runB] = [await h.domain.runs.run(a.member, a.clientId, a.periodId), await h.domain.runs.run(b.member, b.clientId, b.periodId)];

    const slipsA = await h.db.manager.findBy(PayslipEntity, { runId: runA.id });
    expect(slipsA.find((s) => s.kind === 'PAYSLIP')).toMatchObject({ totalCents: maxPay, withheldCents: halfUp(maxPay, 1850), withholdingRateBasisPoints: 1850, withholdingSource: 'TAX_CARD' });
    expect(slipsA.find((s) => s.kind === 'CONTRACTOR_PAYMENT')).toMatchObject({ withheldCents: 0, withholdingRateBasisPoints: null, withholdingSource: null });
    expect(runA.withheldCents).toBe(halfUp(maxPay, 1850));
    const slipsB = await h.db.manager.findBy(PayslipEntity, { runId: runB.id });
    expect(slipsB.find((s) => s.kind === 'PAYSLIP')).toMatchObject({ withheldCents: halfUp(maxPay, 2200), withholdingRateBasisPoints: 2200, withholdingSource: 'DEFAULT_RATE' });
    expect(runB.withheldCents).toBe(halfUp(maxPay, 2200));
    expect(await h.db.manager.findOneByOrFail(EmployerTaxFilingEntity, { clientId: a.clientId })).toMatchObject({ withheldCents: runA.withheldCents, grossCents: maxPay });

    // SPEC P7: the month's filings go to the tax authority in the background. The authority is down
    // for A's first attempt and B is not connected: both wait, with the reason, and are tried again.
    await simAdmin(h.tax!.url, 'POST', '/admin/faults', { mode: 'error', status: 503, fein, times: 1 });
    await h.domain.filings.runDueNow();
    const filingOf = (clientId: string) => h.db.manager.findOneByOrFail(EmployerTaxFilingEntity, { clientId });
    expect(await filingOf(a.clientId)).toMatchObject({ status: 'NOT_SUBMITTED', attempts: 1, lastAttemptError: expect.stringContaining('could not be reached'), nextAttemptAt: expect.any(Date) });
    expect(await filingOf(b.clientId)).toMatchObject({ status: 'NOT_SUBMITTED', attempts: 1, lastAttemptError: expect.stringContaining('not connected') });
    // B connects an account where Max has no tax card; once the wait is over both are submitted.
    const other = `14-${String(Date.now() % 10_000_000).padStart(7, '0')}`;
    const { apiKey: otherKey } = await simAdmin(h.tax!.url, 'POST', '/admin/employers', { fein: other, name: 'No Cards Co' });
    await h.domain.taxCards.connect(b.member, { clientId: b.clientId, fein: other, apiKey: otherKey });
    // Not before the wait is over (the other tests' filings here wait too: they are not connected).
    expect(await h.domain.filings.runDueNow()).toBe(0);
    h.clock.offsetMs += 5 * 60_000;
    try {
      await h.domain.filings.runDueNow();
    } finally {
      h.clock.offsetMs -= 5 * 60_000;
    }
    expect(await filingOf(a.clientId)).toMatchObject({ status: 'ACCEPTED', errors: null, submittedRuns: 1, submittedAt: expect.any(Date), lastAttemptError: null, lockedBy: null });
    const rejected = await filingOf(b.clientId);
    expect(rejected).toMatchObject({ status: 'REJECTED', errors: [{ code: 'NO_TAX_CARD', message: expect.stringContaining('has no tax card') }], submittedRuns: 1 });
    // What the authority holds: A's filing once (the failed attempt filed nothing), its line Max's pay and withholding.
    const atAuthority = await simAdmin(h.tax!.url, 'GET', `/admin/employers/${fein}`);
    expect(atAuthority.filings).toEqual([expect.objectContaining({ status: 'ACCEPTED', grossPayCents: maxPay, taxWithheldCents: runA.withheldCents, lines: [{ externalRef: maxId, grossPayCents: maxPay, taxWithheldCents: runA.withheldCents }] })]);
    // SPEC P4: the next month's key figures count B's filing with errors, for those who see B (C6).
    const month = addDays(week1, 6).slice(0, 7);
    const next = month.endsWith('-12') ? `${Number(month.slice(0, 4)) + 1}-01` : `${month.slice(0, 5)}${String(Number(month.slice(5)) + 1).padStart(2, '0')}`;
    expect((await h.domain.figures.keyFigures(b.member, { month: next })).filingsWithErrorsLastMonth).toBe(1);
    expect((await h.domain.figures.keyFigures(a.member, { month: next })).filingsWithErrorsLastMonth).toBe(0);
    expect((await h.domain.figures.keyFigures(h.member(), { month: next })).filingsWithErrorsLastMonth).toBe(0);
  });

  it('P7: a period runs once: of concurrent runs on two replicas exactly one wins, the others are PERIOD_ALREADY_RUN', async () => {
    const { member, clientId, periodId } = await approvedPeriod();
    await h.domain.timecards.approveAll(member, clientId, periodId);
    const replicas = [h.domain, (await h.replica()).domain, (await h.replica()).domain];
    const results = await Promise.allSettled(replicas.flatMap((d) => [d.runs.run(member, clientId, periodId), d.runs.run(member, clientId, periodId)]));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => ((r as PromiseRejectedResult).reason as { code: string }).code)).toEqual(new Array(5).fill('PERIOD_ALREADY_RUN'));
    expect(await h.db.manager.countBy(PayrollRunEntity, { clientId })).toBe(1);
    expect((await h.events('payroll-run-completed')).filter((e) => e.clientId === clientId)).toHaveLength(1);
    expect((await h.db.manager.findOneByOrFail(EmployerTaxFilingEntity, { clientId })).runs).toBe(1);
  });

  it('P2, P7: a shift approved after its period was paid is an adjustment paid in the next period', async () => {
    const { member, clientId, periodId } = await approvedPeriod();
    await h.domain.timecards.approveAll(member, clientId, periodId);
    await h.domain.runs.run(member, clientId, periodId);
    const workers = await simAdmin(h.sim.url, 'GET', `/admin/companies/${clientId}`);
    const bo = workers.workers.find((w: { email: string }) => w.email === 'bo@co.test');
    const boss = workers.workers.find((w: { email: string }) => w.email === 'max@co.test');
    const shift = await simAdmin(h.sim.url, 'POST', `/admin/companies/${clientId}/shifts`, { workerId: bo.id, ...dayShift(addDays(week1, 5), 9, 2) });
    await simAdmin(h.sim.url, 'POST', `/admin/companies/${clientId}/shifts/${shift.id}/approve`, { approvedBy: boss.id });
    await h.domain.sync.run({ clientId, kind: 'POLL', leaseToken: 't', attempt: 1, nextOnSuccess: new Date(), retryAfterMs: 1000 }, 'POLL', null);
    const next = await h.domain.timecards.timecards(member, clientId, payPeriodId(clientId, addDays(week1, 7)));
    expect(next).toEqual([expect.objectContaining({ adjustmentMinutes: 120, status: 'SAVED_DRAFT' })]);
  });
});
