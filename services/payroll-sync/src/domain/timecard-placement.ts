import { createHash, randomUUID } from 'node:crypto';
import { In, type EntityManager, type SelectQueryBuilder, type ObjectLiteral } from 'typeorm';
import type { Database } from '@advisor/kit';
import { PayPeriodEntity, TimecardEntity, TimecardEntryEntity, type EntryKind } from '../db/entities/timecard.entities';
import { PayrollRunEntity } from '../db/entities/payroll-run.entities';
import { addDays, approvalDeadline, periodContaining, type PaySchedule } from './pay-periods';

/** A pay period's id is derived from the client and its first day, so every replica names it alike. */
export function payPeriodId(clientId: string, start: string): string {
  const h = createHash('sha1').update(`pay-period:${clientId}:${start}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function payPeriodOf(clientId: string, schedule: PaySchedule, date: string): PayPeriodEntity {
  const { start, end } = periodContaining(schedule, date);
  return { id: payPeriodId(clientId, start), clientId, startDate: start, endDate: end, deadline: approvalDeadline(end) };
}

/** Row locks on MySQL (SELECT … FOR UPDATE); the embedded store runs one transaction at a time and needs none. */
export function forUpdate<T extends ObjectLiteral>(db: Database, qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return db.kind === 'mysql' ? qb.setLock('pessimistic_write') : qb;
}

export interface EntryToPlace {
  workerId: string;
  /** The local date the minutes belong to. */
  date: string;
  kind: EntryKind;
  minutes: number;
  shiftId?: string;
  timeOffId?: string;
}

/**
 * Puts synced minutes on SAVED_DRAFT timecards (SPEC P2): one timecard per worker per pay period,
 * created on first use. When the period's timecard is already APPROVED, or the period has been
 * paid, the minutes become an adjustment on the worker's timecard in the next period that is
 * still open. A shift or time off reaches a timecard once (SPEC P3): a unique key per client and
 * shift (or time off), so placing it again changes nothing.
 */
export class TimecardPlacement {
  constructor(private readonly db: Database) {}

  /** Inside the caller's transaction; returns the first days of the periods whose timecards changed. */
  async place(em: EntityManager, clientId: string, schedule: PaySchedule, entries: EntryToPlace[], now: Date): Promise<{ periodStarts: Set<string>; placed: number }> {
    const periodStarts = new Set<string>();
    let placed = 0;
    if (entries.length === 0) return { periodStarts, placed };
    const already = await this.alreadyPlaced(em, clientId, entries);
    const paidPeriods = new Map<string, boolean>();
    /** Locks the period row (a payroll run locks it too) and reads whether it was paid, as of now. */
    const isPaid = async (periodId: string): Promise<boolean> => {
      if (!paidPeriods.has(periodId)) {
        await forUpdate(this.db, em.createQueryBuilder(PayPeriodEntity, 'p').where('p.id = :periodId', { periodId })).getOne();
        const run = await forUpdate(this.db, em.createQueryBuilder(PayrollRunEntity, 'r').where('r.period_id = :periodId', { periodId })).getOne();
        paidPeriods.set(periodId, !!run);
      }
      return paidPeriods.get(periodId)!;
    };
    for (const entry of entries) {
      if (already.has(keyOf(entry))) continue;
      let period = payPeriodOf(clientId, schedule, entry.date);
      let adjustment = false;
      let timecard: TimecardEntity | null = null;
      for (let hops = 0; hops < 120; hops++) {
        await em.createQueryBuilder().insert().into(PayPeriodEntity).values(period).orIgnore().execute();
        const paid = await isPaid(period.id);
        timecard = await this.lockedTimecard(em, period.id, entry.workerId);
        if (!paid && (!timecard || timecard.status === 'SAVED_DRAFT')) break;
        period = payPeriodOf(clientId, schedule, addDays(period.endDate, 1));
        adjustment = true;
        timecard = null;
      }
      if (!timecard) {
        await em
          .createQueryBuilder()
          .insert()
          .into(TimecardEntity)
          .values({ id: randomUUID(), clientId, periodId: period.id, workerId: entry.workerId, status: 'SAVED_DRAFT', edited: false, approvedAt: null, approvedBy: null, updatedAt: now })
          .orIgnore()
          .execute();
        timecard = await this.lockedTimecard(em, period.id, entry.workerId);
        if (!timecard || timecard.status !== 'SAVED_DRAFT') throw new Error('a timecard changed while minutes were placed on it; the sync runs again');
      } else {
        await em.update(TimecardEntity, { id: timecard.id }, { updatedAt: now });
      }
      await em
        .createQueryBuilder()
        .insert()
        .into(TimecardEntryEntity)
        .values({
          id: randomUUID(),
          timecardId: timecard.id,
          clientId,
          workDate: entry.date,
          kind: entry.kind,
          minutes: entry.minutes,
          shiftId: entry.shiftId ?? null,
          timeOffId: entry.timeOffId ?? null,
          adjustment,
          createdAt: now,
        })
        .orIgnore()
        .execute();
      periodStarts.add(period.startDate);
      placed += 1;
    }
    return { periodStarts, placed };
  }

  private async alreadyPlaced(em: EntityManager, clientId: string, entries: EntryToPlace[]): Promise<Set<string>> {
    const shiftIds = entries.flatMap((e) => (e.shiftId ? [e.shiftId] : []));
    const timeOffIds = entries.flatMap((e) => (e.timeOffId ? [e.timeOffId] : []));
    const found = new Set<string>();
    if (shiftIds.length) {
      for (const r of await em.find(TimecardEntryEntity, { select: { shiftId: true }, where: { clientId, shiftId: In(shiftIds) } })) found.add(`s:${r.shiftId}`);
    }
    if (timeOffIds.length) {
      for (const r of await em.find(TimecardEntryEntity, { select: { timeOffId: true }, where: { clientId, timeOffId: In(timeOffIds) } })) found.add(`t:${r.timeOffId}`);
    }
    return found;
  }

  private lockedTimecard(em: EntityManager, periodId: string, workerId: string): Promise<TimecardEntity | null> {
    return forUpdate(this.db, em.createQueryBuilder(TimecardEntity, 't').where('t.period_id = :periodId AND t.worker_id = :workerId', { periodId, workerId })).getOne();
  }
}

const keyOf = (e: EntryToPlace) => (e.shiftId ? `s:${e.shiftId}` : `t:${e.timeOffId}`);
