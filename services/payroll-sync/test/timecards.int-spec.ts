import { TimecardEntryEntity } from '../src/db/entities/timecard.entities';
import { addDays } from '../src/domain/pay-periods';
import { payPeriodId } from '../src/domain/timecard-placement';
import { connectedPayrollClient, dayShift, pastWeeks, refusal, simAdmin, startPayrollHarness, type PayrollHarness } from './support/payroll-harness';

/**
 * SPEC P2 (timecards) and P3 (hours sync report) on MySQL with the time-tracking simulator as its
 * own process: approved shifts and time off reach SAVED_DRAFT timecards through the short poll;
 * edits, Approve All and approve one; locks; late shifts as adjustments; statuses SENT, SEND
 * and ERROR for real, and resend by hand, once.
 */
describe('payroll-sync: timecards and the hours sync report (P2, P3)', () => {
  let h: PayrollHarness;
  const { week1, week2 } = pastWeeks();
  beforeAll(async () => {
    h = await startPayrollHarness('payroll_tc_int');
  });
  afterAll(() => h?.close());
  afterEach(() => simAdmin(h.sim.url, 'DELETE', '/admin/faults'));

  const client = () => connectedPayrollClient(h);

  it('P2: approved shifts and approved time off reach SAVED_DRAFT timecards, one per worker per period, with the deadline', async () => {
    const c = await client();
    await c.approvedShift(c.ann.id, week1);
    await c.approvedShift(c.ann.id, addDays(week1, 1));
    await c.sim('POST', '/shifts', { workerId: c.ann.id, ...dayShift(addDays(week1, 2)) }); // not approved: stays in time tracking
    const pto = await c.sim('POST', '/time-off', { workerId: c.ann.id, date: addDays(week1, 3), minutes: 480, kind: 'PTO' });
    await c.sim('POST', `/time-off/${pto.id}/approve`, { approvedBy: c.manager.id });

    const outcome = await c.poll();
    expect(outcome).toMatchObject({ status: 'SUCCEEDED', shiftsSent: 2, shiftErrors: 0, timeOffEntries: 1 });
    const periodId = payPeriodId(c.clientId, week1);
    const cards = await h.domain.timecards.timecards(c.member, c.clientId, periodId);
    expect(cards).toHaveLength(1);
    expect(cards![0]).toMatchObject({ status: 'SAVED_DRAFT', shiftMinutes: 2 * 450, ptoMinutes: 480, holidayMinutes: 0, adjustmentMinutes: 0 });
    // Time tracking learned that both shifts reached payroll.
    const tt = await c.sim('GET', '');
    expect(tt.shifts.filter((s: { receipt: { status: string } | null }) => s.receipt?.status === 'SENT')).toHaveLength(2);

    const periods = await h.domain.timecards.payPeriods(c.member, c.clientId, 4);
    const period = periods!.find((p) => p.id === periodId)!;
    expect(period).toMatchObject({ startDate: week1, endDate: addDays(week1, 6), draftCount: 1, approvedCount: 0, paid: false });
    expect(period.deadline <= addDays(week1, 7)).toBe(true);
    expect(period.deadline > addDays(week1, 3)).toBe(true);

    // A second poll finds nothing new; the same shift never lands twice.
    expect(await c.poll()).toMatchObject({ shiftsSent: 0, timeOffEntries: 0 });
    expect(await h.db.manager.countBy(TimecardEntryEntity, { clientId: c.clientId })).toBe(3);
    const synced = (await h.events('timecards-synced')).filter((e) => e.clientId === c.clientId);
    expect(synced).toEqual([expect.objectContaining({ shiftsSent: 2, timeOffEntries: 1, periodStarts: [week1] })]);
  });

  it('P2: holiday hours are entered by hand; bad hours are refused with their own code, nothing half-written; approved timecards are locked', async () => {
    const c = await client();
    await c.approvedShift(c.ann.id, week1, 9, 16);
    await c.poll();
    const [card] = (await h.domain.timecards.timecards(c.member, c.clientId, payPeriodId(c.clientId, week1)))!;

    expect(await refusal(h.domain.timecards.updateTimecard(c.member, card.id, { holidayHours: [{ date: addDays(week1, 4), minutes: -60 }] }))).toBe('NEGATIVE_HOURS');
    // 16 h worked (15.5 h paid) + 9 h holiday on the same day is more than a day.
    expect(await refusal(h.domain.timecards.updateTimecard(c.member, card.id, { holidayHours: [{ date: addDays(week1, 4), minutes: 60 }, { date: week1, minutes: 540 }] }))).toBe('HOURS_OVER_24_PER_DAY');
    expect(await refusal(h.domain.timecards.updateTimecard(c.member, card.id, { holidayHours: [{ date: addDays(week1, 7), minutes: 60 }] }))).toBe('DATE_OUTSIDE_PERIOD');
    expect(await h.db.manager.countBy(TimecardEntryEntity, { timecardId: card.id, kind: 'HOLIDAY' })).toBe(0);
    // Someone without APPROVE_TIMECARDS cannot edit or approve.
    const viewer = h.member();
    await h.assign(viewer, c.clientId, ['VIEW_PAYROLL']);
    expect(await refusal(h.domain.timecards.approveTimecard(viewer, card.id))).toBe('FORBIDDEN');
    expect(await refusal(h.domain.timecards.updateTimecard(viewer, card.id, { holidayHours: [] }))).toBe('FORBIDDEN');
    expect(await refusal(h.domain.timecards.approveAll(viewer, c.clientId, card.periodId))).toBe('FORBIDDEN');
    expect(await refusal(h.domain.timecards.approveTimecard(h.member(), card.id))).toBe('NOT_FOUND');
    // The viewer still reads them (VIEW_PAYROLL).
    expect(await h.domain.timecards.timecards(viewer, c.clientId, card.periodId)).toHaveLength(1);

    const edited = await h.domain.timecards.updateTimecard(c.member, card.id, { holidayHours: [{ date: addDays(week1, 4), minutes: 480 }] });
    expect(edited).toMatchObject({ edited: true, holidayMinutes: 480, shiftMinutes: 930, status: 'SAVED_DRAFT' });
    const approved = await h.domain.timecards.approveTimecard(c.member, card.id);
    expect(approved).toMatchObject({ status: 'APPROVED', approvedBy: { realm: 'firm', id: c.member.memberId } });
    expect(await refusal(h.domain.timecards.updateTimecard(c.member, card.id, { holidayHours: [] }))).toBe('TIMECARD_APPROVED_LOCKED');
  });

  it('P2: Approve All approves every draft of the period at once; a shift approved late for it becomes an adjustment in the next period', async () => {
    const c = await client();
    await c.approvedShift(c.ann.id, week1);
    await c.approvedShift(c.manager.id, addDays(week1, 2));
    await c.poll();
    const periodId = payPeriodId(c.clientId, week1);
    const owner = h.clientAdmin(c.clientId);
    const all = await h.domain.timecards.approveAll(owner, c.clientId, periodId);
    expect(all.map((t) => t.status)).toEqual(['APPROVED', 'APPROVED']);
    expect(all[0].approvedBy).toEqual({ realm: 'client', id: owner.clientAdminId });

    // Ann's Friday shift of week 1 is approved only now: week 1 is closed for her.
    await c.approvedShift(c.ann.id, addDays(week1, 4));
    await c.poll();
    const next = await h.domain.timecards.timecards(c.member, c.clientId, payPeriodId(c.clientId, week2));
    expect(next).toEqual([expect.objectContaining({ status: 'SAVED_DRAFT', shiftMinutes: 0, adjustmentMinutes: 450 })]);
    expect(next![0].entries).toEqual([expect.objectContaining({ workDate: addDays(week1, 4), kind: 'SHIFT', adjustment: true })]);
    expect((await h.domain.timecards.timecards(c.member, c.clientId, periodId))!.map((t) => t.shiftMinutes)).toEqual([450, 450]);
  });

  it('P3: a worker without a pay rate is ERROR with a reason to act on; after the rate is set, a resend makes it SENT, once', async () => {
    const c = await client();
    const shift = await c.approvedShift(c.cy.id, week2);
    expect(await c.poll()).toMatchObject({ shiftsSent: 0, shiftErrors: 1 });
    const report = await h.domain.timecards.hoursSyncReport(c.member, c.clientId, addDays(week2, 3));
    expect(report!.week).toMatchObject({ weekStart: week2, errors: 1, needsAttention: true });
    expect(report!.workers[0].shifts[0]).toMatchObject({ shiftId: shift.id, status: 'ERROR', reason: 'Cy Po has no pay rate in payroll: set a pay rate, then send the shift again.' });
    const tt = await c.sim('GET', '');
    expect(tt.shifts.find((s: { id: string }) => s.id === shift.id).receipt).toMatchObject({ status: 'ERROR' });

    // Still no rate: sending again ends in ERROR again.
    expect((await h.domain.timecards.resendShift(c.member, c.clientId, shift.id)).status).toBe('ERROR');
    const cy = (await h.domain.timeTracking.workers(c.member, c.clientId))!.find((w) => w.firstName === 'Cy')!;
    await h.domain.timeTracking.updateWorker(c.member, cy.id, { payRateCents: 2200 });
    const sent = await h.domain.timecards.resendShift(c.member, c.clientId, shift.id);
    expect(sent).toMatchObject({ status: 'SENT', reason: null, resent: true });
    expect(sent.sentAt).toBeInstanceOf(Date);
    // Idempotent: sending a SENT shift again changes nothing; it is on one timecard once.
    await h.domain.timecards.resendShift(c.member, c.clientId, shift.id);
    await h.domain.timecards.resendShift(c.member, c.clientId, shift.id);
    expect(await h.db.manager.countBy(TimecardEntryEntity, { clientId: c.clientId, shiftId: shift.id })).toBe(1);
    const weeks = await h.domain.timecards.hoursSyncWeeks(c.member, c.clientId, 4);
    expect(weeks).toEqual([expect.objectContaining({ weekStart: week2, sent: 1, errors: 0, needsAttention: false })]);
  });

  it('P3: when time tracking does not confirm a shift it is SEND; sent again by hand once it answers, it is SENT', async () => {
    const c = await client();
    const shift = await c.approvedShift(c.ann.id, week2);
    await simAdmin(h.sim.url, 'POST', '/admin/faults', { mode: 'error', status: 503, path: '/receipts', companyId: c.clientId });
    expect(await c.poll()).toMatchObject({ status: 'SUCCEEDED', shiftsSent: 0, shiftErrors: 1 });
    const report = await h.domain.timecards.hoursSyncReport(c.member, c.clientId, week2);
    expect(report!.workers[0].shifts[0]).toMatchObject({ status: 'SEND' });
    expect(report!.workers[0].shifts[0].reason).toMatch(/^Time tracking did not confirm the shift/);
    // Nothing reached the timecard yet.
    expect(await h.db.manager.countBy(TimecardEntryEntity, { clientId: c.clientId, shiftId: shift.id })).toBe(0);
    // Still down: the resend stays SEND.
    expect((await h.domain.timecards.resendShift(c.member, c.clientId, shift.id)).status).toBe('SEND');
    await simAdmin(h.sim.url, 'DELETE', '/admin/faults');
    expect((await h.domain.timecards.resendShift(c.member, c.clientId, shift.id)).status).toBe('SENT');
    expect(await h.db.manager.countBy(TimecardEntryEntity, { clientId: c.clientId, shiftId: shift.id })).toBe(1);
  });

  it('P2, P3: more than 24 paid hours on a day is ERROR; with time tracking down the poll fails visibly and loses nothing', async () => {
    const c = await client();
    await c.approvedShift(c.ann.id, week2, 6, 8);
    await c.poll();
    // The simulator refuses overlapping shifts itself; two shifts starting the same day that add up to
    // more than 24 paid hours pass there and are refused here.
    await c.approvedShift(c.manager.id, addDays(week2, 1), 0, 12);
    await c.approvedShift(c.manager.id, addDays(week2, 1), 12, 14);
    await c.poll();
    const report = await h.domain.timecards.hoursSyncReport(c.member, c.clientId, week2);
    const max = report!.workers.find((w) => w.shifts.length === 2)!;
    expect(max.shifts.map((s) => s.status)).toEqual(['SENT', 'ERROR']);
    expect(max.shifts[1].reason).toMatch(/more than 24 hours/);

    // Time tracking down: the poll fails with a reason and a retry time; shifts approved meanwhile arrive later.
    await simAdmin(h.sim.url, 'POST', '/admin/faults', { mode: 'error', status: 503, companyId: c.clientId });
    await c.approvedShift(c.ann.id, addDays(week2, 3)).catch(() => undefined);
    expect(await c.poll()).toMatchObject({ status: 'FAILED', error: 'Time tracking is unavailable (SIMULATED_FAILURE).' });
    await simAdmin(h.sim.url, 'DELETE', '/admin/faults');
    const later = await c.approvedShift(c.ann.id, addDays(week2, 4));
    expect(await c.poll()).toMatchObject({ status: 'SUCCEEDED', shiftsSent: 2 });
    expect(await h.db.manager.countBy(TimecardEntryEntity, { clientId: c.clientId, shiftId: later.id })).toBe(1);
  });
});
