import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from '@advisor/kit';

/** SPEC F12: members opted in to the daily digest of their alerts, each day claimed with a lease. */
export class AlertDigests1764806400400 implements MigrationInterface {
  name = 'AlertDigests1764806400400';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'alert_digests',
        columns: [
          { name: 'member_id', ...t.id, isPrimary: true },
          { name: 'firm_id', ...t.id },
          { name: 'email', ...t.string(320) },
          { name: 'firm_role', ...t.string(16) },
          { name: 'permissions', ...t.text },
          { name: 'suspended', ...t.boolean },
          { name: 'last_sent_on', ...t.string(10), isNullable: true },
          { name: 'locked_until', ...t.timestamp, isNullable: true },
          { name: 'locked_by', ...t.id, isNullable: true },
          { name: 'updated_at', ...t.timestamp },
        ],
        indices: [{ name: 'idx_alert_digests_due', columnNames: ['last_sent_on', 'locked_until'] }],
      }),
    );
  }

  async down(): Promise<void> {
    throw new Error('AlertDigests1764806400400 cannot be reverted.');
  }
}
