import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { LeasedWorkRunner, type Clock, type Database, type Logger } from '@advisor/kit';
import { SyncJobEntity, type SyncCause, type SyncJobKind } from '../db/entities/sync.entities';
import type { ActorRef } from './authorizer';
import type { HeldJob, SyncOutcome, SyncService } from './sync.service';

export interface SchedulerOptions {
  /** How often a replica looks for due jobs. Default 5 s. */
  tickMs: number;
  /** SPEC P1: the full sync of each connected client. Default 24 h. */
  syncIntervalMs: number;
  /** SPEC P2: the short poll of approved shifts (5 minutes at most from approval to timecard). Default 30 s. */
  pollIntervalMs: number;
  /** A claimed job is another replica's to take after this (its runner died). Default 10 min. */
  leaseMs: number;
  /** First retry after a failure; doubles each time up to `retryMaxMs`. Defaults 60 s and 1 h. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Jobs one replica runs at the same time. Default 4. */
  concurrency: number;
}

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = {
  tickMs: 5_000,
  syncIntervalMs: 24 * 60 * 60 * 1000,
  pollIntervalMs: 30_000,
  leaseMs: 10 * 60 * 1000,
  retryBaseMs: 60_000,
  retryMaxMs: 60 * 60 * 1000,
  concurrency: 4,
};

/**
 * SPEC P1 "spread over the day": each client has its own time of day for the full sync, derived
 * from its id, so 1,000 clients do not all sync at midnight. The next run is the next such slot.
 */
export function nextDailySlot(clientId: string, after: Date, intervalMs: number): Date {
  const offset = createHash('sha1').update(clientId).digest().readUInt32BE(0) % intervalMs;
  const slots = Math.floor((after.getTime() - offset) / intervalMs) + 1;
  return new Date(slots * intervalMs + offset);
}

export class SyncAlreadyRunning extends Error {}

const STOP_WAIT_MS = 4_000;

/**
 * ARCHITECTURE "Scheduled work": runs each connected client's jobs once across replicas. A
 * replica claims due rows of sync_jobs in a short transaction (`SELECT … FOR UPDATE SKIP LOCKED`
 * on MySQL, so two replicas never take the same row and never wait on each other) by setting a
 * lease (`locked_until`); the run releases the row with its next time in the transaction that
 * stores its results. Jobs live in MySQL: they survive restarts, and a lease whose replica died
 * lapses and is claimed again.
 */
export class SyncScheduler {
  readonly options: SchedulerOptions;
  private readonly runner: LeasedWorkRunner<HeldJob>;

  constructor(
    private readonly db: Database,
    private readonly sync: SyncService,
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: Partial<SchedulerOptions> = {},
  ) {
    this.options = { ...DEFAULT_SCHEDULER_OPTIONS, ...options };
    this.runner = new LeasedWorkRunner('sync job', (limit) => this.claimDue(limit), (job) => this.sync.run(job, job.kind === 'SYNC' ? 'SCHEDULE' : 'POLL', null).then(() => undefined), logger, {
      ...this.options,
      stopWaitMs: STOP_WAIT_MS,
    });
  }

  start(): void {
    this.runner.start();
  }

  /**
   * Stops claiming and waits for the runs in flight, at most `STOP_WAIT_MS` (a shutdown must end
   * within 10 s). A run cut short writes nothing (its results commit in one transaction) and its
   * lease lapses, so another replica runs it again: nothing is lost.
   */
  stop(): Promise<void> {
    return this.runner.stop();
  }

  get isRunning(): boolean {
    return this.runner.isRunning;
  }

  /** Claims what is due (up to the free slots) and starts it; returns how many it started. */
  tick(): Promise<number> {
    return this.runner.tick();
  }

  /** Runs every job that is due now, to the end (tests and the benchmark). */
  runDueNow(): Promise<number> {
    return this.runner.runDueNow();
  }

  async claimDue(limit: number): Promise<HeldJob[]> {
    const now = this.clock.now();
    const token = randomUUID();
    const lockedUntil = new Date(now.getTime() + this.options.leaseMs);
    const claimed = await this.db.transaction(async (em) => {
      // A client's poll waits while its full sync runs, and the other way round.
      const rows: Array<{ client_id: string; kind: SyncJobKind; attempts: number }> = await em.query(
        `SELECT j.client_id, j.kind, j.attempts FROM sync_jobs j
          WHERE j.next_run_at <= ? AND (j.locked_until IS NULL OR j.locked_until < ?)
            AND NOT EXISTS (SELECT 1 FROM sync_jobs o WHERE o.client_id = j.client_id AND o.kind <> j.kind AND o.locked_until >= ?)
          ORDER BY j.next_run_at LIMIT ${Math.max(1, Math.floor(limit))}${this.db.skipLocked}`,
        [this.db.timeParam(now), this.db.timeParam(now), this.db.timeParam(now)],
      );
      for (const r of rows) {
        await em.update(SyncJobEntity, { clientId: r.client_id, kind: r.kind }, { lockedUntil, lockedBy: token });
      }
      return rows;
    });
    return claimed.map((r) => this.held(r.client_id, r.kind, token, Number(r.attempts), now));
  }

  /**
   * SPEC P1 manual refresh: the full sync now, for the caller, refused while one runs (a live
   * lease on the client's SYNC job). Its result is the run's outcome; a failure retries by itself.
   */
  async refresh(clientId: string, startedBy: ActorRef): Promise<SyncOutcome> {
    const now = this.clock.now();
    const token = randomUUID();
    const job = await this.db.transaction(async (em) => {
      const row = await this.lockJob(em, clientId, 'SYNC');
      const busy = (r: SyncJobEntity | null) => !!r?.lockedUntil && r.lockedUntil.getTime() >= now.getTime();
      if (busy(row) || busy(await em.findOne(SyncJobEntity, { where: { clientId, kind: 'POLL' } }))) throw new SyncAlreadyRunning();
      const lease = { lockedUntil: new Date(now.getTime() + this.options.leaseMs), lockedBy: token };
      if (row) await em.update(SyncJobEntity, { clientId, kind: 'SYNC' }, lease);
      else await em.insert(SyncJobEntity, { clientId, kind: 'SYNC', nextRunAt: now, attempts: 0, lastError: null, lastErrorAt: null, ...lease });
      return this.held(clientId, 'SYNC', token, row?.attempts ?? 0, now);
    });
    return this.sync.run(job, 'REFRESH', startedBy);
  }

  /** SPEC P1 connect: the first full sync at once, then the daily slot; the poll from the next interval. */
  async scheduleClient(em: EntityManager, clientId: string): Promise<void> {
    const now = this.clock.now();
    await em.delete(SyncJobEntity, { clientId });
    const row = { clientId, lockedUntil: null, lockedBy: null, attempts: 0, lastError: null, lastErrorAt: null };
    await em.insert(SyncJobEntity, [
      { ...row, kind: 'SYNC', nextRunAt: now },
      { ...row, kind: 'POLL', nextRunAt: new Date(now.getTime() + this.options.pollIntervalMs) },
    ]);
  }

  private lockJob(em: EntityManager, clientId: string, kind: SyncJobKind): Promise<SyncJobEntity | null> {
    const qb = em.createQueryBuilder(SyncJobEntity, 'j').where('j.client_id = :clientId AND j.kind = :kind', { clientId, kind });
    return (this.db.kind === 'mysql' ? qb.setLock('pessimistic_write') : qb).getOne();
  }

  private held(clientId: string, kind: SyncJobKind, leaseToken: string, failuresBefore: number, now: Date): HeldJob {
    const attempt = failuresBefore + 1;
    const backoff = Math.min(this.options.retryMaxMs, this.options.retryBaseMs * 2 ** (attempt - 1));
    const nextOnSuccess =
      kind === 'SYNC' ? nextDailySlot(clientId, now, this.options.syncIntervalMs) : new Date(now.getTime() + this.options.pollIntervalMs);
    return { clientId, kind, leaseToken, attempt, nextOnSuccess, retryAfterMs: backoff };
  }
}

export type { SyncCause };
