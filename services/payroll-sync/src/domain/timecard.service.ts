import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { CommonErrorCode, DomainError, parseInput, type Clock, type Database, type Identity } from '@advisor/kit';
import { recordAudit } from '@advisor/rules';
import { z } from 'zod';
import { TimeTrackingIntegrationEntity } from '../db/entities/time-tracking-integration.entity';
import { PayPeriodEntity, ShiftSyncEntity, TimecardEntity, TimecardEntryEntity } from '../db/entities/timecard.entities';
import { PayrollRunEntity } from '../db/entities/payroll-run.entities';
import { WorkerEntity } from '../db/entities/worker.entity';
import { actorRef, parseActorRef, type PayrollAuthorizer } from './authorizer';
import { PayrollErrorCode } from './errors';
import { DEFAULT_PERIOD_ANCHOR, addDays, dayOfWeek, federalHolidayOn, isLocalDate, localDateIn, weekStartOf, type PaySchedule } from './pay-periods';
import { forUpdate, payPeriodOf } from './timecard-placement';
import type { SyncService } from './sync.service';
import { monthsOf, type KeyFigureService } from './key-figures.service';

export interface PayPeriodView extends PayPeriodEntity {
  /** The holiday that moved the deadline earlier, when one did. */
  deadlineMovedFor: string | null;
  paid: boolean;
  draftCount: number;
  approvedCount: number;
}

export interface TimecardView {
  id: string;
  clientId: string;
  periodId: string;
  workerId: string;
  status: TimecardEntity['status'];
  edited: boolean;
  approvedAt: Date | null;
  approvedBy: { realm: 'firm' | 'client'; id: string } | null;
  shiftMinutes: number;
  adjustmentMinutes: number;
  ptoMinutes: number;
  holidayMinutes: number;
  entries: TimecardEntryEntity[];
}

export interface HoursSyncWeek {
  weekStart: string;
  weekEnd: string;
  sent: number;
  toSend: number;
  errors: number;
  needsAttention: boolean;
}

const DAY_MINUTES = 24 * 60;

const editInput = z.object({
  /** SPEC P2: holiday hours are entered by hand, per day of the period; they replace what was entered before. */
  holidayHours: z.array(z.object({ date: z.string(), minutes: z.number().int() })).max(31),
});

export function timecardView(t: TimecardEntity, entries: TimecardEntryEntity[]): TimecardView {
  const sum = (f: (e: TimecardEntryEntity) => boolean) => entries.filter(f).reduce((s, e) => s + e.minutes, 0);
  return {
    id: t.id, clientId: t.clientId, periodId: t.periodId, workerId: t.workerId, status: t.status, edited: t.edited, approvedAt: t.approvedAt,
    approvedBy: parseActorRef(t.approvedBy),
    shiftMinutes: sum((e) => e.kind === 'SHIFT' && !e.adjustment),
    adjustmentMinutes: sum((e) => e.kind === 'SHIFT' && e.adjustment),
    ptoMinutes: sum((e) => e.kind === 'PTO'),
    holidayMinutes: sum((e) => e.kind === 'HOLIDAY'),
    entries: [...entries].sort((a, b) => a.workDate.localeCompare(b.workDate) || a.kind.localeCompare(b.kind)),
  };
}

/**
 * SPEC P2 timecards and P3 hours sync report: pay periods with their deadlines, the timecards of
 * a period, edits (holiday hours), Approve All and approve one; approved timecards are locked.
 */
export class TimecardService {
  constructor(
    private readonly db: Database,
    private readonly auth: PayrollAuthorizer,
    private readonly sync: SyncService,
    private readonly clock: Clock,
    private readonly figures: KeyFigureService,
  ) {}

  private async scheduleOf(clientId: string, em: EntityManager = this.db.manager): Promise<{ schedule: PaySchedule; timeZone: string } | null> {
    const i = await em.findOne(TimeTrackingIntegrationEntity, { where: { clientId } });
    if (!i?.payFrequency) return null;
    return { schedule: { frequency: i.payFrequency, anchor: i.periodAnchor ?? DEFAULT_PERIOD_ANCHOR }, timeZone: i.timeZone ?? 'America/New_York' };
  }

  /** SPEC P2: the client's recent pay periods (the current one first), with deadlines in its local dates (VIEW_PAYROLL). */
  async payPeriods(identity: Identity, clientId: string, count: number): Promise<PayPeriodView[] | null> {
    if (!(await this.auth.allowed(identity, [clientId], 'VIEW')).has(clientId)) return null;
    const s = await this.scheduleOf(clientId);
    if (!s) return [];
    const today = localDateIn(s.timeZone, this.clock.now());
    const computed: PayPeriodEntity[] = [];
    let date = today;
    for (let i = 0; i < Math.min(Math.max(count, 1), 26); i++) {
      const p = payPeriodOf(clientId, s.schedule, date);
      computed.push(p);
      date = addDays(p.startDate, -1);
    }
    const ids = computed.map((p) => p.id);
    const [cards, runs] = await Promise.all([
      this.db.manager.find(TimecardEntity, { select: { periodId: true, status: true }, where: { clientId, periodId: In(ids) } }),
      this.db.manager.find(PayrollRunEntity, { select: { periodId: true }, where: { clientId, periodId: In(ids) } }),
    ]);
    const paid = new Set(runs.map((r) => r.periodId));
    return computed.map((p) => ({
      ...p,
      deadlineMovedFor: p.deadline !== nextMonday(p.endDate) ? (federalHolidayOn(nextMonday(p.endDate)) ?? null) : null,
      paid: paid.has(p.id),
      draftCount: cards.filter((c) => c.periodId === p.id && c.status === 'SAVED_DRAFT').length,
      approvedCount: cards.filter((c) => c.periodId === p.id && c.status === 'APPROVED').length,
    }));
  }

  /** SPEC P2: a period's timecards, one per worker (VIEW_PAYROLL). */
  async timecards(identity: Identity, clientId: string, periodId: string): Promise<TimecardView[] | null> {
    if (!(await this.auth.allowed(identity, [clientId], 'VIEW')).has(clientId)) return null;
    const cards = await this.db.manager.find(TimecardEntity, { where: { clientId, periodId } });
    return this.withEntries(cards);
  }

  private async withEntries(cards: TimecardEntity[], em: EntityManager = this.db.manager): Promise<TimecardView[]> {
    const entries = cards.length ? await em.find(TimecardEntryEntity, { where: { timecardId: In(cards.map((c) => c.id)) } }) : [];
    return cards.map((c) => timecardView(c, entries.filter((e) => e.timecardId === c.id)));
  }

  private async lockedTimecard(em: EntityManager, identity: Identity, timecardId: string): Promise<TimecardEntity> {
    const card = await forUpdate(this.db, em.createQueryBuilder(TimecardEntity, 't').where('t.id = :id', { id: timecardId })).getOne();
    if (!card) throw new DomainError(CommonErrorCode.NotFound, 'The timecard was not found.');
    await this.auth.require(identity, card.clientId, 'APPROVE', em);
    return card;
  }

  /**
   * SPEC P2 review and edit: holiday hours entered by hand (shifts are edited in time tracking,
   * before their approval). Refused with its own code: negative hours, a date outside the period,
   * more than 24 hours on a day, or a timecard already approved. All or nothing.
   */
  async updateTimecard(identity: Identity, timecardId: string, raw: unknown): Promise<TimecardView> {
    const input = parseInput(editInput, raw);
    return this.db.transaction(async (em) => {
      const card = await this.lockedTimecard(em, identity, timecardId);
      if (card.status === 'APPROVED') throw new DomainError(PayrollErrorCode.TimecardLocked, 'This timecard is approved and locked; it can no longer be edited.');
      const period = await em.findOneOrFail(PayPeriodEntity, { where: { id: card.periodId } });
      const holiday = new Map<string, number>();
      for (const h of input.holidayHours) {
        if (h.minutes < 0) throw new DomainError(PayrollErrorCode.NegativeHours, `Hours cannot be negative (${h.date}).`, { date: h.date });
        if (!isLocalDate(h.date) || h.date < period.startDate || h.date > period.endDate) {
          throw new DomainError(PayrollErrorCode.DateOutsidePeriod, `${h.date} is not a day of this pay period (${period.startDate} to ${period.endDate}).`, { date: h.date });
        }
        holiday.set(h.date, (holiday.get(h.date) ?? 0) + h.minutes);
      }
      const entries = await em.find(TimecardEntryEntity, { where: { timecardId } });
      const perDay = new Map<string, number>();
      for (const e of entries) if (e.kind !== 'HOLIDAY' && !e.adjustment) perDay.set(e.workDate, (perDay.get(e.workDate) ?? 0) + e.minutes);
      for (const [date, minutes] of holiday) {
        if ((perDay.get(date) ?? 0) + minutes > DAY_MINUTES) {
          throw new DomainError(PayrollErrorCode.HoursOverDayLimit, `More than 24 hours on ${date}: shifts, PTO and holiday hours together cannot exceed a day.`, { date });
        }
      }
      const before = timecardView(card, entries);
      await em.delete(TimecardEntryEntity, { timecardId, kind: 'HOLIDAY' });
      const now = this.clock.now();
      const added = [...holiday].filter(([, m]) => m > 0).map(([date, minutes]) => ({
        id: randomUUID(), timecardId, clientId: card.clientId, workDate: date, kind: 'HOLIDAY' as const, minutes, shiftId: null, timeOffId: null, adjustment: false, createdAt: now,
      }));
      if (added.length) await em.insert(TimecardEntryEntity, added);
      await em.update(TimecardEntity, { id: timecardId }, { edited: true, updatedAt: now });
      // SPEC P4: shifts on a timecard edited by hand no longer count as automated.
      if (!card.edited) await this.figures.refresh(em, card.clientId, monthsOf([period.startDate, period.endDate, ...entries.map((e) => e.workDate)]));
      const after = timecardView({ ...card, edited: true, updatedAt: now }, [...entries.filter((e) => e.kind !== 'HOLIDAY'), ...added]);
      await this.audit(em, identity, card.clientId, 'TIMECARD_EDITED', card.id, { holidayMinutes: before.holidayMinutes }, { holidayMinutes: after.holidayMinutes });
      return after;
    });
  }

  /** SPEC P2: approve one reviewed timecard: SAVED_DRAFT → APPROVED, locked from then on (approving it again changes nothing). */
  async approveTimecard(identity: Identity, timecardId: string): Promise<TimecardView> {
    return this.db.transaction(async (em) => {
      const card = await this.lockedTimecard(em, identity, timecardId);
      if (card.status === 'SAVED_DRAFT') {
        const now = this.clock.now();
        Object.assign(card, { status: 'APPROVED', approvedAt: now, approvedBy: actorRef(identity), updatedAt: now });
        await em.update(TimecardEntity, { id: card.id }, { status: 'APPROVED', approvedAt: now, approvedBy: card.approvedBy, updatedAt: now });
        await this.audit(em, identity, card.clientId, 'TIMECARD_APPROVED', card.id, { status: 'SAVED_DRAFT' }, { status: 'APPROVED' });
      }
      return (await this.withEntries([card], em))[0];
    });
  }

  /** SPEC P2 Approve All: every SAVED_DRAFT timecard of the period at once (APPROVE_TIMECARDS, or a client admin). */
  async approveAll(identity: Identity, clientId: string, periodId: string): Promise<TimecardView[]> {
    await this.auth.require(identity, clientId, 'APPROVE');
    return this.db.transaction(async (em) => {
      const drafts = await forUpdate(this.db, em.createQueryBuilder(TimecardEntity, 't').where('t.client_id = :clientId AND t.period_id = :periodId AND t.status = :status', { clientId, periodId, status: 'SAVED_DRAFT' })).getMany();
      const now = this.clock.now();
      if (drafts.length) {
        await em.update(TimecardEntity, { id: In(drafts.map((d) => d.id)) }, { status: 'APPROVED', approvedAt: now, approvedBy: actorRef(identity), updatedAt: now });
        await this.audit(em, identity, clientId, 'TIMECARDS_APPROVED_ALL', periodId, { drafts: drafts.length }, { approved: drafts.map((d) => d.id) });
      }
      return this.withEntries(await em.find(TimecardEntity, { where: { clientId, periodId } }), em);
    });
  }

  /** SPEC P3: the weeks with synced shifts, newest first, each flagged when it needs attention (VIEW_PAYROLL). */
  async hoursSyncWeeks(identity: Identity, clientId: string, last: number): Promise<HoursSyncWeek[] | null> {
    if (!(await this.auth.allowed(identity, [clientId], 'VIEW')).has(clientId)) return null;
    const rows: Array<{ week_start: string; status: string; n: string | number }> = await this.db.manager.query(
      'SELECT week_start, status, COUNT(*) AS n FROM shift_syncs WHERE client_id = ? GROUP BY week_start, status',
      [clientId],
    );
    const weeks = new Map<string, HoursSyncWeek>();
    for (const r of rows) {
      const w = weeks.get(r.week_start) ?? { weekStart: r.week_start, weekEnd: addDays(r.week_start, 6), sent: 0, toSend: 0, errors: 0, needsAttention: false };
      const n = Number(r.n);
      if (r.status === 'SENT') w.sent += n;
      else if (r.status === 'SEND') w.toSend += n;
      else w.errors += n;
      w.needsAttention = w.toSend + w.errors > 0;
      weeks.set(r.week_start, w);
    }
    return [...weeks.values()].sort((a, b) => b.weekStart.localeCompare(a.weekStart)).slice(0, Math.min(Math.max(last, 1), 104));
  }

  /** SPEC P3: one week (Monday to Sunday), per worker, each shift with its status (VIEW_PAYROLL). */
  async hoursSyncReport(identity: Identity, clientId: string, weekStart: string): Promise<{ week: HoursSyncWeek; workers: Array<{ workerId: string | null; ttWorkerId: string; shifts: ShiftSyncEntity[] }> } | null> {
    if (!isLocalDate(weekStart)) throw new DomainError(CommonErrorCode.BadUserInput, 'weekStart must be a date YYYY-MM-DD.', { fields: [{ field: 'weekStart', message: 'must be a date YYYY-MM-DD' }] });
    if (!(await this.auth.allowed(identity, [clientId], 'VIEW')).has(clientId)) return null;
    const monday = weekStartOf(weekStart);
    const shifts = await this.db.manager.find(ShiftSyncEntity, { where: { clientId, weekStart: monday }, order: { startAt: 'ASC' } });
    const byWorker = new Map<string, { workerId: string | null; ttWorkerId: string; shifts: ShiftSyncEntity[] }>();
    for (const s of shifts) {
      const w = byWorker.get(s.ttWorkerId) ?? { workerId: s.workerId, ttWorkerId: s.ttWorkerId, shifts: [] };
      w.workerId = w.workerId ?? s.workerId;
      w.shifts.push(s);
      byWorker.set(s.ttWorkerId, w);
    }
    const count = (status: string) => shifts.filter((s) => s.status === status).length;
    const week = { weekStart: monday, weekEnd: addDays(monday, 6), sent: count('SENT'), toSend: count('SEND'), errors: count('ERROR'), needsAttention: count('SEND') + count('ERROR') > 0 };
    return { week, workers: [...byWorker.values()] };
  }

  /** SPEC P3: send a shift again by hand (APPROVE_TIMECARDS, or a client admin); idempotent. */
  async resendShift(identity: Identity, clientId: string, shiftId: string): Promise<ShiftSyncEntity> {
    await this.auth.require(identity, clientId, 'APPROVE');
    const row = await this.sync.resend(clientId, shiftId);
    if (!row) throw new DomainError(CommonErrorCode.NotFound, 'The shift was not found in this client\'s sync report.');
    return row;
  }

  /** Workers by id for the timecards and the report (one statement). */
  async workersByIds(ids: readonly string[]): Promise<Array<WorkerEntity | null>> {
    const rows = ids.length ? await this.db.manager.find(WorkerEntity, { where: { id: In([...ids]) } }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  private audit(em: EntityManager, identity: Identity, clientId: string, action: string, subjectId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
    const actor = parseActorRef(actorRef(identity))!;
    return recordAudit(em, { scopeType: 'CLIENT', scopeId: clientId, actorRealm: actor.realm, actorId: actor.id, action, subjectType: 'TIMECARD', subjectId, before, after, at: this.clock.now() });
  }
}

function nextMonday(end: string): string {
  let d = addDays(end, 1);
  while (dayOfWeek(d) !== 1) d = addDays(d, 1);
  return d;
}
