import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * SPEC F9: a member's TOTP authenticator (RFC 6238). The TOTP secret must be read back to check
 * codes, so it cannot be hashed: it is sealed with AES-256-GCM under TWO_FACTOR_KEY (SecretBox,
 * the member's id authenticated with it) and never returned once enrolment is confirmed.
 */
@Entity('member_second_factors')
export class SecondFactorEntity {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'secret_sealed', type: 'varchar', length: 255 })
  secretSealed: string;

  /** PENDING: shown to the member, waiting for a first code; ACTIVE: confirmed, asked for at sign-in. */
  @Column({ type: 'varchar', length: 16 })
  status: 'PENDING' | 'ACTIVE';

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'confirmed_at', type: 'datetime', precision: 3, nullable: true })
  confirmedAt: Date | null;

  /** The 30-second time step of the last code accepted: a code is accepted once (no replay in its window). */
  @Column({ name: 'last_used_step', type: 'bigint', nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) } })
  lastUsedStep: number | null;
}

/** SPEC F9: single-use recovery codes (80 random bits each), stored as SHA-256 hashes only. */
@Entity('recovery_codes')
export class RecoveryCodeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;
}

/**
 * SPEC F9: the short-lived, single-use step between a right password and a session: CODE asks
 * for a code from the authenticator (or a recovery code), ENROL for enrolment first (the firm
 * requires two-factor sign-in). Only the token's hash is stored.
 */
@Entity('sign_in_challenges')
export class SignInChallengeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'varchar', length: 16 })
  purpose: 'CODE' | 'ENROL';

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;

  @Column({ type: 'int' })
  failures: number;
}
