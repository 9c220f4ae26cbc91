import fc from 'fast-check';
import { TimecardEntity, TimecardEntryEntity } from '../src/db/entities/timecard.entities';
import { ShiftSyncEntity } from '../src/db/entities/timecard.entities';
import { WorkerEntity } from '../src/db/entities/worker.entity';
import { addDays } from '../src/domain/pay-periods';
import { payslipFor, withholdingFrom, type PayLineKind } from '../src/domain/pay';
import { dayShift, pastWeeks, simAdmin, startPayrollHarness, type PayrollHarness } from './support/payroll-harness';

/**
 * SPEC P2, P3, P7 as a property, on MySQL with the simulator as its own process: whatever the
 * order of polls, full syncs, resends, Approve All and a late pay rate, every approved shift
 * reaches a timecard exactly once and the pay totals are the same. Rates are whole cents per
 * minute (multiples of 60 per hour), so a shift paid as an adjustment in the next period costs
 * the same as in its own; with other rates the one rounding rule applies per line.
 */
describe('payroll-sync: totals do not depend on the order of approve, resend and re-sync (P2, P3, P7)', () => {
  let h: PayrollHarness;
  const { week1 } = pastWeeks();
  beforeAll(async () => {
    h = await startPayrollHarness('payroll_prop_int');
  });
  afterAll(() => h?.close());

  type Op = 'poll' | 'refresh' | 'resendAll' | 'approveAll' | 'setRate';

  it('P2, P3, P7: approve, resend and re-sync in any order leave the same totals; each shift on one timecard once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ worker: fc.constantFrom(0, 1), day: fc.integer({ min: 0, max: 6 }), hours: fc.integer({ min: 1, max: 10 }) }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.constantFrom<Op>('poll', 'refresh', 'resendAll', 'approveAll', 'setRate'), { minLength: 1, maxLength: 7 }),
        async (shifts, ops) => {
          const member = h.member();
          const clientId = await h.linkClient(member, ['VIEW_PAYROLL', 'RUN_PAYROLL', 'APPROVE_TIMECARDS', 'MANAGE_EMPLOYEES']);
          const { companyId, apiKey } = await h.company(clientId);
          const sim = (method: string, path: string, body?: unknown) => simAdmin(h.sim.url, method, `/admin/companies/${clientId}${path}`, body);
          const ann = await sim('POST', '/workers', { firstName: 'Ann', lastName: 'Lee', email: 'ann@co.test', kind: 'W2', isManager: true, payRateCents: 2400 });
          const cy = await sim('POST', '/workers', { firstName: 'Cy', lastName: 'Po', email: 'cy@co.test', kind: 'W2' });
          await h.domain.timeTracking.connect(member, { clientId, providerCompanyId: companyId, apiKey, payFrequency: 'WEEKLY' });
          await h.domain.timeTracking.refresh(member, clientId);
          // One shift per worker and day at most (the simulator refuses overlaps).
          const unique = [...new Map(shifts.map((s) => [`${s.worker}:${s.day}`, s])).values()];
          for (const s of unique) {
            const shift = await sim('POST', '/shifts', { workerId: [ann, cy][s.worker].id, ...dayShift(addDays(week1, s.day), 8, s.hours) });
            await sim('POST', `/shifts/${shift.id}/approve`, { approvedBy: ann.id });
          }
          const setRate = async () => {
            const w = await h.db.manager.findOneBy(WorkerEntity, { clientId, email: 'cy@co.test' });
            if (w) await h.domain.timeTracking.updateWorker(member, w.id, { payRateCents: 1800 });
          };
          const poll = () => h.domain.sync.run({ clientId, kind: 'POLL', leaseToken: 't', attempt: 1, nextOnSuccess: new Date(), retryAfterMs: 1000 }, 'POLL', null);
          const resendAll = async () => {
            for (const row of await h.db.manager.findBy(ShiftSyncEntity, { clientId })) await h.domain.timecards.resendShift(member, clientId, row.shiftId);
          };
          const approveAll = async () => {
            for (const periodId of new Set((await h.db.manager.findBy(TimecardEntity, { clientId })).map((t) => t.periodId))) {
              await h.domain.timecards.approveAll(member, clientId, periodId);
            }
          };
          const run: Record<Op, () => Promise<unknown>> = { poll, refresh: () => h.domain.timeTracking.refresh(member, clientId), resendAll, approveAll, setRate };
          for (const op of ops) await run[op]();
          // Then everything settles: the rate is there, everything is sent and approved.
          await setRate();
          await poll();
          await resendAll();
          await approveAll();

          const entries = await h.db.manager.findBy(TimecardEntryEntity, { clientId, kind: 'SHIFT' });
          expect(entries).toHaveLength(unique.length);
          expect(new Set(entries.map((e) => e.shiftId)).size).toBe(unique.length);
          const cards = await h.db.manager.findBy(TimecardEntity, { clientId });
          expect(cards.every((c) => c.status === 'APPROVED')).toBe(true);
          const workers = new Map((await h.db.manager.findBy(WorkerEntity, { clientId })).map((w) => [w.id, w]));
          let total = 0;
          for (const card of cards) {
            const minutes: Partial<Record<PayLineKind, number>> = {};
            for (const e of entries.filter((x) => x.timecardId === card.id)) {
              const kind: PayLineKind = e.adjustment ? 'ADJUSTMENT' : 'REGULAR';
              minutes[kind] = (minutes[kind] ?? 0) + e.minutes;
            }
            const w = workers.get(card.workerId)!;
            total += payslipFor({ workerId: w.id, kind: w.kind, rateCents: w.payRateCents!, minutes, withholding: withholdingFrom(undefined) }).totalCents;
          }
          const expected = unique.reduce((sum, s) => sum + s.hours * (s.worker === 0 ? 2400 : 1800), 0);
          expect(total).toBe(expected);
          expect(await h.db.manager.countBy(ShiftSyncEntity, { clientId, status: 'SENT' })).toBe(unique.length);
        },
      ),
      { numRuns: 12 },
    );
  });
});
