import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from '@advisor/kit';

/**
 * SPEC P6: each client's tax-authority connection (its key kept apart from everything read for
 * display), tax-card fetches running in the background with one row per client (claimed with a
 * lease, like sync_jobs), and the fetched cards.
 */
export class TaxCards1764460800000 implements MigrationInterface {
  name = 'TaxCards1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    const int = { type: 'int' };
    const nullable = { isNullable: true };

    await queryRunner.createTable(
      new Table({
        name: 'tax_authority_connections',
        columns: [
          { name: 'client_id', ...t.id, isPrimary: true },
          { name: 'fein', ...t.string(10) },
          { name: 'connected_at', ...t.timestamp },
          { name: 'connected_by', ...t.string(80) },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'tax_authority_credentials',
        columns: [
          { name: 'client_id', ...t.id, isPrimary: true },
          { name: 'api_key', ...t.string(255) },
          { name: 'stored_at', ...t.timestamp },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'tax_card_fetches',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'firm_id', ...t.id, ...nullable },
          { name: 'requested_by', ...t.string(80) },
          { name: 'year', ...int },
          { name: 'started_at', ...t.timestamp },
          { name: 'finished_at', ...t.timestamp, ...nullable },
        ],
        indices: [{ name: 'idx_tax_card_fetches_firm', columnNames: ['firm_id', 'started_at'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'tax_card_fetch_clients',
        columns: [
          { name: 'fetch_id', ...t.id, isPrimary: true },
          { name: 'client_id', ...t.id, isPrimary: true },
          { name: 'status', ...t.string(8) },
          // SPEC P6: set while PENDING, NULL after: a client is in at most one running fetch (unique; NULLs repeat).
          { name: 'running_client_id', ...t.id, ...nullable, isUnique: true },
          { name: 'reason', ...t.text, ...nullable },
          { name: 'card_count', ...int, default: 0 },
          { name: 'attempts', ...int, default: 0 },
          { name: 'locked_until', ...t.timestamp, ...nullable },
          { name: 'locked_by', ...t.id, ...nullable },
          { name: 'updated_at', ...t.timestamp },
        ],
        indices: [
          { name: 'idx_tax_card_fetch_clients_due', columnNames: ['status', 'locked_until'] },
          { name: 'idx_tax_card_fetch_clients_client', columnNames: ['client_id'] },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'tax_cards',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'client_id', ...t.id },
          { name: 'year', ...int },
          { name: 'external_ref', ...t.string(64) },
          { name: 'worker_id', ...t.id, ...nullable },
          { name: 'first_name', ...t.string(100) },
          { name: 'last_name', ...t.string(100) },
          { name: 'withholding_rate_bp', ...int },
          { name: 'issued_at', ...t.timestamp },
          { name: 'fetched_at', ...t.timestamp },
        ],
        uniques: [{ name: 'uq_tax_cards', columnNames: ['client_id', 'year', 'external_ref'] }],
      }),
    );
  }

  async down(): Promise<void> {
    throw new Error('TaxCards1764460800000 cannot be reverted.');
  }
}
