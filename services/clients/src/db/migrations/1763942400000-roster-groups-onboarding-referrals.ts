import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from '@advisor/kit';

export class RosterGroupsOnboardingReferrals1763942400000 implements MigrationInterface {
  name = 'RosterGroupsOnboardingReferrals1763942400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'firm_members',
        columns: [
          { name: 'member_id', ...t.id, isPrimary: true },
          { name: 'firm_id', ...t.id },
          { name: 'active', ...t.boolean },
          { name: 'joined_at', ...t.timestamp },
        ],
      }),
    );
    await queryRunner.createIndex('firm_members', new TableIndex({ name: 'idx_firm_members_firm', columnNames: ['firm_id'] }));
    await queryRunner.createTable(
      new Table({
        name: 'client_groups',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'firm_id', ...t.id },
          { name: 'name', ...t.string(100) },
          { name: 'created_at', ...t.timestamp },
        ],
        uniques: [{ name: 'uq_client_group_name', columnNames: ['firm_id', 'name'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'client_group_members',
        columns: [
          { name: 'group_id', ...t.id, isPrimary: true },
          { name: 'client_id', ...t.id, isPrimary: true },
          { name: 'added_at', ...t.timestamp },
        ],
        foreignKeys: [{ columnNames: ['group_id'], referencedTableName: 'client_groups', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await queryRunner.createIndex('client_group_members', new TableIndex({ name: 'idx_group_members_client', columnNames: ['client_id'] }));
    await queryRunner.createTable(
      new Table({
        name: 'group_period_status',
        columns: [
          { name: 'group_id', ...t.id, isPrimary: true },
          { name: 'client_id', ...t.id, isPrimary: true },
          { name: 'period', ...t.string(10), isPrimary: true },
          { name: 'processed', ...t.boolean },
          { name: 'reported', ...t.boolean },
          { name: 'updated_by', ...t.id },
          { name: 'updated_at', ...t.timestamp },
        ],
        foreignKeys: [{ columnNames: ['group_id'], referencedTableName: 'client_groups', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'onboarding_steps',
        columns: [
          { name: 'client_id', ...t.id, isPrimary: true },
          { name: 'step', ...t.string(32), isPrimary: true },
          { name: 'completed_at', ...t.timestamp, isNullable: true },
          { name: 'completed_by', ...t.id, isNullable: true },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'peo_referrals',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'firm_id', ...t.id },
          { name: 'referred_by', ...t.id },
          { name: 'business_name', ...t.string(200) },
          { name: 'contact_name', ...t.string(200) },
          { name: 'contact_email', ...t.string(320) },
          { name: 'contact_phone', ...t.string(40), isNullable: true },
          { name: 'employee_count', type: 'int', isNullable: true },
          { name: 'expedited', ...t.boolean },
          { name: 'status', ...t.string(16) },
          { name: 'created_at', ...t.timestamp },
          { name: 'status_updated_at', ...t.timestamp },
        ],
      }),
    );
    await queryRunner.createIndex('peo_referrals', new TableIndex({ name: 'idx_referrals_firm', columnNames: ['firm_id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['peo_referrals', 'onboarding_steps', 'group_period_status', 'client_group_members', 'client_groups', 'firm_members']) {
      await queryRunner.dropTable(table);
    }
  }
}
