import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from '@advisor/kit';

/**
 * SPEC P4, P5: per-client, per-month figures kept in the transaction of each change (payroll
 * runs, synced shifts and time off, resends, timecard edits), so the partner overview reads one
 * row per client instead of payslips; and the copy of client-group membership (SPEC C10) from
 * the clients service's events, to filter by group.
 */
export class KeyFigures1764633600000 implements MigrationInterface {
  name = 'KeyFigures1764633600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    const int = { type: 'int', default: 0 };
    const money = { type: 'bigint', default: 0 };
    await queryRunner.createTable(
      new Table({
        name: 'payroll_month_figures',
        columns: [
          { name: 'client_id', ...t.id, isPrimary: true },
          { name: 'month', ...t.string(7), isPrimary: true },
          { name: 'payslips', ...int },
          { name: 'employees_paid', ...int },
          { name: 'contractor_payments', ...int },
          { name: 'gross_cents', ...money },
          { name: 'contractor_cents', ...money },
          { name: 'employer_tax_cents', ...money },
          { name: 'shifts', ...int },
          { name: 'shifts_automated', ...int },
          { name: 'absences', ...int },
          { name: 'updated_at', ...t.timestamp },
        ],
        indices: [{ name: 'idx_month_figures_month', columnNames: ['month', 'client_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'group_member_copies',
        columns: [
          { name: 'group_id', ...t.id, isPrimary: true },
          { name: 'client_id', ...t.id, isPrimary: true },
          { name: 'firm_id', ...t.id },
          { name: 'active', ...t.boolean },
          { name: 'changed_at', ...t.timestamp },
        ],
      }),
    );
  }

  async down(): Promise<void> {
    throw new Error('KeyFigures1764633600000 cannot be reverted.');
  }
}
