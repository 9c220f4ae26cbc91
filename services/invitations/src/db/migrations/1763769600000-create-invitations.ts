import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1, createEventTablesV1, dropEventTablesV1 } from '@advisor/kit';

export class CreateInvitations1763769600000 implements MigrationInterface {
  name = 'CreateInvitations1763769600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'invitations',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'kind', ...t.string(16) },
          { name: 'status', ...t.string(16) },
          { name: 'client_id', ...t.id },
          { name: 'firm_id', ...t.id, isNullable: true },
          { name: 'accountant_name', ...t.string(200) },
          { name: 'accountant_email', ...t.string(320) },
          { name: 'permissions', ...t.text },
          { name: 'token_hash', ...t.string(64), isUnique: true },
          { name: 'sent_by_realm', ...t.string(16) },
          { name: 'sent_by_id', ...t.id },
          { name: 'acknowledged_by', ...t.id },
          { name: 'acknowledged_at', ...t.timestamp },
          { name: 'sent_at', ...t.timestamp },
          { name: 'expires_at', ...t.timestamp },
          { name: 'accepted_at', ...t.timestamp, isNullable: true },
          { name: 'accepted_by_id', ...t.id, isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex(
      'invitations',
      new TableIndex({ name: 'idx_invitations_client', columnNames: ['client_id', 'kind', 'status'] }),
    );
    await createEventTablesV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropEventTablesV1(queryRunner);
    await queryRunner.dropTable('invitations');
  }
}
