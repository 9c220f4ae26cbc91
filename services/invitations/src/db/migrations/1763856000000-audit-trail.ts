import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditTableV1 } from '@advisor/rules';

/** SPEC G4: the kit's audit trail, for every invitation change. */
export class AuditTrail1763856000000 implements MigrationInterface {
  name = 'AuditTrail1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createAuditTableV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_trail');
  }
}
