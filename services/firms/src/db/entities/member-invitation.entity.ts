import { Column, Entity, PrimaryColumn } from 'typeorm';

/** SPEC F5: an invitation to join the firm. The emailed token is stored only as a hash. */
@Entity('member_invitations')
export class MemberInvitationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'firm_id', type: 'varchar', length: 36 })
  firmId: string;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName: string;

  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ name: 'job_role', type: 'varchar', length: 100 })
  jobRole: string;

  @Column({ name: 'firm_role', type: 'varchar', length: 16 })
  firmRole: 'ADMIN' | 'MEMBER' | 'ANALYST';

  @Column({ type: 'simple-json' })
  permissions: string[];

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Column({ name: 'invited_by', type: 'varchar', length: 36 })
  invitedBy: string;

  /** PENDING, ACCEPTED, or VOIDED (by a resend or a revoke); expiry derives from `expiresAt`. */
  @Column({ type: 'varchar', length: 16 })
  status: 'PENDING' | 'ACCEPTED' | 'VOIDED';

  @Column({ name: 'sent_at', type: 'datetime', precision: 3 })
  sentAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'resolved_at', type: 'datetime', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'member_id', type: 'varchar', length: 36, nullable: true })
  memberId: string | null;
}
