import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1, createEventTablesV1, dropEventTablesV1 } from '@advisor/kit';

export class CreatePayrollSync1763769600000 implements MigrationInterface {
  name = 'CreatePayrollSync1763769600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'client_access',
        columns: [
          { name: 'client_id', ...t.id, isPrimary: true },
          { name: 'firm_id', ...t.id },
          { name: 'linked_at', ...t.timestamp },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'time_tracking_integrations',
        columns: [
          { name: 'client_id', ...t.id, isPrimary: true },
          { name: 'status', ...t.string(16) },
          { name: 'last_synced_at', ...t.timestamp, isNullable: true },
          { name: 'created_at', ...t.timestamp },
        ],
      }),
    );
    await createEventTablesV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropEventTablesV1(queryRunner);
    await queryRunner.dropTable('time_tracking_integrations');
    await queryRunner.dropTable('client_access');
  }
}
