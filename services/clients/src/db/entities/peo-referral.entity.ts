import { Column, Entity, PrimaryColumn } from 'typeorm';

/** SPEC C9: a client referred to the PEO by a firm member, with its status. */
@Entity('peo_referrals')
export class PeoReferralEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'firm_id', type: 'varchar', length: 36 })
  firmId: string;

  @Column({ name: 'referred_by', type: 'varchar', length: 36 })
  referredBy: string;

  @Column({ name: 'business_name', type: 'varchar', length: 200 })
  businessName: string;

  @Column({ name: 'contact_name', type: 'varchar', length: 200 })
  contactName: string;

  @Column({ name: 'contact_email', type: 'varchar', length: 320 })
  contactEmail: string;

  @Column({ name: 'contact_phone', type: 'varchar', length: 40, nullable: true })
  contactPhone: string | null;

  @Column({ name: 'employee_count', type: 'int', nullable: true })
  employeeCount: number | null;

  @Column({ type: 'boolean' })
  expedited: boolean;

  @Column({ type: 'varchar', length: 16 })
  status: 'SUBMITTED' | 'IN_REVIEW' | 'ENROLLING' | 'ENROLLED' | 'DECLINED' | 'WITHDRAWN';

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'status_updated_at', type: 'datetime', precision: 3 })
  statusUpdatedAt: Date;
}
