import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from '@advisor/kit';

/**
 * Issue 13: the roster copy keeps each member's name (from `member.joined`) and each firm's name
 * (from `firm.renamed`), so the firm's client list shows them without a call to firms.
 */
export class RosterNames1764806400132 implements MigrationInterface {
  name = 'RosterNames1764806400132';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    await queryRunner.addColumn('firm_members', new TableColumn({ name: 'first_name', ...t.string(100), isNullable: true }));
    await queryRunner.addColumn('firm_members', new TableColumn({ name: 'last_name', ...t.string(100), isNullable: true }));
    await queryRunner.createTable(
      new Table({
        name: 'firm_names',
        columns: [
          { name: 'firm_id', ...t.id, isPrimary: true },
          { name: 'name', ...t.string(200) },
          { name: 'renamed_at', ...t.timestamp },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('firm_names');
    await queryRunner.dropColumn('firm_members', 'last_name');
    await queryRunner.dropColumn('firm_members', 'first_name');
  }
}
