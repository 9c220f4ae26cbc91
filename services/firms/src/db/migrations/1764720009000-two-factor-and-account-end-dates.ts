import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from '@advisor/kit';

/**
 * SPEC F9: firms that require two-factor sign-in, members' TOTP authenticators (secret sealed),
 * recovery codes (hashed) and sign-in challenges (hashed). SPEC F10: service accounts' end dates,
 * found by the expiry sweep through an index.
 */
export class TwoFactorAndAccountEndDates1764720009000 implements MigrationInterface {
  name = 'TwoFactorAndAccountEndDates1764720009000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    await queryRunner.addColumn('firms', new TableColumn({ name: 'two_factor_required', ...t.boolean, default: false }));
    await queryRunner.createTable(
      new Table({
        name: 'member_second_factors',
        columns: [
          { name: 'member_id', ...t.id, isPrimary: true },
          { name: 'secret_sealed', ...t.string(255) },
          { name: 'status', ...t.string(16) },
          { name: 'created_at', ...t.timestamp },
          { name: 'confirmed_at', ...t.timestamp, isNullable: true },
          { name: 'last_used_step', type: 'bigint', isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['member_id'], referencedTableName: 'members', referencedColumnNames: ['id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'recovery_codes',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'member_id', ...t.id },
          { name: 'code_hash', ...t.string(64) },
          { name: 'created_at', ...t.timestamp },
          { name: 'used_at', ...t.timestamp, isNullable: true },
        ],
        indices: [{ name: 'idx_recovery_codes_member_hash', columnNames: ['member_id', 'code_hash'], isUnique: true }],
        foreignKeys: [{ columnNames: ['member_id'], referencedTableName: 'members', referencedColumnNames: ['id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sign_in_challenges',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'token_hash', ...t.string(64), isUnique: true },
          { name: 'member_id', ...t.id },
          { name: 'purpose', ...t.string(16) },
          { name: 'created_at', ...t.timestamp },
          { name: 'expires_at', ...t.timestamp },
          { name: 'used_at', ...t.timestamp, isNullable: true },
          { name: 'failures', type: 'int' },
        ],
        indices: [{ name: 'idx_sign_in_challenges_member', columnNames: ['member_id'] }],
      }),
    );
    await queryRunner.addColumn('service_accounts', new TableColumn({ name: 'ends_at', ...t.timestamp, isNullable: true }));
    await queryRunner.addColumn('service_accounts', new TableColumn({ name: 'ended_at', ...t.timestamp, isNullable: true }));
    await queryRunner.createIndex('service_accounts', new TableIndex({ name: 'idx_service_accounts_ends_at', columnNames: ['ends_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('service_accounts', 'idx_service_accounts_ends_at');
    await queryRunner.dropColumn('service_accounts', 'ended_at');
    await queryRunner.dropColumn('service_accounts', 'ends_at');
    await queryRunner.dropTable('sign_in_challenges');
    await queryRunner.dropTable('recovery_codes');
    await queryRunner.dropTable('member_second_factors');
    await queryRunner.dropColumn('firms', 'two_factor_required');
  }
}
