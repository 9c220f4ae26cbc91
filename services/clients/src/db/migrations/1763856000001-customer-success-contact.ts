import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from '@advisor/kit';

/** SPEC F8: every client has a named Customer Success point of contact. */
export class CustomerSuccessContact1763856000001 implements MigrationInterface {
  name = 'CustomerSuccessContact1763856000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    await queryRunner.addColumns('client_companies', [
      new TableColumn({ name: 'cs_name', ...t.string(200), isNullable: true }),
      new TableColumn({ name: 'cs_phone', ...t.string(40), isNullable: true }),
      new TableColumn({ name: 'cs_email', ...t.string(320), isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['cs_email', 'cs_phone', 'cs_name']) await queryRunner.dropColumn('client_companies', column);
  }
}
