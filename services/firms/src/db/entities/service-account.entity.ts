import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * SPEC G6: a firm's service account (an internal service's identity). Its secret is stored
 * only as a SHA-256 hash (the secret has 256 bits, so a fast hash cannot be brute-forced).
 */
@Entity('service_accounts')
export class ServiceAccountEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'firm_id', type: 'varchar', length: 36 })
  firmId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Scope names, e.g. `read`, `events:read` (a JSON array). */
  @Column({ type: 'simple-json' })
  scopes: string[];

  @Column({ name: 'secret_hash', type: 'varchar', length: 64, unique: true })
  secretHash: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'datetime', precision: 3, nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'varchar', length: 36, nullable: true })
  revokedBy: string | null;

  /** SPEC F10: when the account stops working by itself; null: until revoked. */
  @Column({ name: 'ends_at', type: 'datetime', precision: 3, nullable: true })
  endsAt: Date | null;

  /** SPEC F10: when the expiry sweep ended it (its tokens were voided then); null while it works or when it was revoked first. */
  @Column({ name: 'ended_at', type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;
}
