import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The founder's details kept until the work email is confirmed (SPEC F1). */
export interface PendingFounder {
  firstName: string;
  lastName: string;
  jobRole: string;
  workPhone: string;
  cellPhone: string;
  personalEmail: string;
}

/**
 * SPEC F3: a firm sign-up waiting for its founder to confirm the work email. It claims neither
 * the domain nor the username's credential: the firm is created only by the confirmation link
 * (single use, 24 hours); until then other sign-ups for the domain are possible.
 */
@Entity('firm_sign_ups')
export class FirmSignUpEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** SHA-256 of the emailed confirmation token; the token itself is never stored. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Column({ name: 'work_email', type: 'varchar', length: 320 })
  workEmail: string;

  @Column({ type: 'varchar', length: 255 })
  domain: string;

  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ name: 'username_key', type: 'varchar', length: 64 })
  usernameKey: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ name: 'firm_name', type: 'varchar', length: 200 })
  firmName: string;

  @Column({ type: 'varchar', length: 255 })
  website: string;

  @Column({ type: 'simple-json' })
  founder: PendingFounder;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'confirmed_at', type: 'datetime', precision: 3, nullable: true })
  confirmedAt: Date | null;

  /** The firm the confirmation created. */
  @Column({ name: 'firm_id', type: 'varchar', length: 36, nullable: true })
  firmId: string | null;
}
