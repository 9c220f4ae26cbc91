import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1, createEventTablesV1, dropEventTablesV1 } from '@advisor/kit';

export class CreateFirms1763769600000 implements MigrationInterface {
  name = 'CreateFirms1763769600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'firms',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'name', ...t.string(200) },
          { name: 'website', ...t.string() },
          { name: 'domain', ...t.string(253), isUnique: true },
          { name: 'created_at', ...t.timestamp },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'members',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'firm_id', ...t.id },
          { name: 'first_name', ...t.string(100) },
          { name: 'last_name', ...t.string(100) },
          { name: 'work_email', ...t.string(320), isUnique: true },
          { name: 'job_role', ...t.string(100) },
          { name: 'firm_role', ...t.string(16) },
          { name: 'permissions', ...t.text },
          { name: 'work_phone', ...t.string(40) },
          { name: 'cell_phone', ...t.string(40) },
          { name: 'personal_email', ...t.string(320) },
          { name: 'active', ...t.boolean },
          { name: 'created_at', ...t.timestamp },
        ],
        foreignKeys: [{ columnNames: ['firm_id'], referencedTableName: 'firms', referencedColumnNames: ['id'] }],
      }),
    );
    await queryRunner.createIndex('members', new TableIndex({ name: 'idx_members_firm', columnNames: ['firm_id'] }));
    await queryRunner.createTable(
      new Table({
        name: 'credentials',
        columns: [
          { name: 'member_id', ...t.id, isPrimary: true },
          { name: 'username', ...t.string(64) },
          { name: 'username_key', ...t.string(64), isUnique: true },
          { name: 'password_hash', ...t.string() },
          { name: 'created_at', ...t.timestamp },
          { name: 'updated_at', ...t.timestamp },
        ],
        foreignKeys: [{ columnNames: ['member_id'], referencedTableName: 'members', referencedColumnNames: ['id'] }],
      }),
    );
    await createEventTablesV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropEventTablesV1(queryRunner);
    await queryRunner.dropTable('credentials');
    await queryRunner.dropTable('members');
    await queryRunner.dropTable('firms');
  }
}
