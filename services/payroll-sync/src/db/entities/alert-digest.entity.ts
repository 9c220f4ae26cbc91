import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * SPEC F12: a member who opted in to the daily email digest of their alerts, with the identity
 * they opted in with (their alerts are computed as them: SPEC C6), and the day's claim. Written
 * only by `AlertDigestService`.
 */
@Entity('alert_digests')
export class AlertDigestEntity {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'firm_id', type: 'varchar', length: 36 })
  firmId: string;

  /** The member's work email, where the digest goes. */
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ name: 'firm_role', type: 'varchar', length: 16 })
  firmRole: 'ADMIN' | 'MEMBER' | 'ANALYST';

  @Column({ type: 'simple-json' })
  permissions: string[];

  /**
   * Set when the member's role or permissions changed after they opted in (`member.access-changed`):
   * no digest is sent as the old identity; opting in again (with a fresh token) lifts it.
   */
  @Column({ type: 'boolean' })
  suspended: boolean;

  /** The last day (YYYY-MM-DD, the digest's time zone) a digest was handled for. */
  @Column({ name: 'last_sent_on', type: 'varchar', length: 10, nullable: true })
  lastSentOn: string | null;

  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'locked_by', type: 'varchar', length: 36, nullable: true })
  lockedBy: string | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
