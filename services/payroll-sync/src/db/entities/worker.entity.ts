import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What the two-way sync keeps equal on both sides (SPEC P1), besides membership itself. */
export interface WorkerSyncedFields {
  isManager: boolean;
  isAdmin: boolean;
  payRateCents: number | null;
}

/** A payroll member of a client (SPEC P1): a W2 employee or a 1099 contractor, linked to its time-tracking worker. */
@Entity('workers')
export class WorkerEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  /** The worker's id in time tracking; null until the sync created it there. */
  @Column({ name: 'tt_worker_id', type: 'varchar', length: 64, nullable: true })
  ttWorkerId: string | null;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName: string;

  @Column({ type: 'varchar', length: 255 })
  email: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'W2' | 'CONTRACTOR';

  @Column({ name: 'is_manager', type: 'boolean' })
  isManager: boolean;

  @Column({ name: 'is_admin', type: 'boolean' })
  isAdmin: boolean;

  /** Cents per hour; null: no pay rate yet (its shifts cannot be paid: SPEC P3 ERROR). */
  @Column({ name: 'pay_rate_cents', type: 'int', nullable: true })
  payRateCents: number | null;

  @Column({ name: 'removed_at', type: 'datetime', precision: 3, nullable: true })
  removedAt: Date | null;

  /** Changed on the payroll side and not yet copied to time tracking (the next sync does). */
  @Column({ name: 'pending_push', type: 'boolean' })
  pendingPush: boolean;

  /** Flags and pay rate as time tracking last had them: tells which side changed what since (SPEC P1). */
  @Column({ name: 'tt_state', type: 'simple-json', nullable: true })
  ttState: WorkerSyncedFields | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
