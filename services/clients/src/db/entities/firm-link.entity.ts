import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A client company's link to an accountant firm (SPEC C2). Ended links are kept for history.
 * `activeClientId` equals `clientId` while the link is active and is NULL once it ended; its
 * unique key enforces "at most one linked firm at a time" in the database itself.
 */
@Entity('firm_client_links')
export class FirmLinkEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ name: 'active_client_id', type: 'varchar', length: 36, nullable: true, unique: true })
  activeClientId: string | null;

  @Index()
  @Column({ name: 'firm_id', type: 'varchar', length: 36 })
  firmId: string;

  @Column({ type: 'simple-json' })
  permissions: string[];

  @Column({ name: 'invitation_id', type: 'varchar', length: 36, nullable: true })
  invitationId: string | null;

  @Column({ name: 'linked_at', type: 'datetime', precision: 3 })
  linkedAt: Date;

  @Column({ name: 'ended_at', type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;
}
