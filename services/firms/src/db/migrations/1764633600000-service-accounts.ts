import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from '@advisor/kit';

/** SPEC G6: firms' service accounts, their secrets stored as hashes. */
export class ServiceAccounts1764633600000 implements MigrationInterface {
  name = 'ServiceAccounts1764633600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'service_accounts',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'firm_id', ...t.id },
          { name: 'name', ...t.string(100) },
          { name: 'scopes', ...t.text },
          { name: 'secret_hash', ...t.string(64), isUnique: true },
          { name: 'created_by', ...t.id },
          { name: 'created_at', ...t.timestamp },
          { name: 'last_used_at', ...t.timestamp, isNullable: true },
          { name: 'revoked_at', ...t.timestamp, isNullable: true },
          { name: 'revoked_by', ...t.id, isNullable: true },
        ],
        indices: [{ name: 'idx_service_accounts_firm', columnNames: ['firm_id', 'created_at'] }],
        foreignKeys: [{ columnNames: ['firm_id'], referencedTableName: 'firms', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('service_accounts');
  }
}
