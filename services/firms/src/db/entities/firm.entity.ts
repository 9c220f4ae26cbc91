import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('firms')
export class FirmEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  website: string;

  /** Lower-case email domain shared by every member (SPEC F2); unique: one firm per domain (F3). */
  @Column({ type: 'varchar', length: 253, unique: true })
  domain: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  /** SPEC F9: every member signs in with a second factor (an ADMIN's switch). */
  @Column({ name: 'two_factor_required', type: 'boolean', default: false })
  twoFactorRequired: boolean;
}
