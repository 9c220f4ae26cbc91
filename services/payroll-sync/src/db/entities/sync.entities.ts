import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The API key a client gave for its time tracking: read only to call the provider, never returned, never logged. */
@Entity('time_tracking_credentials')
export class TimeTrackingCredentialEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ name: 'api_key', type: 'varchar', length: 255 })
  apiKey: string;

  @Column({ name: 'stored_at', type: 'datetime', precision: 3 })
  storedAt: Date;
}

export type SyncJobKind = 'SYNC' | 'POLL';

/**
 * ARCHITECTURE "Scheduled work": one row per client and kind (SYNC: the 24-hour two-way sync;
 * POLL: the short poll of approved shifts and time off). A replica claims a due row by setting
 * `locked_until` (a lease) inside `SELECT … FOR UPDATE SKIP LOCKED`, so each run happens once.
 */
@Entity('sync_jobs')
export class SyncJobEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  kind: SyncJobKind;

  @Column({ name: 'next_run_at', type: 'datetime', precision: 3 })
  nextRunAt: Date;

  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'locked_by', type: 'varchar', length: 36, nullable: true })
  lockedBy: string | null;

  /** Failed attempts in a row (the backoff grows with it); 0 after a success. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'last_error_at', type: 'datetime', precision: 3, nullable: true })
  lastErrorAt: Date | null;
}

export type SyncCause = 'SCHEDULE' | 'REFRESH' | 'CONNECT' | 'POLL';

/** SPEC P1: one sync of a client, who or what started it, and how it ended. */
@Entity('sync_runs')
export class SyncRunEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ type: 'varchar', length: 16 })
  cause: SyncCause;

  /** `firm:<memberId>` or `client:<clientAdminId>`; null when the schedule started it. */
  @Column({ name: 'started_by', type: 'varchar', length: 80, nullable: true })
  startedBy: string | null;

  @Column({ name: 'started_at', type: 'datetime', precision: 3 })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'varchar', length: 16 })
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'int', default: 1 })
  attempt: number;

  @Column({ type: 'int', default: 0 })
  changes: number;

  @Column({ name: 'shifts_sent', type: 'int', default: 0 })
  shiftsSent: number;
}

export type ChangeSide = 'TIME_TRACKING' | 'PAYROLL';
export type ChangeWhat = 'MEMBER_ADDED' | 'MEMBER_REMOVED' | 'MADE_MANAGER' | 'MANAGER_REMOVED' | 'MADE_ADMIN' | 'ADMIN_REMOVED' | 'PAY_RATE_CHANGED';

/** SPEC P1 change log: what changed, on which side it was changed (and so copied to the other), when. */
@Entity('sync_changes')
export class SyncChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq: string;

  @Column({ name: 'sync_run_id', type: 'varchar', length: 36 })
  syncRunId: string;

  @Column({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ name: 'worker_id', type: 'varchar', length: 36, nullable: true })
  workerId: string | null;

  @Column({ type: 'varchar', length: 16 })
  side: ChangeSide;

  @Column({ type: 'varchar', length: 32 })
  what: ChangeWhat;

  @Column({ type: 'varchar', length: 255 })
  detail: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
