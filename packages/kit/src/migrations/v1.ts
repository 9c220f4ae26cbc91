import { Table, TableIndex, type QueryRunner } from 'typeorm';

/**
 * Frozen migration helpers, version 1. Landed migrations call these, so they must never change:
 * a change here would silently change what an old migration creates. When a table needs another
 * shape, write a new migration (and, if several services need it, a `v2.ts` beside this file).
 * `test/migrations-frozen.spec.ts` fails when this file or a landed migration is edited.
 */

export function columnTypesV1(queryRunner: QueryRunner) {
  const mysql = queryRunner.connection.options.type === 'mysql';
  return {
    id: { type: 'varchar', length: '36' },
    /** Auto-incrementing sequence primary key. SQLite only auto-increments INTEGER. */
    sequence: mysql
      ? { type: 'bigint', unsigned: true, isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const }
      : { type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const },
    timestamp: mysql ? { type: 'datetime', precision: 3 } : { type: 'datetime' },
    text: { type: 'text' },
    string: (length = 255) => ({ type: 'varchar', length: String(length) }),
    boolean: { type: 'boolean' },
  };
}

/** Creates the outbox and processed-events tables; each service's first migration calls it. */
export async function createEventTablesV1(queryRunner: QueryRunner): Promise<void> {
  const t = columnTypesV1(queryRunner);
  await queryRunner.createTable(
    new Table({
      name: 'outbox_events',
      columns: [
        { name: 'seq', ...t.sequence },
        { name: 'event_id', ...t.id, isUnique: true },
        { name: 'topic', ...t.string() },
        { name: 'message_key', ...t.string() },
        { name: 'envelope', ...t.text },
        { name: 'created_at', ...t.timestamp },
        { name: 'published_at', ...t.timestamp, isNullable: true },
      ],
    }),
  );
  await queryRunner.createIndex(
    'outbox_events',
    new TableIndex({ name: 'idx_outbox_unpublished', columnNames: ['published_at', 'seq'] }),
  );
  await queryRunner.createTable(
    new Table({
      name: 'processed_events',
      columns: [
        { name: 'consumer', ...t.string(100), isPrimary: true },
        { name: 'event_id', ...t.id, isPrimary: true },
        { name: 'topic', ...t.string() },
        { name: 'outcome', ...t.string(16) },
        { name: 'reason', ...t.text, isNullable: true },
        { name: 'processed_at', ...t.timestamp },
      ],
    }),
  );
}

export async function dropEventTablesV1(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.dropTable('processed_events');
  await queryRunner.dropTable('outbox_events');
}
