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

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
