import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from '@advisor/kit';

/** SPEC F10: an assignment may carry an end date; the expiry sweep finds the due ones by index. */
export class AssignmentEndDates1764547200000 implements MigrationInterface {
  name = 'AssignmentEndDates1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    await queryRunner.addColumn('assignments', new TableColumn({ name: 'ends_at', ...t.timestamp, isNullable: true }));
    await queryRunner.createIndex('assignments', new TableIndex({ name: 'idx_assignments_ends_at', columnNames: ['ends_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('assignments', 'idx_assignments_ends_at');
    await queryRunner.dropColumn('assignments', 'ends_at');
  }
}
