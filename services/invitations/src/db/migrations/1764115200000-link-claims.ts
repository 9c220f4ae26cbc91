import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from '@advisor/kit';
import { upgradeLinkCopyTablesV2 } from '@advisor/rules';

/**
 * Provisional claims move out of the shared link copy into a table of their own (SPEC I2); the
 * copy now carries the link's permissions (SPEC C2).
 */
export class LinkClaims1764115200000 implements MigrationInterface {
  name = 'LinkClaims1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'link_claims',
        columns: [
          { name: 'client_id', ...t.id, isPrimary: true },
          { name: 'firm_id', ...t.id },
          { name: 'invitation_id', ...t.id },
          { name: 'claimed_at', ...t.timestamp },
        ],
      }),
    );
    await queryRunner.query(
      'INSERT INTO link_claims (client_id, firm_id, invitation_id, claimed_at) SELECT client_id, firm_id, link_id, linked_at FROM client_links WHERE confirmed = 0',
    );
    await upgradeLinkCopyTablesV2(queryRunner);
  }

  async down(): Promise<void> {
    throw new Error('LinkClaims1764115200000 cannot be reverted.');
  }
}
