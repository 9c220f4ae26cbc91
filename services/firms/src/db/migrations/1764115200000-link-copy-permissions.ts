import type { MigrationInterface, QueryRunner } from 'typeorm';
import { upgradeLinkCopyTablesV2 } from '@advisor/rules';

/** The shared link copy now carries the link's permissions (SPEC C2) and holds no provisional rows. */
export class LinkCopyPermissions1764115200000 implements MigrationInterface {
  name = 'LinkCopyPermissions1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await upgradeLinkCopyTablesV2(queryRunner);
  }

  async down(): Promise<void> {
    throw new Error('LinkCopyPermissions1764115200000 cannot be reverted: provisional rows were dropped.');
  }
}
