import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from '@advisor/kit';
import { createLinkCopyTablesV1 } from '@advisor/rules';

/**
 * SPEC I2, I3, I4, I7: firm → client invitations. Replicas of the client directory and of the
 * firm links (fed by the clients service's events), in-product notifications, and what a firm's
 * request adds to an invitation.
 */
export class FirmInvitations1763942400000 implements MigrationInterface {
  name = 'FirmInvitations1763942400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'client_directory',
        columns: [
          { name: 'client_id', ...t.id, isPrimary: true },
          { name: 'business_name', ...t.string(200) },
          { name: 'fein', ...t.string(10) },
          { name: 'platform', ...t.string(16) },
          { name: 'status', ...t.string(16) },
          { name: 'admins', ...t.text },
          { name: 'updated_at', ...t.timestamp },
        ],
      }),
    );
    await queryRunner.createIndex(
      'client_directory',
      new TableIndex({ name: 'idx_client_directory_fein', columnNames: ['fein', 'platform'] }),
    );

    // The kit's link copy (shared with firms), used here also for acceptance claims.
    await createLinkCopyTablesV1(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'recipient_realm', ...t.string(16) },
          { name: 'recipient_id', ...t.id },
          { name: 'client_id', ...t.id },
          { name: 'kind', ...t.string(32) },
          { name: 'invitation_id', ...t.id, isNullable: true },
          { name: 'title', ...t.string(200) },
          { name: 'body', ...t.text },
          { name: 'created_at', ...t.timestamp },
          { name: 'read_at', ...t.timestamp, isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex(
      'notifications',
      new TableIndex({ name: 'idx_notifications_recipient', columnNames: ['recipient_realm', 'recipient_id', 'created_at'] }),
    );

    await queryRunner.addColumns('invitations', [
      new TableColumn({ name: 'business_name', ...t.string(200), isNullable: true }),
      new TableColumn({ name: 'business_name_matches', ...t.boolean, isNullable: true }),
      new TableColumn({ name: 'platform', ...t.string(16), isNullable: true }),
      new TableColumn({ name: 'requested_permissions', ...t.text, isNullable: true }),
      new TableColumn({ name: 'rejected_at', ...t.timestamp, isNullable: true }),
      new TableColumn({ name: 'rejected_by_id', ...t.id, isNullable: true }),
    ]);
    // SPEC C7: a firm's Requested tab lists its pending requests.
    await queryRunner.createIndex(
      'invitations',
      new TableIndex({ name: 'idx_invitations_firm', columnNames: ['firm_id', 'kind', 'status'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('invitations', 'idx_invitations_firm');
    for (const column of ['rejected_by_id', 'rejected_at', 'requested_permissions', 'platform', 'business_name_matches', 'business_name']) {
      await queryRunner.dropColumn('invitations', column);
    }
    await queryRunner.dropTable('notifications');
    await queryRunner.dropTable('ended_links');
    await queryRunner.dropTable('client_links');
    await queryRunner.dropTable('client_directory');
  }
}
