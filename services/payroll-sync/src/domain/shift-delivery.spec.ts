import type { WorkerEntity } from '../db/entities/worker.entity';
import { shiftProblem, type ShiftFacts } from './shift-delivery';

const worker = (overrides: Partial<WorkerEntity> = {}) => ({ id: 'w1', firstName: 'Ann', lastName: 'Lee', payRateCents: 2500, removedAt: null, ...overrides }) as WorkerEntity;
const shift = (id: string, start: string, end: string, minutes: number, localDate = start.slice(0, 10)): ShiftFacts => ({
  shiftId: id, ttWorkerId: 't1', start: new Date(start), end: new Date(end), minutes, localDate,
});

describe('shift checks before a shift reaches a timecard (SPEC P2, P3)', () => {
  const day = shift('a', '2026-03-02T14:00:00Z', '2026-03-02T22:00:00Z', 450);

  it('P3: each refusal has a reason a person can act on', () => {
    expect(shiftProblem(day, undefined, [])).toMatch(/^No payroll member is linked/);
    expect(shiftProblem(day, worker({ payRateCents: null }), [])).toBe('Ann Lee has no pay rate in payroll: set a pay rate, then send the shift again.');
    expect(shiftProblem(day, worker({ removedAt: new Date() }), [])).toMatch(/was removed from payroll/);
    expect(shiftProblem(day, worker(), [])).toBeNull();
  });

  it('P2: negative hours, over 24 hours, overlapping shifts and over 24 hours a day are refused', () => {
    expect(shiftProblem({ ...day, minutes: -30 }, worker(), [])).toMatch(/no paid time/);
    expect(shiftProblem({ ...day, minutes: 24 * 60 + 1 }, worker(), [])).toMatch(/longer than 24 hours/);
    const overlapping = shift('b', '2026-03-02T21:00:00Z', '2026-03-03T01:00:00Z', 240);
    expect(shiftProblem(overlapping, worker(), [day])).toBe("This shift overlaps the worker's shift of 2026-03-02 14:00–22:00 UTC: correct one of them in time tracking.");
    const late = shift('c', '2026-03-02T22:00:00Z', '2026-03-03T14:40:00Z', 1000, '2026-03-02');
    expect(shiftProblem(late, worker(), [day])).toMatch(/more than 24 hours on 2026-03-02/);
    // Another worker's shift at the same time is no overlap; the same shift sent again is not its own overlap.
    expect(shiftProblem(overlapping, worker(), [{ ...day, ttWorkerId: 't2' }])).toBeNull();
    expect(shiftProblem(day, worker(), [day])).toBeNull();
  });
});
