import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createLinkCopyTables } from '@advisor/kit';

/** Which firm each client is linked to, so a client admin may see their firm and its people. */
export class ClientLinkCopy1764028800000 implements MigrationInterface {
  name = 'ClientLinkCopy1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createLinkCopyTables(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('ended_links');
    await queryRunner.dropTable('client_links');
  }
}
