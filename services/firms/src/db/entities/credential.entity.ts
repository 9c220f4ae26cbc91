import { Column, Entity, PrimaryColumn } from 'typeorm';

/** SPEC F4: credentials of this product alone. The hash never leaves this table. */
@Entity('credentials')
export class CredentialEntity {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  /** As typed, for display. */
  @Column({ type: 'varchar', length: 64 })
  username: string;

  /** Lower-case; unique, so usernames are case-insensitive. */
  @Column({ name: 'username_key', type: 'varchar', length: 64, unique: true })
  usernameKey: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
