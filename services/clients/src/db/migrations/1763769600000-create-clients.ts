import { Table, TableIndex, TableUnique, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1, createEventTablesV1, dropEventTablesV1 } from '@advisor/kit';

export class CreateClients1763769600000 implements MigrationInterface {
  name = 'CreateClients1763769600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'client_companies',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'business_name', ...t.string(200) },
          { name: 'fein', ...t.string(10) },
          { name: 'platform', ...t.string(16) },
          { name: 'status', ...t.string(16) },
          { name: 'created_at', ...t.timestamp },
        ],
        uniques: [new TableUnique({ name: 'uq_client_fein_platform', columnNames: ['fein', 'platform'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'client_admins',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'client_id', ...t.id },
          { name: 'first_name', ...t.string(100) },
          { name: 'last_name', ...t.string(100) },
          { name: 'email', ...t.string(320), isUnique: true },
          { name: 'password_hash', ...t.string() },
          { name: 'permissions', ...t.text },
          { name: 'created_at', ...t.timestamp },
        ],
        foreignKeys: [{ columnNames: ['client_id'], referencedTableName: 'client_companies', referencedColumnNames: ['id'] }],
      }),
    );
    await queryRunner.createIndex('client_admins', new TableIndex({ name: 'idx_client_admins_client', columnNames: ['client_id'] }));
    await queryRunner.createTable(
      new Table({
        name: 'firm_client_links',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'client_id', ...t.id },
          { name: 'active_client_id', ...t.id, isNullable: true, isUnique: true },
          { name: 'firm_id', ...t.id },
          { name: 'permissions', ...t.text },
          { name: 'invitation_id', ...t.id, isNullable: true },
          { name: 'linked_at', ...t.timestamp },
          { name: 'ended_at', ...t.timestamp, isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['client_id'], referencedTableName: 'client_companies', referencedColumnNames: ['id'] }],
      }),
    );
    await queryRunner.createIndex('firm_client_links', new TableIndex({ name: 'idx_links_firm', columnNames: ['firm_id'] }));
    await queryRunner.createTable(
      new Table({
        name: 'assignments',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'client_id', ...t.id },
          { name: 'member_id', ...t.id },
          { name: 'firm_id', ...t.id },
          { name: 'permissions', ...t.text },
          { name: 'role', ...t.string(16) },
          { name: 'assigned_at', ...t.timestamp },
        ],
        uniques: [new TableUnique({ name: 'uq_assignment_client_member', columnNames: ['client_id', 'member_id'] })],
        foreignKeys: [{ columnNames: ['client_id'], referencedTableName: 'client_companies', referencedColumnNames: ['id'] }],
      }),
    );
    await queryRunner.createIndex('assignments', new TableIndex({ name: 'idx_assignments_member', columnNames: ['member_id'] }));
    await queryRunner.createIndex('assignments', new TableIndex({ name: 'idx_assignments_firm', columnNames: ['firm_id'] }));
    await createEventTablesV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropEventTablesV1(queryRunner);
    await queryRunner.dropTable('assignments');
    await queryRunner.dropTable('firm_client_links');
    await queryRunner.dropTable('client_admins');
    await queryRunner.dropTable('client_companies');
  }
}
