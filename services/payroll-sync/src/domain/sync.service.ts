import { randomUUID } from 'node:crypto';
import { Between, In, type EntityManager } from 'typeorm';
import { enqueueEvent, type Clock, type Database, type Logger } from '@advisor/kit';
import { syncFailed, timecardsSynced } from '@advisor/schema';
import { TimeTrackingIntegrationEntity } from '../db/entities/time-tracking-integration.entity';
import { SyncChangeEntity, SyncJobEntity, SyncRunEntity, TimeTrackingCredentialEntity, type SyncCause, type SyncJobKind } from '../db/entities/sync.entities';
import { ShiftSyncEntity } from '../db/entities/timecard.entities';
import { WorkerEntity } from '../db/entities/worker.entity';
import { ProviderError, type TimeTrackingConnection, type TimeTrackingProvider, type TimeTrackingShift } from '../providers';
import type { ActorRef } from './authorizer';
import { DEFAULT_PERIOD_ANCHOR, weekStartOf, type PaySchedule } from './pay-periods';
import { deliverShifts, neighbourDates, type ShiftFacts, type ShiftOutcome } from './shift-delivery';
import { TimecardPlacement, type EntryToPlace } from './timecard-placement';
import { syncWorkers, type ChangeRecord } from './worker-sync';
import { monthsOf, type KeyFigureService } from './key-figures.service';

export const PAYROLL_SYNC_PRODUCER = 'payroll-sync';

/** The job a run holds (a lease on its sync_jobs row) and where it goes next. */
export interface HeldJob {
  clientId: string;
  kind: SyncJobKind;
  leaseToken: string;
  /** This run's attempt number (1 + failures in a row before it). */
  attempt: number;
  nextOnSuccess: Date;
  /** If this run fails, the next attempt waits this long from the failure (backoff). */
  retryAfterMs: number;
}

export interface SyncOutcome {
  runId: string;
  status: 'SUCCEEDED' | 'FAILED' | 'SKIPPED';
  error: string | null;
  changes: number;
  shiftsSent: number;
  shiftErrors: number;
  timeOffEntries: number;
}

/** A message a person can act on (never a key, never an internal address). */
export function describeSyncError(err: unknown): string {
  if (err instanceof ProviderError) {
    if (err.kind === 'UNAUTHORIZED') return 'Time tracking no longer accepts the stored API key: connect time tracking again with a new key.';
    if (err.kind === 'TIMEOUT') return 'Time tracking did not answer in time.';
    if (err.kind === 'UNAVAILABLE') return `Time tracking is unavailable (${err.code}).`;
    return `Time tracking refused the sync: ${err.message}`;
  }
  return 'The sync failed on our side; it has been logged.';
}

const facts = (s: TimeTrackingShift): ShiftFacts => ({ shiftId: s.id, ttWorkerId: s.workerId, start: new Date(s.start), end: new Date(s.end), minutes: s.minutes, localDate: s.localDate });
const factsOfRow = (r: ShiftSyncEntity): ShiftFacts => ({ shiftId: r.shiftId, ttWorkerId: r.ttWorkerId, start: r.startAt, end: r.endAt, minutes: r.minutes, localDate: r.localDate });

/** A connected client's schedule and connection, or null when it is not connected. */
export interface Connected {
  integration: TimeTrackingIntegrationEntity;
  connection: TimeTrackingConnection;
  schedule: PaySchedule;
}

export async function loadConnected(em: EntityManager, clientId: string): Promise<Connected | null> {
  const integration = await em.findOne(TimeTrackingIntegrationEntity, { where: { clientId } });
  if (!integration || integration.status !== 'CONNECTED' || !integration.providerCompanyId) return null;
  const credential = await em.findOne(TimeTrackingCredentialEntity, { where: { clientId } });
  if (!credential) return null;
  return {
    integration,
    connection: { companyId: integration.providerCompanyId, apiKey: credential.apiKey },
    schedule: { frequency: integration.payFrequency ?? 'WEEKLY', anchor: integration.periodAnchor ?? DEFAULT_PERIOD_ANCHOR },
  };
}

/**
 * One sync of one client (SPEC P1, P2, P3): SYNC is the full two-way sync (members, then shifts
 * and time off); POLL is the short poll of approved shifts and time off only. Everything read
 * from time tracking is written in ONE transaction together with the new read positions, the
 * run's record, its events and the job's next run, so a sync that fails half-way leaves nothing
 * half-written and reads the same changes again next time (nothing is lost).
 */
export class SyncService {
  constructor(
    private readonly db: Database,
    readonly provider: TimeTrackingProvider | null,
    private readonly placement: TimecardPlacement,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** SPEC P4: the client's month figures, recounted in the transaction that changes them. */
    private readonly figures: KeyFigureService,
  ) {}

  async run(job: HeldJob, cause: SyncCause, startedBy: ActorRef | null): Promise<SyncOutcome> {
    const runId = randomUUID();
    const startedAt = this.clock.now();
    const connected = await loadConnected(this.db.manager, job.clientId);
    if (!connected || !this.provider) {
      await this.db.manager.delete(SyncJobEntity, { clientId: job.clientId, kind: job.kind, lockedBy: job.leaseToken });
      return { runId, status: 'SKIPPED', error: null, changes: 0, shiftsSent: 0, shiftErrors: 0, timeOffEntries: 0 };
    }
    const run: SyncRunEntity = { id: runId, clientId: job.clientId, cause, startedBy, startedAt, finishedAt: null, status: 'RUNNING', error: null, attempt: job.attempt, changes: 0, shiftsSent: 0 };
    if (job.kind === 'SYNC') await this.db.manager.insert(SyncRunEntity, run);
    try {
      return await this.work(job, connected, run);
    } catch (err) {
      const message = describeSyncError(err);
      if (!(err instanceof ProviderError)) this.logger.error({ err, clientId: job.clientId }, 'sync failed unexpectedly');
      else this.logger.warn({ clientId: job.clientId, kind: err.kind, code: err.code, attempt: job.attempt }, 'sync failed; it will retry');
      await this.failed(job, run, message);
      return { runId, status: 'FAILED', error: message, changes: 0, shiftsSent: 0, shiftErrors: 0, timeOffEntries: 0 };
    }
  }

  private async work(job: HeldJob, { integration, connection, schedule }: Connected, run: SyncRunEntity): Promise<SyncOutcome> {
    const provider = this.provider!;
    const now = this.clock.now();
    const clientId = job.clientId;
    const ours = await this.db.manager.find(WorkerEntity, { where: { clientId } });
    const members =
      job.kind === 'SYNC'
        ? await syncWorkers(provider, connection, clientId, ours, integration.workersCursor, now)
        : { workers: ours, inserted: [], updated: [], changes: [] as ChangeRecord[], cursor: integration.workersCursor };
    const workersByTtId = new Map(members.workers.filter((w) => w.ttWorkerId).map((w) => [w.ttWorkerId!, w]));

    // Approved shifts since the last read position (SPEC P2 step 2).
    const shifts: TimeTrackingShift[] = [];
    let shiftsCursor = integration.shiftsCursor;
    for (;;) {
      const page = await provider.listShifts(connection, { since: shiftsCursor, limit: 500 });
      shifts.push(...page.items.filter((s) => s.status === 'APPROVED'));
      shiftsCursor = page.nextSequence;
      if (!page.hasMore) break;
    }
    const known = shifts.length
      ? new Set((await this.db.manager.find(ShiftSyncEntity, { select: { shiftId: true }, where: { clientId, shiftId: In(shifts.map((s) => s.id)) } })).map((r) => r.shiftId))
      : new Set<string>();
    const fresh = shifts.filter((s) => !known.has(s.id)).map(facts);
    const range = neighbourDates(fresh);
    const onTimecards = range
      ? (await this.db.manager.find(ShiftSyncEntity, { where: { clientId, status: 'SENT', localDate: Between(range.from, range.to) } })).map(factsOfRow)
      : [];
    const delivered = await deliverShifts(provider, connection, fresh, workersByTtId, onTimecards);

    // Approved time off becomes PTO (SPEC P2): paid time off and sick leave; unpaid leave is not payroll hours.
    const toPlace: EntryToPlace[] = [...delivered.toPlace];
    let timeOffCursor = integration.timeOffCursor;
    for (;;) {
      const page = await provider.listTimeOff(connection, { since: timeOffCursor, limit: 500 });
      for (const t of page.items) {
        const worker = workersByTtId.get(t.workerId);
        if (t.status !== 'APPROVED' || t.kind === 'UNPAID' || !worker || worker.removedAt || t.minutes <= 0 || t.minutes > 24 * 60) continue;
        toPlace.push({ workerId: worker.id, date: t.date, kind: 'PTO', minutes: t.minutes, timeOffId: t.id });
      }
      timeOffCursor = page.nextSequence;
      if (!page.hasMore) break;
    }

    const factsById = new Map(fresh.map((f) => [f.shiftId, f]));
    const approvedAt = new Map(shifts.map((s) => [s.id, s.approvedAt]));
    return this.db.transaction(async (em) => {
      if (members.inserted.length) await em.insert(WorkerEntity, members.inserted);
      for (const w of members.updated) await em.save(WorkerEntity, w);
      if (members.changes.length) await em.insert(SyncChangeEntity, members.changes.map((c) => ({ ...c, syncRunId: run.id, clientId, at: now })));
      if (delivered.outcomes.length) {
        // orIgnore: a poll and a sync that met on the same shift record it once.
        const rows = delivered.outcomes.map((o) => shiftRow(clientId, factsById.get(o.shiftId)!, o, approvedAt.get(o.shiftId) ?? null, now));
        await em.createQueryBuilder().insert().into(ShiftSyncEntity).values(rows).orIgnore().execute();
      }
      const placed = await this.placement.place(em, clientId, schedule, toPlace, now);
      await this.figures.refresh(em, clientId, monthsOf([...fresh.map((f) => f.localDate), ...toPlace.map((e) => e.date)]));
      const sent = delivered.outcomes.filter((o) => o.status === 'SENT').length;
      const errors = delivered.outcomes.length - sent;
      const timeOffEntries = toPlace.length - delivered.toPlace.length;
      await em.update(TimeTrackingIntegrationEntity, { clientId }, {
        workersCursor: members.cursor,
        shiftsCursor,
        timeOffCursor,
        ...(job.kind === 'SYNC' ? { lastSyncedAt: now } : {}),
        lastSyncStatus: 'SUCCEEDED',
        lastSyncError: null,
      });
      const finished = { finishedAt: this.clock.now(), status: 'SUCCEEDED' as const, changes: members.changes.length, shiftsSent: sent };
      if (job.kind === 'SYNC') await em.update(SyncRunEntity, { id: run.id }, finished);
      else if (delivered.outcomes.length || placed.placed) await em.insert(SyncRunEntity, { ...run, ...finished });
      await this.release(em, job, { nextRunAt: job.nextOnSuccess, attempts: 0, lastError: null, lastErrorAt: null });
      if (placed.placed > 0 || errors > 0) {
        await enqueueEvent(this.db, em, PAYROLL_SYNC_PRODUCER, timecardsSynced, {
          clientId,
          syncRunId: run.id,
          periodStarts: [...placed.periodStarts].sort(),
          shiftsSent: sent,
          timeOffEntries,
          shiftErrors: errors,
          syncedAt: now.toISOString(),
        });
      }
      return { runId: run.id, status: 'SUCCEEDED' as const, error: null, changes: members.changes.length, shiftsSent: sent, shiftErrors: errors, timeOffEntries };
    });
  }

  /** SPEC P1: a failed sync shows its error, and its job waits for the next attempt (backoff). */
  private async failed(job: HeldJob, run: SyncRunEntity, message: string): Promise<void> {
    const now = this.clock.now();
    const nextAttemptAt = new Date(now.getTime() + job.retryAfterMs);
    await this.db.transaction(async (em) => {
      const row = { finishedAt: now, status: 'FAILED' as const, error: message };
      if (job.kind === 'SYNC') await em.update(SyncRunEntity, { id: run.id }, row);
      else if (job.attempt === 1) await em.insert(SyncRunEntity, { ...run, ...row });
      await em.update(TimeTrackingIntegrationEntity, { clientId: job.clientId, status: 'CONNECTED' }, { lastSyncStatus: 'FAILED', lastSyncError: message });
      await this.release(em, job, { nextRunAt: nextAttemptAt, attempts: job.attempt, lastError: message, lastErrorAt: now });
      // A poll that keeps failing reports once, not every 30 seconds; a full sync reports each attempt.
      if (job.kind === 'SYNC' || job.attempt === 1) {
        await enqueueEvent(this.db, em, PAYROLL_SYNC_PRODUCER, syncFailed, {
          clientId: job.clientId,
          syncRunId: run.id,
          kind: job.kind,
          error: message,
          attempt: job.attempt,
          nextAttemptAt: nextAttemptAt.toISOString(),
          failedAt: now.toISOString(),
        });
      }
    });
  }

  /** Ends the lease, if this run still holds it (a lapsed lease another replica took is left alone). */
  private async release(em: EntityManager, job: HeldJob, next: Pick<SyncJobEntity, 'nextRunAt' | 'attempts' | 'lastError' | 'lastErrorAt'>): Promise<void> {
    await em.update(SyncJobEntity, { clientId: job.clientId, kind: job.kind, lockedBy: job.leaseToken }, { ...next, lockedUntil: null, lockedBy: null });
  }

  /**
   * SPEC P3: sends a SEND or ERROR shift again, by hand. It is checked against payroll as it is
   * now (a pay rate added since, a worker brought over by a refresh) and its receipt sent again;
   * it ends SENT (on a timecard, once) or ERROR with the reason. A SENT shift stays as it is.
   */
  async resend(clientId: string, shiftId: string): Promise<ShiftSyncEntity | null> {
    const row = await this.db.manager.findOne(ShiftSyncEntity, { where: { clientId, shiftId } });
    if (!row || row.status === 'SENT') return row;
    const connected = await loadConnected(this.db.manager, clientId);
    if (!connected || !this.provider) return null;
    const workers = await this.db.manager.find(WorkerEntity, { where: { clientId } });
    const shift = factsOfRow(row);
    const range = neighbourDates([shift])!;
    const onTimecards = (await this.db.manager.find(ShiftSyncEntity, { where: { clientId, status: 'SENT', localDate: Between(range.from, range.to) } })).map(factsOfRow);
    const byTtId = new Map(workers.filter((w) => w.ttWorkerId).map((w) => [w.ttWorkerId!, w]));
    let outcome: ShiftOutcome;
    let toPlace: EntryToPlace[];
    try {
      ({ outcomes: [outcome], toPlace } = await deliverShifts(this.provider, connected.connection, [shift], byTtId, onTimecards));
    } catch (err) {
      outcome = { shiftId, status: 'SEND', reason: `${describeSyncError(err)} Send it again later.`, sentAt: null, workerId: row.workerId };
      toPlace = [];
    }
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const placed = await this.placement.place(em, clientId, connected.schedule, toPlace, now);
      await em.update(ShiftSyncEntity, { clientId, shiftId }, {
        status: outcome.status, reason: outcome.reason, sentAt: outcome.sentAt, workerId: outcome.workerId, attempts: row.attempts + 1, resent: true, updatedAt: now,
      });
      await this.figures.refresh(em, clientId, monthsOf([row.localDate]));
      if (placed.placed > 0) {
        await enqueueEvent(this.db, em, PAYROLL_SYNC_PRODUCER, timecardsSynced, {
          clientId, syncRunId: null, periodStarts: [...placed.periodStarts], shiftsSent: 1, timeOffEntries: 0, shiftErrors: 0, syncedAt: now.toISOString(),
        });
      }
      return em.findOneOrFail(ShiftSyncEntity, { where: { clientId, shiftId } });
    });
  }
}

function shiftRow(clientId: string, f: ShiftFacts, o: ShiftOutcome, approvedAt: string | null, now: Date): ShiftSyncEntity {
  return {
    clientId, shiftId: f.shiftId, ttWorkerId: f.ttWorkerId, workerId: o.workerId, localDate: f.localDate, weekStart: weekStartOf(f.localDate),
    startAt: f.start, endAt: f.end, minutes: f.minutes, status: o.status, reason: o.reason, sentAt: o.sentAt, attempts: 1, resent: false,
    approvedAt: approvedAt ? new Date(approvedAt) : null, updatedAt: now,
  };
}
