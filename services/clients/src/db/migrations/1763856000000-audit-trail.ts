import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditTableV1 } from '@advisor/rules';

export class AuditTrail1763856000000 implements MigrationInterface {
  name = 'AuditTrail1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createAuditTableV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_trail');
  }
}
