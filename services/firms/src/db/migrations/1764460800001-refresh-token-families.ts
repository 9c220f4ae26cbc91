import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from '@advisor/kit';

/** Refresh tokens already rotated away: presenting one again ends its whole session (the family). */
export class RefreshTokenFamilies1764460800001 implements MigrationInterface {
  name = 'RefreshTokenFamilies1764460800001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'retired_refresh_tokens',
        columns: [
          { name: 'token_hash', ...t.string(64), isPrimary: true },
          { name: 'session_id', ...t.id },
          { name: 'retired_at', ...t.timestamp },
        ],
        indices: [{ name: 'idx_retired_refresh_tokens_session', columnNames: ['session_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('retired_refresh_tokens');
  }
}
