import { randomUUID } from 'node:crypto';
import { Column, Entity, In, PrimaryColumn, PrimaryGeneratedColumn, type EntityManager } from 'typeorm';
import type { EventContract, EventEnvelope } from './event-contract';
import type { Database } from './db';
import type { EventTransport } from './transport';
import type { Logger } from './logger';
import { OUTBOX_RELAY_LOCK_ROW } from './migrations/v2';

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

  /** The relay that claimed the row to publish it (migrations/v2.ts); null when unclaimed. */
  @Column({ name: 'claim_token', type: 'varchar', length: 36, nullable: true })
  claimToken: string | null;

  /** The claim lapses after this moment (its relay died): another relay may publish the row then. */
  @Column({ name: 'claimed_until', type: 'datetime', precision: 3, nullable: true })
  claimedUntil: Date | null;
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


/** Outbox rows a transaction has enqueued and not yet written (see `enqueueEvent`). */
const unwritten = new WeakMap<EntityManager, Array<Partial<OutboxEventEntity>>>();

/**
 * Writes an event into the outbox inside the caller's transaction. The payload is validated
 * against its contract here, so an invalid event fails the business change instead of
 * reaching a consumer. Inside `Database.transaction` the rows are written together, in the
 * order they were enqueued, by one multi-row INSERT just before the transaction commits (a
 * consumer's batch of 100 events that each publish two costs one statement, not 200); they
 * commit or roll back with the change either way.
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
  const row: Partial<OutboxEventEntity> = {
    eventId: envelope.eventId,
    topic: contract.topic,
    messageKey: contract.keyOf(valid),
    envelope: JSON.stringify(envelope),
    createdAt: now,
    publishedAt: null,
  };
  const pending = unwritten.get(em);
  if (pending) pending.push(row);
  else if (db.beforeCommit(em, () => writeOutboxRows(em))) unwritten.set(em, [row]);
  else await insertOutboxRows(em, [row]);
  db.markEventsEnqueued(em);
  return envelope;
}

async function writeOutboxRows(em: EntityManager): Promise<void> {
  const rows = unwritten.get(em) ?? [];
  unwritten.delete(em);
  await insertOutboxRows(em, rows);
}

/** One INSERT for all the rows; the auto-increment `seq` follows their order in it. */
async function insertOutboxRows(em: EntityManager, rows: Array<Partial<OutboxEventEntity>>): Promise<void> {
  if (rows.length === 0) return;
  await em.createQueryBuilder().insert().into(OutboxEventEntity).values(rows).updateEntity(false).execute();
}

/**
 * The most rows a relay claims and publishes in one `sendBatch`: after a broker outage the whole
 * backlog of a busy minute goes in one or two sends instead of one per hundred rows.
 */
export const OUTBOX_RELAY_BATCH = 500;

export interface OutboxRelay {
  start(): void;
  /** Stops polling; waits a bounded time for a publish in flight (its claim lapses if it never ends). */
  stop(): Promise<void>;
  /** Publishes everything pending now; resolves when the outbox is empty (tests and shutdown). */
  drain(): Promise<void>;
  readiness(): { ok: boolean; lastError?: string };
}

export interface OutboxRelayOptions {
  db: Database;
  transport: EventTransport;
  logger: Logger;
  pollIntervalMs?: number;
  batchSize?: number;
  /** How long a claim holds unless renewed: rows of a relay that died mid-publish wait this long. */
  claimTtlMs?: number;
  /** The longest pause between failed attempts (a broker outage): small, so the backlog drains soon after it returns. */
  maxBackoffMs?: number;
  /** How long `stop()` waits for a publish in flight before leaving it (its rows are published again later). */
  stopTimeoutMs?: number;
}

/**
 * Publishes outbox rows in commit order and marks them sent, never holding a transaction while
 * it waits for the broker:
 *  1. claim: a short transaction takes the relay lock row (claims take turns, MySQL), reads the
 *     oldest unpublished rows whose key no other live claim holds, and stamps them with a claim
 *     token and an expiry (`claimed_until`);
 *  2. publish: one send for the batch, outside any transaction; the claim is renewed while the
 *     send is in flight, so a slow broker never lets a second relay take the same rows;
 *  3. mark: a second short transaction marks the rows that still carry the token as published.
 * The outbox's own index is never locked (the claim reads it without locks and updates rows by
 * primary key), so a business transaction's outbox insert never waits on a relay. Two relays on
 * one database claim different rows and never two claims on one key at a time, so one
 * aggregate's events keep their order. If the process dies between publish and mark, the claim
 * lapses and the rows are published again: at-least-once, which the idempotent consumers absorb.
 */
export function createOutboxRelay(opts: OutboxRelayOptions): OutboxRelay {
  const { db, transport, logger } = opts;
  const batchSize = opts.batchSize ?? OUTBOX_RELAY_BATCH;
  const pollIntervalMs = opts.pollIntervalMs ?? 1000;
  const claimTtlMs = opts.claimTtlMs ?? 15_000;
  const maxBackoffMs = opts.maxBackoffMs ?? 1000;
  const stopTimeoutMs = opts.stopTimeoutMs ?? 3000;
  const shortTransaction = { isolation: 'READ COMMITTED' } as const;
  let running = false;
  let wake: (() => void) | undefined;
  let loop: Promise<void> | undefined;
  let lastError: string | undefined;
  let unsubscribe: (() => void) | undefined;
  let inFlight: Promise<{ published: number; more: boolean }> = Promise.resolve({ published: 0, more: false });

  const claim = (token: string) =>
    db.transaction(async (em) => {
      if (db.kind === 'mysql') {
        await em.query('SELECT name FROM outbox_relay_lock WHERE name = ? FOR UPDATE', [OUTBOX_RELAY_LOCK_ROW]);
      }
      const now = new Date();
      const held = await em
        .createQueryBuilder(OutboxEventEntity, 'o')
        .select('DISTINCT o.message_key', 'messageKey')
        .where('o.published_at IS NULL')
        .andWhere('o.claimed_until > :now', { now })
        .getRawMany<{ messageKey: string }>();
      const heldKeys = new Set(held.map((r) => r.messageKey));
      const candidates = await em
        .createQueryBuilder(OutboxEventEntity, 'o')
        .where('o.published_at IS NULL')
        .andWhere('(o.claimed_until IS NULL OR o.claimed_until <= :now)', { now })
        .orderBy('o.seq', 'ASC')
        .limit(batchSize)
        .getMany();
      // A key another relay is publishing waits for it: its later events must not overtake.
      const rows = candidates.filter((r) => !heldKeys.has(r.messageKey));
      if (rows.length > 0) {
        await em.update(
          OutboxEventEntity,
          { seq: In(rows.map((r) => r.seq)) },
          { claimToken: token, claimedUntil: new Date(now.getTime() + claimTtlMs) },
        );
      }
      return { rows, more: candidates.length === batchSize };
    }, shortTransaction);

  const updateClaim = (token: string, seqs: string[], change: Partial<OutboxEventEntity>) =>
    db.transaction((em) => em.update(OutboxEventEntity, { seq: In(seqs), claimToken: token }, change), shortTransaction);

  const publishOnce = async (): Promise<{ published: number; more: boolean }> => {
    const token = randomUUID();
    const { rows, more } = await claim(token);
    if (rows.length === 0) return { published: 0, more };
    const seqs = rows.map((r) => r.seq);
    const renewal = setInterval(() => {
      updateClaim(token, seqs, { claimedUntil: new Date(Date.now() + claimTtlMs) }).catch((err) =>
        logger.warn({ err }, 'could not renew the outbox claim'),
      );
    }, Math.max(100, Math.floor(claimTtlMs / 3)));
    renewal.unref();
    try {
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
    } catch (err) {
      clearInterval(renewal);
      // Let them go at once (another relay, or this one's next attempt, takes them again).
      await updateClaim(token, seqs, { claimToken: null, claimedUntil: null }).catch(() => undefined);
      throw err;
    }
    clearInterval(renewal);
    await updateClaim(token, seqs, { publishedAt: new Date(), claimToken: null, claimedUntil: null });
    logger.debug({ count: rows.length }, 'outbox events published');
    return { published: rows.length, more };
  };

  const publishBatch = () => {
    inFlight = inFlight.catch(() => ({ published: 0, more: false })).then(publishOnce);
    return inFlight;
  };

  const runLoop = async () => {
    let backoff = pollIntervalMs;
    while (running) {
      let outcome = { published: 0, more: false };
      try {
        outcome = await publishBatch();
        if (lastError) logger.info('outbox relay publishes again');
        lastError = undefined;
        backoff = Math.min(pollIntervalMs, maxBackoffMs);
      } catch (err) {
        // A broker outage: the business transactions carry on; the backlog waits in the outbox.
        if (!lastError) logger.warn({ err }, 'outbox relay could not publish; will retry');
        lastError = (err as Error).message;
        backoff = Math.min(backoff * 2, maxBackoffMs);
      }
      if (outcome.published > 0 && outcome.more) continue;
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
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        Promise.all([loop, inFlight.catch(() => undefined)]).then(() => true),
        new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), stopTimeoutMs);
        }),
      ]);
      clearTimeout(timer);
      if (!finished) logger.warn('stopped with a publish in flight; its events are published again after their claim lapses');
    },
    async drain() {
      for (;;) {
        const { published, more } = await publishBatch();
        if (published === 0 && !more) return;
      }
    },
    readiness() {
      return { ok: lastError === undefined, lastError };
    },
  };
}
