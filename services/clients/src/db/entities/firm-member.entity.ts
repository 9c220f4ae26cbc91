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

  /** From `member.joined`; null while only a deactivation has been heard of (issue 13: names shown on assignments). */
  @Column({ name: 'first_name', type: 'varchar', length: 100, nullable: true })
  firstName: string | null;

  @Column({ name: 'last_name', type: 'varchar', length: 100, nullable: true })
  lastName: string | null;
}

/** Each firm's name as `firm.renamed` last announced it (issue 13: shown on every client's firm link). */
@Entity('firm_names')
export class FirmNameEntity {
  @PrimaryColumn({ name: 'firm_id', type: 'varchar', length: 36 })
  firmId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'renamed_at', type: 'datetime', precision: 3 })
  renamedAt: Date;
}
