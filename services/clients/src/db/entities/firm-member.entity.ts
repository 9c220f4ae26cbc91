import { Column, Entity, PrimaryColumn } from 'typeorm';

/** This service's copy of each firm's roster, kept from `member.joined` and `member.deactivated`. */
@Entity('firm_members')
export class FirmMemberEntity {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'firm_id', type: 'varchar', length: 36 })
  firmId: string;

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'joined_at', type: 'datetime', precision: 3 })
  joinedAt: Date;
}
