import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createLinkCopyTablesV1 } from '@advisor/rules';

/** Which firm each client is linked to, so a client admin may see their firm and its people. */
export class ClientLinkCopy1764028800000 implements MigrationInterface {
  name = 'ClientLinkCopy1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createLinkCopyTablesV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('ended_links');
    await queryRunner.dropTable('client_links');
  }
}
