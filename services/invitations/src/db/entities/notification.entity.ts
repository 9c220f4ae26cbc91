import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** SPEC I7: an in-product notification for one client admin. */
@Entity('notifications')
@Index('idx_notifications_recipient', ['recipientRealm', 'recipientId', 'createdAt'])
export class NotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'recipient_realm', type: 'varchar', length: 16 })
  recipientRealm: 'client';

  /** The client admin's id. */
  @Column({ name: 'recipient_id', type: 'varchar', length: 36 })
  recipientId: string;

  @Column({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: 'FIRM_REQUESTED_ACCESS';

  @Column({ name: 'invitation_id', type: 'varchar', length: 36, nullable: true })
  invitationId: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;
}
