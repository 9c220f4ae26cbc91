import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from '@advisor/kit';
import { createAuditTableV1 } from '@advisor/rules';

/**
 * SPEC P1, P2, P3, P7: the time-tracking connection and its sync (jobs with a lease, runs, a
 * change log), payroll members, pay periods, timecards and their entries, each shift's sync
 * status, payroll runs with payslips, and the month's employer tax filing.
 * Minutes and cents are integers; local dates are `YYYY-MM-DD` strings in the client's time zone.
 */
export class Payroll1764374400000 implements MigrationInterface {
  name = 'Payroll1764374400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    const int = { type: 'int' };
    const money = { type: 'bigint' };
    const date = t.string(10);
    const nullable = { isNullable: true };

    await queryRunner.addColumns('time_tracking_integrations', [
      new TableColumn({ name: 'provider_company_id', ...t.string(64), ...nullable }),
      new TableColumn({ name: 'time_zone', ...t.string(64), ...nullable }),
      new TableColumn({ name: 'pay_frequency', ...t.string(16), ...nullable }),
      new TableColumn({ name: 'period_anchor', ...date, ...nullable }),
      new TableColumn({ name: 'connected_at', ...t.timestamp, ...nullable }),
      new TableColumn({ name: 'connected_by', ...t.string(80), ...nullable }),
      new TableColumn({ name: 'workers_cursor', ...int, default: 0 }),
      new TableColumn({ name: 'shifts_cursor', ...int, default: 0 }),
      new TableColumn({ name: 'time_off_cursor', ...int, default: 0 }),
      new TableColumn({ name: 'last_sync_status', ...t.string(16), ...nullable }),
      new TableColumn({ name: 'last_sync_error', ...t.text, ...nullable }),
    ]);

    // Kept apart from the integration so that no read of the integration ever selects the key.
    await queryRunner.createTable(
      new Table({
        name: 'time_tracking_credentials',
        columns: [
          { name: 'client_id', ...t.id, isPrimary: true },
          { name: 'api_key', ...t.string(255) },
          { name: 'stored_at', ...t.timestamp },
        ],
      }),
    );

    // ARCHITECTURE "Scheduled work": claimed with a lease (locked_until), FOR UPDATE SKIP LOCKED.
    await queryRunner.createTable(
      new Table({
        name: 'sync_jobs',
        columns: [
          { name: 'client_id', ...t.id, isPrimary: true },
          { name: 'kind', ...t.string(8), isPrimary: true },
          { name: 'next_run_at', ...t.timestamp },
          { name: 'locked_until', ...t.timestamp, ...nullable },
          { name: 'locked_by', ...t.id, ...nullable },
          { name: 'attempts', ...int, default: 0 },
          { name: 'last_error', ...t.text, ...nullable },
          { name: 'last_error_at', ...t.timestamp, ...nullable },
        ],
        indices: [{ name: 'idx_sync_jobs_due', columnNames: ['next_run_at'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'sync_runs',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'client_id', ...t.id },
          { name: 'cause', ...t.string(16) },
          { name: 'started_by', ...t.string(80), ...nullable },
          { name: 'started_at', ...t.timestamp },
          { name: 'finished_at', ...t.timestamp, ...nullable },
          { name: 'status', ...t.string(16) },
          { name: 'error', ...t.text, ...nullable },
          { name: 'attempt', ...int, default: 1 },
          { name: 'changes', ...int, default: 0 },
          { name: 'shifts_sent', ...int, default: 0 },
        ],
        indices: [{ name: 'idx_sync_runs_client', columnNames: ['client_id', 'started_at'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'sync_changes',
        columns: [
          { name: 'seq', ...t.sequence },
          { name: 'sync_run_id', ...t.id },
          { name: 'client_id', ...t.id },
          { name: 'worker_id', ...t.id, ...nullable },
          { name: 'side', ...t.string(16) },
          { name: 'what', ...t.string(32) },
          { name: 'detail', ...t.string(255) },
          { name: 'at', ...t.timestamp },
        ],
        indices: [{ name: 'idx_sync_changes_run', columnNames: ['sync_run_id'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'workers',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'client_id', ...t.id },
          { name: 'tt_worker_id', ...t.string(64), ...nullable },
          { name: 'first_name', ...t.string(100) },
          { name: 'last_name', ...t.string(100) },
          { name: 'email', ...t.string(255) },
          { name: 'kind', ...t.string(16) },
          { name: 'is_manager', ...t.boolean },
          { name: 'is_admin', ...t.boolean },
          { name: 'pay_rate_cents', ...int, ...nullable },
          { name: 'removed_at', ...t.timestamp, ...nullable },
          { name: 'pending_push', ...t.boolean },
          { name: 'tt_state', ...t.text, ...nullable },
          { name: 'created_at', ...t.timestamp },
          { name: 'updated_at', ...t.timestamp },
        ],
        uniques: [
          { name: 'uq_workers_tt', columnNames: ['client_id', 'tt_worker_id'] },
          { name: 'uq_workers_email', columnNames: ['client_id', 'email'] },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'pay_periods',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'client_id', ...t.id },
          { name: 'start_date', ...date },
          { name: 'end_date', ...date },
          { name: 'deadline', ...date },
        ],
        uniques: [{ name: 'uq_pay_periods', columnNames: ['client_id', 'start_date'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'timecards',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'client_id', ...t.id },
          { name: 'period_id', ...t.id },
          { name: 'worker_id', ...t.id },
          { name: 'status', ...t.string(16) },
          { name: 'edited', ...t.boolean },
          { name: 'approved_at', ...t.timestamp, ...nullable },
          { name: 'approved_by', ...t.string(80), ...nullable },
          { name: 'updated_at', ...t.timestamp },
        ],
        uniques: [{ name: 'uq_timecards', columnNames: ['period_id', 'worker_id'] }],
        indices: [{ name: 'idx_timecards_client', columnNames: ['client_id', 'status'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'timecard_entries',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'timecard_id', ...t.id },
          { name: 'client_id', ...t.id },
          { name: 'work_date', ...date },
          { name: 'kind', ...t.string(16) },
          { name: 'minutes', ...int },
          { name: 'shift_id', ...t.string(64), ...nullable },
          { name: 'time_off_id', ...t.string(64), ...nullable },
          { name: 'adjustment', ...t.boolean },
          { name: 'created_at', ...t.timestamp },
        ],
        // SPEC P3: a shift (and a time off) reaches a timecard once, however often it is sent.
        uniques: [
          { name: 'uq_entries_shift', columnNames: ['client_id', 'shift_id'] },
          { name: 'uq_entries_time_off', columnNames: ['client_id', 'time_off_id'] },
        ],
        indices: [{ name: 'idx_entries_timecard', columnNames: ['timecard_id'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'shift_syncs',
        columns: [
          { name: 'client_id', ...t.id, isPrimary: true },
          { name: 'shift_id', ...t.string(64), isPrimary: true },
          { name: 'tt_worker_id', ...t.string(64) },
          { name: 'worker_id', ...t.id, ...nullable },
          { name: 'local_date', ...date },
          { name: 'week_start', ...date },
          { name: 'start_at', ...t.timestamp },
          { name: 'end_at', ...t.timestamp },
          { name: 'minutes', ...int },
          { name: 'status', ...t.string(8) },
          { name: 'reason', ...t.text, ...nullable },
          { name: 'sent_at', ...t.timestamp, ...nullable },
          { name: 'attempts', ...int, default: 0 },
          { name: 'resent', ...t.boolean },
          { name: 'approved_at', ...t.timestamp, ...nullable },
          { name: 'updated_at', ...t.timestamp },
        ],
        indices: [
          { name: 'idx_shift_syncs_week', columnNames: ['client_id', 'week_start'] },
          { name: 'idx_shift_syncs_status', columnNames: ['client_id', 'status'] },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'payroll_runs',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'client_id', ...t.id },
          // SPEC P7: a period runs once; concurrent attempts meet here.
          { name: 'period_id', ...t.id, isUnique: true },
          { name: 'run_by', ...t.string(80) },
          { name: 'gross_cents', ...money },
          { name: 'employer_tax_cents', ...money },
          { name: 'contractor_cents', ...money },
          { name: 'completed_at', ...t.timestamp },
        ],
        indices: [{ name: 'idx_payroll_runs_client', columnNames: ['client_id', 'completed_at'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'payslips',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'run_id', ...t.id },
          { name: 'client_id', ...t.id },
          { name: 'worker_id', ...t.id },
          { name: 'kind', ...t.string(24) },
          { name: 'pay_lines', ...t.text },
          { name: 'total_cents', ...money },
          { name: 'employer_tax_cents', ...money },
        ],
        indices: [{ name: 'idx_payslips_run', columnNames: ['run_id'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'employer_tax_filings',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'client_id', ...t.id },
          { name: 'month', ...t.string(7) },
          { name: 'gross_cents', ...money },
          { name: 'employer_tax_cents', ...money },
          { name: 'runs', ...int },
          { name: 'status', ...t.string(16) },
          { name: 'updated_at', ...t.timestamp },
        ],
        uniques: [{ name: 'uq_filings_month', columnNames: ['client_id', 'month'] }],
      }),
    );
    // SPEC G4: connections, approvals and payroll runs, with actor, time, before and after.
    await createAuditTableV1(queryRunner);
    await queryRunner.createIndex('shift_syncs', new TableIndex({ name: 'idx_shift_syncs_worker', columnNames: ['client_id', 'tt_worker_id'] }));
  }

  async down(): Promise<void> {
    throw new Error('Payroll1764374400000 cannot be reverted.');
  }
}
