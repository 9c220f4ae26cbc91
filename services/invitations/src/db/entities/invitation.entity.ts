import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('invitations')
export class InvitationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'CLIENT_TO_FIRM' | 'FIRM_TO_CLIENT';

  /** PENDING until accepted, rejected or superseded by another acceptance (SPEC I3); expiry is derived from `expiresAt`. */
  @Column({ type: 'varchar', length: 16 })
  status: 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'SUPERSEDED';

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

  /**
   * SPEC I1: the client admin who acknowledged firm-wide access. For a firm's request (SPEC I3),
   * the member who sent it: the request itself asks for access for the firm as a whole.
   */
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

  /** The firm member (client → firm) or the client admin (firm → client) who accepted. */
  @Column({ name: 'accepted_by_id', type: 'varchar', length: 36, nullable: true })
  acceptedById: string | null;

  /** SPEC I3: the business name the firm typed (firm → client only). */
  @Column({ name: 'business_name', type: 'varchar', length: 200, nullable: true })
  businessName: string | null;

  /** SPEC I3: whether that name matched the client's name in the directory (firm → client only). */
  @Column({ name: 'business_name_matches', type: 'boolean', nullable: true })
  businessNameMatches: boolean | null;

  /** The client's platform: what the firm entered (firm → client), or the directory's when known. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  platform: 'PEO' | 'PAYROLL' | null;

  /**
   * SPEC I4: what the firm asked for (firm → client only). `permissions` starts equal to it and
   * becomes what the client admin granted on acceptance.
   */
  @Column({ name: 'requested_permissions', type: 'simple-json', nullable: true })
  requestedPermissions: string[] | null;

  @Column({ name: 'rejected_at', type: 'datetime', precision: 3, nullable: true })
  rejectedAt: Date | null;

  /** The client admin who rejected a firm's request. */
  @Column({ name: 'rejected_by_id', type: 'varchar', length: 36, nullable: true })
  rejectedById: string | null;
}
