import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypesV1 } from '@advisor/kit';

/** SPEC F3, I5: sign-ups waiting for the founder's email confirmation, and proofs from client invitations. */
export class VerifiedSignUp1764547200000 implements MigrationInterface {
  name = 'VerifiedSignUp1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypesV1(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'firm_sign_ups',
        columns: [
          { name: 'id', ...t.id, isPrimary: true },
          { name: 'token_hash', ...t.string(64), isUnique: true },
          { name: 'work_email', ...t.string(320) },
          { name: 'domain', ...t.string(255) },
          { name: 'username', ...t.string(64) },
          { name: 'username_key', ...t.string(64) },
          { name: 'password_hash', ...t.string(255) },
          { name: 'firm_name', ...t.string(200) },
          { name: 'website', ...t.string(255) },
          { name: 'founder', ...t.text },
          { name: 'created_at', ...t.timestamp },
          { name: 'expires_at', ...t.timestamp },
          { name: 'confirmed_at', ...t.timestamp, isNullable: true },
          { name: 'firm_id', ...t.id, isNullable: true },
        ],
        indices: [
          { name: 'idx_firm_sign_ups_email', columnNames: ['work_email'] },
          { name: 'idx_firm_sign_ups_username', columnNames: ['username_key'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sign_up_proofs',
        columns: [
          { name: 'proof_hash', ...t.string(64), isPrimary: true },
          { name: 'invitation_id', ...t.id },
          { name: 'email', ...t.string(320) },
          { name: 'expires_at', ...t.timestamp },
          { name: 'used_at', ...t.timestamp, isNullable: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('sign_up_proofs');
    await queryRunner.dropTable('firm_sign_ups');
  }
}
