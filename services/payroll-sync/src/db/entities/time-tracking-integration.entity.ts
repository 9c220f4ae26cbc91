import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('time_tracking_integrations')
export class TimeTrackingIntegrationEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ type: 'varchar', length: 16 })
  status: 'NOT_CONNECTED' | 'CONNECTED';

  @Column({ name: 'last_synced_at', type: 'datetime', precision: 3, nullable: true })
  lastSyncedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
