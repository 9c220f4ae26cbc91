import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

@Entity('client_companies')
@Unique('uq_client_fein_platform', ['fein', 'platform'])
export class ClientCompanyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'business_name', type: 'varchar', length: 200 })
  businessName: string;

  @Column({ type: 'varchar', length: 10 })
  fein: string;

  @Column({ type: 'varchar', length: 16 })
  platform: 'PEO' | 'PAYROLL';

  @Column({ type: 'varchar', length: 16 })
  status: 'ENROLLING' | 'ACTIVE';

  /** SPEC F8: the client's Customer Success point of contact. */
  @Column({ name: 'cs_name', type: 'varchar', length: 200, nullable: true })
  csName: string | null;

  @Column({ name: 'cs_phone', type: 'varchar', length: 40, nullable: true })
  csPhone: string | null;

  @Column({ name: 'cs_email', type: 'varchar', length: 320, nullable: true })
  csEmail: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
