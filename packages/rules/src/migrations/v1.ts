import { Table, TableIndex, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from '@advisor/kit';

/**
 * Frozen migration helpers of the shared rules, version 1: landed migrations call these, so they
 * never change (see packages/kit/src/migrations/v1.ts). A new shape is a new migration.
 */

export async function createAuditTableV1(queryRunner: QueryRunner): Promise<void> {
  const t = columnTypesV1(queryRunner);
  await queryRunner.createTable(
    new Table({
      name: 'audit_trail',
      columns: [
        { name: 'id', ...t.id, isPrimary: true },
        { name: 'scope_type', ...t.string(16) },
        { name: 'scope_id', ...t.id },
        { name: 'actor_realm', ...t.string(16) },
        { name: 'actor_id', ...t.id, isNullable: true },
        { name: 'action', ...t.string(64) },
        { name: 'subject_type', ...t.string(32) },
        { name: 'subject_id', ...t.id },
        { name: 'before', ...t.text, isNullable: true },
        { name: 'after', ...t.text, isNullable: true },
        { name: 'created_at', ...t.timestamp },
      ],
    }),
  );
  await queryRunner.createIndex(
    'audit_trail',
    new TableIndex({ name: 'idx_audit_scope_time', columnNames: ['scope_type', 'scope_id', 'created_at'] }),
  );
}

export async function createLinkCopyTablesV1(queryRunner: QueryRunner): Promise<void> {
  const t = columnTypesV1(queryRunner);
  await queryRunner.createTable(
    new Table({
      name: 'client_links',
      columns: [
        { name: 'client_id', ...t.id, isPrimary: true },
        { name: 'firm_id', ...t.id },
        { name: 'link_id', ...t.id },
        { name: 'linked_at', ...t.timestamp },
        { name: 'confirmed', ...t.boolean },
      ],
    }),
  );
  await queryRunner.createTable(
    new Table({
      name: 'ended_links',
      columns: [
        { name: 'link_id', ...t.id, isPrimary: true },
        { name: 'client_id', ...t.id },
        { name: 'ended_at', ...t.timestamp },
      ],
    }),
  );
}

