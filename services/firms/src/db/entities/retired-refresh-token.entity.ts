import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A refresh token that was rotated away (its hash only). Seen again: the session was stolen or replayed. */
@Entity('retired_refresh_tokens')
export class RetiredRefreshTokenEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId: string;

  @Column({ name: 'retired_at', type: 'datetime', precision: 3 })
  retiredAt: Date;
}
