import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('members')
export class MemberEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index()
  @Column({ name: 'firm_id', type: 'varchar', length: 36 })
  firmId: string;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName: string;

  /** Lower-case; unique across the product: one person, one firm. */
  @Column({ name: 'work_email', type: 'varchar', length: 320, unique: true })
  workEmail: string;

  @Column({ name: 'job_role', type: 'varchar', length: 100 })
  jobRole: string;

  @Column({ name: 'firm_role', type: 'varchar', length: 16 })
  firmRole: 'ADMIN' | 'MEMBER' | 'ANALYST';

  @Column({ type: 'simple-json' })
  permissions: string[];

  @Column({ name: 'work_phone', type: 'varchar', length: 40 })
  workPhone: string;

  @Column({ name: 'cell_phone', type: 'varchar', length: 40 })
  cellPhone: string;

  @Column({ name: 'personal_email', type: 'varchar', length: 320 })
  personalEmail: string;

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
