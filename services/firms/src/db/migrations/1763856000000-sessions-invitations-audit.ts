import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from '@advisor/kit';
import { createAuditTableV1 } from '@advisor/rules';

export class SessionsInvitationsAudit1763856000000 implements MigrationInterface {
  name = 'SessionsInvitationsAudit1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'member_id', ...t.id },
          { name: 'refresh_token_hash', ...t.string(64), isUnique: true },
          { name: 'created_at', ...t.timestamp },
          { name: 'refreshed_at', ...t.timestamp, isNullable: true },
          { name: 'expires_at', ...t.timestamp },
          { name: 'ended_at', ...t.timestamp, isNullable: true },
          { name: 'end_reason', ...t.string(32), isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['member_id'], referencedTableName: 'members', referencedColumnNames: ['id'] }],
      }),
    );
    await queryRunner.createIndex('sessions', new TableIndex({ name: 'idx_sessions_member', columnNames: ['member_id'] }));
    await queryRunner.createTable(
      new Table({
        name: 'member_invitations',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'firm_id', ...t.id },
          { name: 'first_name', ...t.string(100) },
          { name: 'last_name', ...t.string(100) },
          { name: 'email', ...t.string(320) },
          { name: 'job_role', ...t.string(100) },
          { name: 'firm_role', ...t.string(16) },
          { name: 'permissions', ...t.text },
          { name: 'token_hash', ...t.string(64), isUnique: true },
          { name: 'invited_by', ...t.id },
          { name: 'status', ...t.string(16) },
          { name: 'sent_at', ...t.timestamp },
          { name: 'expires_at', ...t.timestamp },
          { name: 'resolved_at', ...t.timestamp, isNullable: true },
          { name: 'member_id', ...t.id, isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['firm_id'], referencedTableName: 'firms', referencedColumnNames: ['id'] }],
      }),
    );
    await queryRunner.createIndex(
      'member_invitations',
      new TableIndex({ name: 'idx_member_invitations_firm', columnNames: ['firm_id', 'status'] }),
    );
    await createAuditTableV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_trail');
    await queryRunner.dropTable('member_invitations');
    await queryRunner.dropTable('sessions');
  }
}
