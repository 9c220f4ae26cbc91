import { Table, TableColumn, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from '@advisor/kit';

/**
 * Frozen migration helpers of the shared rules, version 2 (never edited once landed; see
 * packages/kit/src/migrations/v1.ts): the link copy carries the link's permissions (SPEC C2, C3)
 * and no longer holds provisional rows; a copy of assignments for SPEC C6 checks.
 */

/** Adds the link's permissions to `client_links` and drops its provisional rows (`confirmed`). */
export async function upgradeLinkCopyTablesV2(queryRunner: QueryRunner): Promise<void> {
  const t = columnTypesV1(queryRunner);
  await queryRunner.query('DELETE FROM client_links WHERE confirmed = 0');
  await queryRunner.addColumn('client_links', new TableColumn({ name: 'permissions', ...t.text, isNullable: true }));
  await queryRunner.addColumn('client_links', new TableColumn({ name: 'permissions_at', ...t.timestamp, isNullable: true }));
  await queryRunner.dropColumn('client_links', 'confirmed');
}

export async function createAssignmentCopyTableV2(queryRunner: QueryRunner): Promise<void> {
  const t = columnTypesV1(queryRunner);
  await queryRunner.createTable(
    new Table({
      name: 'assignment_copies',
      columns: [
        { name: 'client_id', ...t.id, isPrimary: true },
        { name: 'member_id', ...t.id, isPrimary: true },
        { name: 'firm_id', ...t.id },
        { name: 'permissions', ...t.text },
        { name: 'role', ...t.string(16), isNullable: true },
        { name: 'active', ...t.boolean },
        { name: 'changed_at', ...t.timestamp },
      ],
      indices: [{ name: 'idx_assignment_copies_member', columnNames: ['member_id', 'firm_id'] }],
    }),
  );
}
