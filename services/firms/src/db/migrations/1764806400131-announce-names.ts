import { randomUUID } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: the clients service shows firm and member names from its own copy, filled from
 * `firm.renamed` (new) and `member.joined` (which carries the names). Firms and members created
 * before this release were never announced with their names, so this announces each once through
 * the outbox (the relay publishes them like any other event; the consumer fills in what it lacks).
 * Self-contained on purpose (frozen once landed): the topics and the envelope are spelled out here.
 */
export class AnnounceNames1764806400131 implements MigrationInterface {
  name = 'AnnounceNames1764806400131';

  async up(queryRunner: QueryRunner): Promise<void> {
    const now = new Date();
    const firms: Array<{ id: string; name: string }> = await queryRunner.query('SELECT id, name FROM firms');
    const members: Array<{ id: string; firm_id: string; first_name: string; last_name: string; work_email: string; created_at: Date | string }> =
      await queryRunner.query('SELECT id, firm_id, first_name, last_name, work_email, created_at FROM members');
    const rows = [
      ...firms.map((f) => ({ topic: 'advisor.firms.firm-renamed.v1', key: f.id, name: 'firm.renamed', payload: { firmId: f.id, name: f.name, renamedAt: now.toISOString() } })),
      ...members.map((m) => ({
        topic: 'advisor.firms.member-joined.v1',
        key: m.id,
        name: 'member.joined',
        payload: { memberId: m.id, firmId: m.firm_id, firstName: m.first_name, lastName: m.last_name, workEmail: m.work_email, joinedAt: new Date(m.created_at).toISOString() },
      })),
    ];
    for (const row of rows) {
      const eventId = randomUUID();
      const envelope = { eventId, name: row.name, version: 1, occurredAt: now.toISOString(), producer: 'firms', payload: row.payload };
      await queryRunner.query('INSERT INTO outbox_events (event_id, topic, message_key, envelope, created_at, published_at) VALUES (?, ?, ?, ?, ?, NULL)', [
        eventId,
        row.topic,
        row.key,
        JSON.stringify(envelope),
        now,
      ]);
    }
  }

  async down(): Promise<void> {
    // Announcements cannot be taken back; the copies they filled are harmless.
  }
}
