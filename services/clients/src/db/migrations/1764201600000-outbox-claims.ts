import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addOutboxClaimsV2 } from '@advisor/kit';

/**
 * The outbox relay claims a batch, publishes outside any transaction and marks it sent in another
 * one, so a broker outage never holds locks that the business transactions' outbox inserts wait on.
 */
export class OutboxClaims1764201600000 implements MigrationInterface {
  name = 'OutboxClaims1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addOutboxClaimsV2(queryRunner);
  }

  async down(): Promise<void> {
    throw new Error('OutboxClaims1764201600000 cannot be reverted.');
  }
}
