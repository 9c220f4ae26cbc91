import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A signed-in session. Its id is the `jti` of every access token it issues; the refresh token
 * is stored only as a hash and rotates on each use.
 */
@Entity('sessions')
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'refresh_token_hash', type: 'varchar', length: 64, unique: true })
  refreshTokenHash: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'refreshed_at', type: 'datetime', precision: 3, nullable: true })
  refreshedAt: Date | null;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'ended_at', type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_reason', type: 'varchar', length: 32, nullable: true })
  endReason: string | null;
}
