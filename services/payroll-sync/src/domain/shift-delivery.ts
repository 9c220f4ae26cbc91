import type { WorkerEntity } from '../db/entities/worker.entity';
import type { ShiftSyncStatus } from '../db/entities/timecard.entities';
import { ProviderError, type TimeTrackingConnection, type TimeTrackingProvider } from '../providers';
import { addDays } from './pay-periods';
import type { EntryToPlace } from './timecard-placement';

/** What payroll knows of an approved shift (from time tracking's change feed, kept in shift_syncs). */
export interface ShiftFacts {
  shiftId: string;
  ttWorkerId: string;
  start: Date;
  end: Date;
  minutes: number;
  localDate: string;
}

export interface ShiftOutcome {
  shiftId: string;
  status: ShiftSyncStatus;
  reason: string | null;
  sentAt: Date | null;
  workerId: string | null;
}

const DAY_MINUTES = 24 * 60;
const hhmm = (d: Date) => d.toISOString().slice(11, 16);

/**
 * SPEC P3: why a shift cannot reach a timecard, in words a person can act on; null when it can.
 * `others` are the worker's shifts already on timecards (and those accepted earlier in the batch).
 */
export function shiftProblem(shift: ShiftFacts, worker: WorkerEntity | undefined, others: ShiftFacts[]): string | null {
  if (!worker) return 'No payroll member is linked to this time-tracking worker yet: refresh time tracking to bring new members over, then send the shift again.';
  if (worker.removedAt) return `${worker.firstName} ${worker.lastName} was removed from payroll: add them back before sending the shift again.`;
  if (worker.payRateCents === null) return `${worker.firstName} ${worker.lastName} has no pay rate in payroll: set a pay rate, then send the shift again.`;
  if (shift.minutes <= 0) return 'This shift has no paid time (negative or zero hours): correct it in time tracking.';
  if (shift.minutes > DAY_MINUTES) return 'This shift is longer than 24 hours: correct it in time tracking.';
  const mine = others.filter((o) => o.ttWorkerId === shift.ttWorkerId && o.shiftId !== shift.shiftId);
  const overlap = mine.find((o) => o.start < shift.end && shift.start < o.end);
  if (overlap) return `This shift overlaps the worker's shift of ${overlap.localDate} ${hhmm(overlap.start)}–${hhmm(overlap.end)} UTC: correct one of them in time tracking.`;
  const sameDay = mine.filter((o) => o.localDate === shift.localDate).reduce((sum, o) => sum + o.minutes, 0);
  if (sameDay + shift.minutes > DAY_MINUTES) return `With this shift the worker would have more than 24 hours on ${shift.localDate}: correct the shifts in time tracking.`;
  return null;
}

/** The dates whose shifts can overlap or share a day with these (one day either side). */
export function neighbourDates(shifts: ShiftFacts[]): { from: string; to: string } | null {
  if (shifts.length === 0) return null;
  const dates = shifts.map((s) => s.localDate).sort();
  return { from: addDays(dates[0], -1), to: addDays(dates[dates.length - 1], 1) };
}

/**
 * Sends each shift's receipt to time tracking and decides its status (SPEC P2, P3): a valid shift
 * whose receipt time tracking confirms is SENT and goes on a timecard; a shift payroll cannot
 * take is ERROR (and time tracking is told why); a valid shift whose receipt could not be
 * confirmed (time-out, 5xx) is SEND: nothing reached the timecard, a person sends it again.
 * A rejected API key fails the whole sync (ProviderError UNAUTHORIZED is thrown).
 */
export async function deliverShifts(
  provider: TimeTrackingProvider,
  connection: TimeTrackingConnection,
  shifts: ShiftFacts[],
  workersByTtId: Map<string, WorkerEntity>,
  onTimecards: ShiftFacts[],
): Promise<{ outcomes: ShiftOutcome[]; toPlace: EntryToPlace[] }> {
  const outcomes: ShiftOutcome[] = [];
  const toPlace: EntryToPlace[] = [];
  const accepted = [...onTimecards];
  for (const shift of [...shifts].sort((a, b) => a.start.getTime() - b.start.getTime())) {
    const worker = workersByTtId.get(shift.ttWorkerId);
    const problem = shiftProblem(shift, worker, accepted);
    if (problem) {
      await provider.sendShiftReceipt(connection, shift.shiftId, { status: 'ERROR', reason: problem }).catch((err) => {
        if (err instanceof ProviderError && err.kind === 'UNAUTHORIZED') throw err;
      });
      outcomes.push({ shiftId: shift.shiftId, status: 'ERROR', reason: problem, sentAt: null, workerId: worker?.id ?? null });
      continue;
    }
    try {
      const receipt = await provider.sendShiftReceipt(connection, shift.shiftId, { status: 'SENT' });
      outcomes.push({ shiftId: shift.shiftId, status: 'SENT', reason: null, sentAt: new Date(receipt.receivedAt), workerId: worker!.id });
      toPlace.push({ workerId: worker!.id, date: shift.localDate, kind: 'SHIFT', minutes: shift.minutes, shiftId: shift.shiftId });
      accepted.push(shift);
    } catch (err) {
      if (!(err instanceof ProviderError) || err.kind === 'UNAUTHORIZED') throw err;
      if (err.kind === 'REFUSED') {
        const reason =
          err.code === 'UNKNOWN_WORKER'
            ? 'This worker was removed from time tracking: restore them there, or correct the shift, then send it again.'
            : err.code === 'SHIFT_NOT_APPROVED'
              ? 'This shift is no longer approved in time tracking: approve it there first.'
              : `Time tracking refused the shift: ${err.message}`;
        outcomes.push({ shiftId: shift.shiftId, status: 'ERROR', reason, sentAt: null, workerId: worker!.id });
      } else {
        outcomes.push({ shiftId: shift.shiftId, status: 'SEND', reason: `Time tracking did not confirm the shift (${err.message}) Send it again.`, sentAt: null, workerId: worker!.id });
      }
    }
  }
  return { outcomes, toPlace };
}
