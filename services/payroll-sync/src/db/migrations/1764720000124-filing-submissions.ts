import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from '@advisor/kit';

/**
 * SPEC P7: employer tax filings are submitted to the tax authority in the background. A filing
 * waiting for it (NOT_SUBMITTED) is claimed with a lease (`locked_until`), like a tax-card fetch;
 * a failed attempt waits until `next_attempt_at`; the authority's answer (ACCEPTED, or REJECTED
 * with its errors) and which version of the filing it answered (`submitted_runs`) are kept.
 */
export class FilingSubmissions1764720000124 implements MigrationInterface {
  name = 'FilingSubmissions1764720000124';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    await queryRunner.addColumns('employer_tax_filings', [
      new TableColumn({ name: 'errors', ...t.text, isNullable: true }),
      new TableColumn({ name: 'authority_filing_id', ...t.string(64), isNullable: true }),
      new TableColumn({ name: 'submitted_runs', type: 'int', isNullable: true }),
      new TableColumn({ name: 'submitted_at', ...t.timestamp, isNullable: true }),
      new TableColumn({ name: 'attempts', type: 'int', default: 0 }),
      new TableColumn({ name: 'last_attempt_error', ...t.text, isNullable: true }),
      new TableColumn({ name: 'next_attempt_at', ...t.timestamp, isNullable: true }),
      new TableColumn({ name: 'locked_until', ...t.timestamp, isNullable: true }),
      new TableColumn({ name: 'locked_by', ...t.id, isNullable: true }),
    ]);
    await queryRunner.createIndex('employer_tax_filings', new TableIndex({ name: 'idx_filings_due', columnNames: ['status', 'next_attempt_at'] }));
  }

  async down(): Promise<void> {
    throw new Error('FilingSubmissions1764720000124 cannot be reverted.');
  }
}
