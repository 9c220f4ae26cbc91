import { Table, TableColumn, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from './v1';

/**
 * Frozen migration helpers, version 2 (never edited once landed; see v1.ts beside it).
 * `test/migrations-frozen.spec.ts` fails when this file or a landed migration is edited.
 */

/** The one row the outbox relays lock, briefly, while they claim a batch (claims take turns). */
export const OUTBOX_RELAY_LOCK_ROW = 'relay';

/**
 * Outbox claims: a relay claims a batch of rows (`claim_token`, `claimed_until`) in a short
 * transaction, publishes outside any transaction, and marks the rows sent in another one. Claims
 * take turns on the single row of `outbox_relay_lock`, so the outbox index itself is never
 * locked and a business transaction's outbox insert never waits on a relay.
 */
export async function addOutboxClaimsV2(queryRunner: QueryRunner): Promise<void> {
  const t = columnTypesV1(queryRunner);
  await queryRunner.addColumn('outbox_events', new TableColumn({ name: 'claim_token', ...t.id, isNullable: true }));
  await queryRunner.addColumn('outbox_events', new TableColumn({ name: 'claimed_until', ...t.timestamp, isNullable: true }));
  await queryRunner.createTable(
    new Table({ name: 'outbox_relay_lock', columns: [{ name: 'name', ...t.string(64), isPrimary: true }] }),
  );
  await queryRunner.query('INSERT INTO outbox_relay_lock (name) VALUES (?)', [OUTBOX_RELAY_LOCK_ROW]);
}
