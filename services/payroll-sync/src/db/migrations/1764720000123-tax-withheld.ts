import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * SPEC P5 term report, P7: the income tax withheld from each W2 payslip (from the employee's tax
 * card, SPEC P6, or the documented default rate), summed on the run, the month's filing and the
 * month's figures. Earlier rows withheld nothing: 0.
 */
export class TaxWithheld1764720000123 implements MigrationInterface {
  name = 'TaxWithheld1764720000123';

  async up(queryRunner: QueryRunner): Promise<void> {
    const withheld = () => new TableColumn({ name: 'withheld_cents', type: 'bigint', default: 0 });
    await queryRunner.addColumns('payslips', [
      withheld(),
      // The rate applied, so a payslip shows where its withholding came from.
      new TableColumn({ name: 'withholding_rate_bp', type: 'int', isNullable: true }),
      new TableColumn({ name: 'withholding_source', type: 'varchar', length: '16', isNullable: true }),
    ]);
    await queryRunner.addColumn('payroll_runs', withheld());
    await queryRunner.addColumn('employer_tax_filings', withheld());
    await queryRunner.addColumn('payroll_month_figures', withheld());
  }

  async down(): Promise<void> {
    throw new Error('TaxWithheld1764720000123 cannot be reverted.');
  }
}
