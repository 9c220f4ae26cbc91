import { randomUUID } from 'node:crypto';
import { Column, Entity, In, IsNull, PrimaryColumn, PrimaryGeneratedColumn, Table, TableIndex, type EntityManager, type QueryRunner } from 'typeorm';
import type { EventContract, EventEnvelope } from '@advisor/schema';
import { columnTypes, type Database } from './db';
import type { EventTransport } from './transport';
import type { Logger } from './logger';

/** An event waiting to be published, written in the same transaction as the change it reports. */
@Entity('outbox_events')
export class OutboxEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq: string;

  @Column({ name: 'event_id', type: 'varchar', length: 36 })
  eventId: string;

  @Column({ type: 'varchar', length: 255 })
  topic: string;

  @Column({ name: 'message_key', type: 'varchar', length: 255 })
  messageKey: string;

  @Column({ type: 'text' })
  envelope: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;
}

/** One row per event a consumer has handled: the unique key makes redelivery a no-op. */
@Entity('processed_events')
export class ProcessedEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  consumer: string;

  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 36 })
  eventId: string;

  @Column({ type: 'varchar', length: 255 })
  topic: string;

  /** PROCESSED, or REJECTED when the event can never be handled (invalid contract, refused by a rule). */
  @Column({ type: 'varchar', length: 16 })
  outcome: 'PROCESSED' | 'REJECTED';

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'processed_at', type: 'datetime', precision: 3 })
  processedAt: Date;
}

export const EVENT_ENTITIES = [OutboxEventEntity, ProcessedEventEntity];

/** Creates the outbox and processed-events tables; each service's first migration calls it. */
export async function createEventTables(queryRunner: QueryRunner): Promise<void> {
  const t = columnTypes(queryRunner);
  await queryRunner.createTable(
    new Table({
      name: 'outbox_events',
      columns: [
        { name: 'seq', ...t.sequence },
        { name: 'event_id', ...t.id, isUnique: true },
        { name: 'topic', ...t.string() },
        { name: 'message_key', ...t.string() },
        { name: 'envelope', ...t.text },
        { name: 'created_at', ...t.timestamp },
        { name: 'published_at', ...t.timestamp, isNullable: true },
      ],
    }),
  );
  await queryRunner.createIndex(
    'outbox_events',
    new TableIndex({ name: 'idx_outbox_unpublished', columnNames: ['published_at', 'seq'] }),
  );
  await queryRunner.createTable(
    new Table({
      name: 'processed_events',
      columns: [
        { name: 'consumer', ...t.string(100), isPrimary: true },
        { name: 'event_id', ...t.id, isPrimary: true },
        { name: 'topic', ...t.string() },
        { name: 'outcome', ...t.string(16) },
        { name: 'reason', ...t.text, isNullable: true },
        { name: 'processed_at', ...t.timestamp },
      ],
    }),
  );
}

export async function dropEventTables(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.dropTable('processed_events');
  await queryRunner.dropTable('outbox_events');
}

/**
 * Writes an event into the outbox inside the caller's transaction. The payload is validated
 * against its contract here, so an invalid event fails the business change instead of
 * reaching a consumer.
 */
export async function enqueueEvent<P>(
  db: Database,
  em: EntityManager,
  producer: string,
  contract: EventContract<string, P>,
  payload: P,
  now: Date = new Date(),
): Promise<EventEnvelope<P>> {
  const valid = contract.payload.parse(payload) as P;
  const envelope: EventEnvelope<P> = {
    eventId: randomUUID(),
    name: contract.name,
    version: contract.version,
    occurredAt: now.toISOString(),
    producer,
    payload: valid,
  };
  await em.insert(OutboxEventEntity, {
    eventId: envelope.eventId,
    topic: contract.topic,
    messageKey: contract.keyOf(valid),
    envelope: JSON.stringify(envelope),
    createdAt: now,
    publishedAt: null,
  });
  db.markEventsEnqueued(em);
  return envelope;
}

export interface OutboxRelay {
  start(): void;
  stop(): Promise<void>;
  /** Publishes everything pending now; resolves when the outbox is empty (tests and shutdown). */
  drain(): Promise<void>;
  readiness(): { ok: boolean; lastError?: string };
}

/**
 * Publishes outbox rows in commit order and marks them sent. Rows are locked while they are
 * published, so two relay replicas never publish the same row at once and per-key order holds.
 * If the process dies between publish and mark, the rows are published again on restart:
 * at-least-once, which the idempotent consumers absorb.
 */
export function createOutboxRelay(opts: {
  db: Database;
  transport: EventTransport;
  logger: Logger;
  pollIntervalMs?: number;
  batchSize?: number;
}): OutboxRelay {
  const { db, transport, logger } = opts;
  const batchSize = opts.batchSize ?? 100;
  const pollIntervalMs = opts.pollIntervalMs ?? 1000;
  let running = false;
  let wake: (() => void) | undefined;
  let loop: Promise<void> | undefined;
  let lastError: string | undefined;
  let unsubscribe: (() => void) | undefined;
  let inFlight: Promise<number> = Promise.resolve(0);

  const publishBatch = (): Promise<number> => {
    inFlight = inFlight.catch(() => 0).then(() =>
      db.transaction(async (em) => {
        let query = em
          .createQueryBuilder(OutboxEventEntity, 'o')
          .where('o.published_at IS NULL')
          .orderBy('o.seq', 'ASC')
          .limit(batchSize);
        if (db.kind === 'mysql') query = query.setLock('pessimistic_write');
        const rows = await query.getMany();
        if (rows.length === 0) return 0;
        await transport.publish(
          rows.map((r) => {
            const envelope = JSON.parse(r.envelope) as EventEnvelope;
            return {
              topic: r.topic,
              key: r.messageKey,
              value: r.envelope,
              headers: { 'event-id': r.eventId, 'event-name': envelope.name },
            };
          }),
        );
        await em.update(OutboxEventEntity, { seq: In(rows.map((r) => r.seq)), publishedAt: IsNull() }, { publishedAt: new Date() });
        logger.debug({ count: rows.length }, 'outbox events published');
        return rows.length;
      }),
    );
    return inFlight;
  };

  const runLoop = async () => {
    let backoff = pollIntervalMs;
    while (running) {
      let published = 0;
      try {
        published = await publishBatch();
        lastError = undefined;
        backoff = pollIntervalMs;
      } catch (err) {
        lastError = (err as Error).message;
        logger.warn({ err }, 'outbox relay could not publish; will retry');
        backoff = Math.min(backoff * 2, 30_000);
      }
      if (published === batchSize) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, lastError ? backoff : pollIntervalMs).unref();
      });
    }
  };

  return {
    start() {
      if (running) return;
      running = true;
      unsubscribe = db.onEventsCommitted(() => wake?.());
      loop = runLoop();
    },
    async stop() {
      running = false;
      unsubscribe?.();
      wake?.();
      await loop;
      await inFlight.catch(() => undefined);
    },
    async drain() {
      while ((await publishBatch()) > 0) {
        /* keep going until empty */
      }
    },
    readiness() {
      return { ok: lastError === undefined, lastError };
    },
  };
}
