import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** A firm member assigned to a client with per-member permissions (SPEC C3). */
@Entity('assignments')
@Unique('uq_assignment_client_member', ['clientId', 'memberId'])
export class AssignmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Index()
  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Index()
  @Column({ name: 'firm_id', type: 'varchar', length: 36 })
  firmId: string;

  @Column({ type: 'simple-json' })
  permissions: string[];

  @Column({ type: 'varchar', length: 16 })
  role: 'RESPONSIBLE' | 'COLLABORATOR';

  @Column({ name: 'assigned_at', type: 'datetime', precision: 3 })
  assignedAt: Date;

  /** SPEC F10: when the access ends by itself (the expiry sweep ends it); null: until ended by hand. */
  @Column({ name: 'ends_at', type: 'datetime', precision: 3, nullable: true })
  endsAt: Date | null;
}
