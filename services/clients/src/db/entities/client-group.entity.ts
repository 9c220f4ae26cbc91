import { Column, Entity, PrimaryColumn } from 'typeorm';

/** SPEC C10: a firm's own grouping of clients, e.g. "paid on the 20th". */
@Entity('client_groups')
export class ClientGroupEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'firm_id', type: 'varchar', length: 36 })
  firmId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

@Entity('client_group_members')
export class ClientGroupMemberEntity {
  @PrimaryColumn({ name: 'group_id', type: 'varchar', length: 36 })
  groupId: string;

  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ name: 'added_at', type: 'datetime', precision: 3 })
  addedAt: Date;
}

/** SPEC C10: per pay period, whether a group's client has been processed and reported. */
@Entity('group_period_status')
export class GroupPeriodStatusEntity {
  @PrimaryColumn({ name: 'group_id', type: 'varchar', length: 36 })
  groupId: string;

  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  /** `YYYY-MM` or `YYYY-MM-DD` (the period's first day). */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  period: string;

  @Column({ type: 'boolean' })
  processed: boolean;

  @Column({ type: 'boolean' })
  reported: boolean;

  @Column({ name: 'updated_by', type: 'varchar', length: 36 })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
