import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('invitations')
export class InvitationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'CLIENT_TO_FIRM' | 'FIRM_TO_CLIENT';

  /** PENDING until accepted or rejected; expiry is derived from `expiresAt`. */
  @Column({ type: 'varchar', length: 16 })
  status: 'PENDING' | 'ACCEPTED' | 'REJECTED';

  @Index()
  @Column({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  /** The firm: known once accepted (client → firm) or from the start (firm → client). */
  @Column({ name: 'firm_id', type: 'varchar', length: 36, nullable: true })
  firmId: string | null;

  @Column({ name: 'accountant_name', type: 'varchar', length: 200 })
  accountantName: string;

  @Column({ name: 'accountant_email', type: 'varchar', length: 320 })
  accountantEmail: string;

  @Column({ type: 'simple-json' })
  permissions: string[];

  /** SHA-256 of the emailed token; the token itself is never stored (SPEC I6). */
  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Column({ name: 'sent_by_realm', type: 'varchar', length: 16 })
  sentByRealm: 'client' | 'firm';

  @Column({ name: 'sent_by_id', type: 'varchar', length: 36 })
  sentById: string;

  @Column({ name: 'acknowledged_by', type: 'varchar', length: 36 })
  acknowledgedBy: string;

  @Column({ name: 'acknowledged_at', type: 'datetime', precision: 3 })
  acknowledgedAt: Date;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3 })
  sentAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'accepted_at', type: 'datetime', precision: 3, nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'accepted_by_id', type: 'varchar', length: 36, nullable: true })
  acceptedById: string | null;
}
