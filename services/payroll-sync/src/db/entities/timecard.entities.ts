import { Column, Entity, PrimaryColumn } from 'typeorm';

/** SPEC P2: one pay period of a client, in its local dates. */
@Entity('pay_periods')
export class PayPeriodEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ name: 'start_date', type: 'varchar', length: 10 })
  startDate: string;

  @Column({ name: 'end_date', type: 'varchar', length: 10 })
  endDate: string;

  @Column({ type: 'varchar', length: 10 })
  deadline: string;
}

export type TimecardStatus = 'SAVED_DRAFT' | 'APPROVED';

/** SPEC P2: one timecard per worker per pay period. */
@Entity('timecards')
export class TimecardEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ name: 'period_id', type: 'varchar', length: 36 })
  periodId: string;

  @Column({ name: 'worker_id', type: 'varchar', length: 36 })
  workerId: string;

  @Column({ type: 'varchar', length: 16 })
  status: TimecardStatus;

  /** Changed by hand in payroll (holiday or PTO hours) before approval. */
  @Column({ type: 'boolean' })
  edited: boolean;

  @Column({ name: 'approved_at', type: 'datetime', precision: 3, nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'approved_by', type: 'varchar', length: 80, nullable: true })
  approvedBy: string | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

export type EntryKind = 'SHIFT' | 'PTO' | 'HOLIDAY';

/** Minutes on a timecard: a synced shift, approved time off, or holiday hours entered by hand. */
@Entity('timecard_entries')
export class TimecardEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'timecard_id', type: 'varchar', length: 36 })
  timecardId: string;

  @Column({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  /** The local date the minutes belong to (for an adjustment: a date of an earlier period). */
  @Column({ name: 'work_date', type: 'varchar', length: 10 })
  workDate: string;

  @Column({ type: 'varchar', length: 16 })
  kind: EntryKind;

  @Column({ type: 'int' })
  minutes: number;

  @Column({ name: 'shift_id', type: 'varchar', length: 64, nullable: true })
  shiftId: string | null;

  @Column({ name: 'time_off_id', type: 'varchar', length: 64, nullable: true })
  timeOffId: string | null;

  /** SPEC P2: approved late for a period whose timecard was already approved, so paid in this one. */
  @Column({ type: 'boolean' })
  adjustment: boolean;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

export type ShiftSyncStatus = 'SENT' | 'SEND' | 'ERROR';

/** SPEC P3: an approved shift's way to a timecard. */
@Entity('shift_syncs')
export class ShiftSyncEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @PrimaryColumn({ name: 'shift_id', type: 'varchar', length: 64 })
  shiftId: string;

  @Column({ name: 'tt_worker_id', type: 'varchar', length: 64 })
  ttWorkerId: string;

  @Column({ name: 'worker_id', type: 'varchar', length: 36, nullable: true })
  workerId: string | null;

  @Column({ name: 'local_date', type: 'varchar', length: 10 })
  localDate: string;

  @Column({ name: 'week_start', type: 'varchar', length: 10 })
  weekStart: string;

  @Column({ name: 'start_at', type: 'datetime', precision: 3 })
  startAt: Date;

  @Column({ name: 'end_at', type: 'datetime', precision: 3 })
  endAt: Date;

  @Column({ type: 'int' })
  minutes: number;

  @Column({ type: 'varchar', length: 8 })
  status: ShiftSyncStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** Sent again by hand at least once (SPEC P4's automation level counts these). */
  @Column({ type: 'boolean' })
  resent: boolean;

  @Column({ name: 'approved_at', type: 'datetime', precision: 3, nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
