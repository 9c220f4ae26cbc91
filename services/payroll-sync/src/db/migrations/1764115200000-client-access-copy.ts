import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAssignmentCopyTableV2, createLinkCopyTablesV1, upgradeLinkCopyTablesV2 } from '@advisor/rules';

/**
 * payroll-sync authorizes by SPEC C6 against the shared copy of links and assignments (the same
 * one every service keeps), instead of its own `client_access` table that knew firms only.
 * The copy fills from the clients service's events.
 */
export class ClientAccessCopy1764115200000 implements MigrationInterface {
  name = 'ClientAccessCopy1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createLinkCopyTablesV1(queryRunner);
    await upgradeLinkCopyTablesV2(queryRunner);
    await createAssignmentCopyTableV2(queryRunner);
    await queryRunner.dropTable('client_access');
  }

  async down(): Promise<void> {
    throw new Error('ClientAccessCopy1764115200000 cannot be reverted.');
  }
}
