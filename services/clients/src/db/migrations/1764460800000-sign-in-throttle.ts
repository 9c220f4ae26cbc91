import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from '@advisor/kit';

/** SPEC G7, F4: failed sign-ins per username and per address, seen by every replica (SignInThrottle in @advisor/rules). */
export class SignInThrottle1764460800000 implements MigrationInterface {
  name = 'SignInThrottle1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'sign_in_throttle',
        columns: [
          { name: 'throttle_key', ...t.string(400), isPrimary: true },
          { name: 'failures', type: 'int' },
          { name: 'last_failure_at', ...t.timestamp },
          { name: 'locked_until', ...t.timestamp, isNullable: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('sign_in_throttle');
  }
}
