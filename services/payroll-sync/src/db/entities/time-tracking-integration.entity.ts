import { Column, Entity, PrimaryColumn } from 'typeorm';

/** SPEC P1: a client's time-tracking connection. The API key lives apart (TimeTrackingCredentialEntity). */
@Entity('time_tracking_integrations')
export class TimeTrackingIntegrationEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ type: 'varchar', length: 16 })
  status: 'NOT_CONNECTED' | 'CONNECTED';

  /** When the last sync succeeded. */
  @Column({ name: 'last_synced_at', type: 'datetime', precision: 3, nullable: true })
  lastSyncedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'provider_company_id', type: 'varchar', length: 64, nullable: true })
  providerCompanyId: string | null;

  /** IANA; pay periods and deadlines are dates in this zone (SPEC P7). */
  @Column({ name: 'time_zone', type: 'varchar', length: 64, nullable: true })
  timeZone: string | null;

  @Column({ name: 'pay_frequency', type: 'varchar', length: 16, nullable: true })
  payFrequency: 'WEEKLY' | 'BIWEEKLY' | null;

  @Column({ name: 'period_anchor', type: 'varchar', length: 10, nullable: true })
  periodAnchor: string | null;

  @Column({ name: 'connected_at', type: 'datetime', precision: 3, nullable: true })
  connectedAt: Date | null;

  /** `firm:<memberId>` or `client:<clientAdminId>`. */
  @Column({ name: 'connected_by', type: 'varchar', length: 80, nullable: true })
  connectedBy: string | null;

  /** How far the sync has read each change feed of time tracking (its `sequence`). */
  @Column({ name: 'workers_cursor', type: 'int', default: 0 })
  workersCursor: number;

  @Column({ name: 'shifts_cursor', type: 'int', default: 0 })
  shiftsCursor: number;

  @Column({ name: 'time_off_cursor', type: 'int', default: 0 })
  timeOffCursor: number;

  @Column({ name: 'last_sync_status', type: 'varchar', length: 16, nullable: true })
  lastSyncStatus: 'SUCCEEDED' | 'FAILED' | null;

  @Column({ name: 'last_sync_error', type: 'text', nullable: true })
  lastSyncError: string | null;
}
