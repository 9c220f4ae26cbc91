import { In, type EntityManager } from 'typeorm';
import { eventEnvelopeSchema, type EventContract, type EventEnvelope } from './event-contract';
import { isUniqueViolation, type Database } from './db';
import { ProcessedEventEntity } from './outbox';
import type { EventTransport, IncomingMessage, Subscription } from './transport';
import type { Logger } from './logger';

const describeIssues = (error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }) =>
  error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');

/**
 * How many transactions a consumer runs side by side for one partition's batch, each for a share
 * of its keys (see `processBatch`). A consumer waits mostly on round trips to the database (a
 * few ms each on a busy server, ten or more per event), not on CPU; with the partitions consumed
 * side by side (3) this stays within a service's pool of 10 connections.
 */
export const CONSUMER_KEY_LANES = 3;

/** Thrown by a handler when an event can never be applied (a rule refuses it). Not retried. */
export class EventRejectedError extends Error {}

export interface EventHandler<P = unknown> {
  contract: EventContract<string, P>;
  /** Runs inside the transaction that also records the event as processed. */
  handle(em: EntityManager, payload: P, envelope: EventEnvelope<P>): Promise<void>;
}

export function handleEvent<P>(
  contract: EventContract<string, P>,
  handle: EventHandler<P>['handle'],
): EventHandler<P> {
  return { contract, handle };
}

export interface EventConsumer {
  /** The topics this consumer handles. */
  readonly topics: readonly string[];
  start(): Promise<void>;
  stop(): Promise<void>;
  readiness(): { ok: boolean };
  /** Applies one received message; exposed so tests can redeliver exactly what Kafka delivered. */
  process(message: IncomingMessage): Promise<'processed' | 'duplicate' | 'rejected'>;
  /**
   * Applies consecutive messages of one partition (what Kafka delivery uses): one transaction
   * per lane of keys, the lanes side by side, each key's messages in order.
   */
  processBatch(messages: IncomingMessage[]): Promise<void>;
}

/**
 * An idempotent consumer: the handler's effect and the `processed_events` row commit in one
 * transaction, and the offset is committed only after that. A redelivered event finds its row
 * and changes nothing. Events that can never be applied are recorded as REJECTED with a reason
 * (and logged) instead of blocking the partition forever; anything else is retried.
 */
export function createEventConsumer(opts: {
  name: string;
  db: Database;
  transport: EventTransport;
  logger: Logger;
  handlers: EventHandler<any>[];
}): EventConsumer {
  const { db, transport, name } = opts;
  const logger = opts.logger.child({ consumer: name });
  const byTopic = new Map(opts.handlers.map((h) => [h.contract.topic, h]));
  let subscription: Subscription | undefined;

  const alreadyProcessed = async (em: EntityManager, eventId: string) =>
    (await em.count(ProcessedEventEntity, { where: { consumer: name, eventId } })) > 0;

  const reject = async (topic: string, eventId: string, reason: string) => {
    logger.error({ topic, eventId, reason }, 'event rejected: it can never be applied');
    try {
      await db.transaction(async (em) => {
        if (await alreadyProcessed(em, eventId)) return;
        await em.insert(ProcessedEventEntity, {
          consumer: name,
          eventId,
          topic,
          outcome: 'REJECTED',
          reason: reason.slice(0, 2000),
          processedAt: new Date(),
        });
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    return 'rejected' as const;
  };

  type Prepared =
    | { ok: false; eventId: string; reason: string }
    | { ok: true; eventId: string; handler: EventHandler<any>; payload: unknown; envelope: EventEnvelope<unknown> };

  /** Parses and checks one message against its contract, without touching the database. */
  const prepare = (message: IncomingMessage): Prepared => {
    const handler = byTopic.get(message.topic);
    let raw: unknown;
    try {
      raw = JSON.parse(message.value);
    } catch {
      raw = undefined;
    }
    const envelope = eventEnvelopeSchema.safeParse(raw);
    const eventId = envelope.success ? envelope.data.eventId : `invalid:${message.partition}:${message.offset}`.slice(0, 36);
    if (!envelope.success) return { ok: false, eventId, reason: `invalid envelope: ${describeIssues(envelope.error)}` };
    if (!handler) return { ok: false, eventId, reason: `no handler for topic ${message.topic}` };
    if (envelope.data.name !== handler.contract.name || envelope.data.version !== handler.contract.version) {
      return { ok: false, eventId, reason: `unexpected event ${envelope.data.name} v${envelope.data.version}` };
    }
    const payload = handler.contract.payload.safeParse(envelope.data.payload);
    if (!payload.success) return { ok: false, eventId, reason: `payload violates its contract: ${describeIssues(payload.error)}` };
    return { ok: true, eventId, handler, payload: payload.data, envelope: { ...envelope.data, payload: payload.data } };
  };

  /** Inside a transaction: records the event as processed and applies it. */
  const apply = async (em: EntityManager, topic: string, event: Extract<Prepared, { ok: true }>) => {
    await em.insert(ProcessedEventEntity, {
      consumer: name,
      eventId: event.eventId,
      topic,
      outcome: 'PROCESSED',
      reason: null,
      processedAt: new Date(),
    });
    await event.handler.handle(em, event.payload, event.envelope);
  };

  const process = async (message: IncomingMessage) => {
    const event = prepare(message);
    if (!event.ok) return reject(message.topic, event.eventId, event.reason);
    const { eventId } = event;
    try {
      return await db.transaction(async (em) => {
        if (await alreadyProcessed(em, eventId)) return 'duplicate' as const;
        await apply(em, message.topic, event);
        return 'processed' as const;
      });
    } catch (err) {
      if (isUniqueViolation(err) && (await alreadyProcessed(db.manager, eventId))) return 'duplicate' as const;
      if (err instanceof EventRejectedError) return reject(message.topic, eventId, err.message);
      throw err;
    }
  };

  /**
   * Consecutive messages of one partition in ONE transaction: each event's effect and its
   * processed_events row still commit together (all of the batch or none of it), in order, and
   * the batch costs one commit, one read of what was already processed and one multi-row insert
   * of processed_events instead of a commit, a read and an insert per event (the events the
   * handlers publish are written together at commit too, see `enqueueEvent`). Anything unusual
   * in the batch (an event that must be rejected, a handler refusing one, a duplicate raced in
   * by another replica, any error) rolls it back and the messages are handled one by one,
   * exactly as without batching.
   */
  const processLane = async (messages: IncomingMessage[]) => {
    const events = messages.map(prepare);
    if (messages.length > 1 && events.every((e) => e.ok)) {
      const ok = events as Array<Extract<Prepared, { ok: true }>>;
      try {
        await db.transaction(async (em) => {
          const done = new Set(
            (await em.find(ProcessedEventEntity, { select: { eventId: true }, where: { consumer: name, eventId: In(ok.map((e) => e.eventId)) } })).map((r) => r.eventId),
          );
          const fresh: Array<{ topic: string; event: Extract<Prepared, { ok: true }> }> = [];
          for (const [i, event] of ok.entries()) {
            if (done.has(event.eventId)) continue;
            done.add(event.eventId);
            fresh.push({ topic: messages[i].topic, event });
          }
          if (fresh.length === 0) return;
          const processedAt = new Date();
          await em
            .createQueryBuilder()
            .insert()
            .into(ProcessedEventEntity)
            .values(fresh.map(({ topic, event }) => ({ consumer: name, eventId: event.eventId, topic, outcome: 'PROCESSED' as const, reason: null, processedAt })))
            .updateEntity(false)
            .execute();
          for (const { event } of fresh) await event.handler.handle(em, event.payload, event.envelope);
        });
        logger.debug({ count: messages.length }, 'events handled in one transaction');
        return;
      } catch (err) {
        logger.debug({ err, count: messages.length }, 'batch rolled back; handling its events one by one');
      }
    }
    for (const message of messages) {
      const outcome = await process(message);
      logger.debug({ topic: message.topic, offset: message.offset, outcome }, 'event handled');
    }
  };

  /**
   * A partition's messages in up to CONSUMER_KEY_LANES transactions side by side: each key (one
   * aggregate, e.g. one client) goes to one lane, in its order, so one key's events still apply
   * one after another while different keys' events, which Kafka orders no more than events in
   * different partitions, do not wait for each other's round trips to the database. Resolves
   * once every lane has committed (or failed: the whole chunk is then delivered again, and the
   * lanes that had committed find their events processed).
   */
  const processBatch = async (messages: IncomingMessage[]) => {
    const laneOfKey = new Map<string, number>();
    const lanes: IncomingMessage[][] = [];
    for (const message of messages) {
      let lane = laneOfKey.get(message.key);
      if (lane === undefined) {
        lane = laneOfKey.size % CONSUMER_KEY_LANES;
        laneOfKey.set(message.key, lane);
      }
      (lanes[lane] ??= []).push(message);
    }
    const outcomes = await Promise.allSettled(lanes.map(processLane));
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
  };

  return {
    topics: [...byTopic.keys()],
    process,
    processBatch,
    async start() {
      subscription = await transport.subscribe({
        groupId: name,
        topics: [...byTopic.keys()],
        onMessage: async (message) => {
          const outcome = await process(message);
          logger.debug({ topic: message.topic, offset: message.offset, outcome }, 'event handled');
        },
        onBatch: processBatch,
      });
    },
    async stop() {
      await subscription?.stop();
      subscription = undefined;
    },
    readiness() {
      return { ok: subscription?.isRunning() ?? false };
    },
  };
}

/** The envelope of one contract, payload validated: for consumers without a database (the gateway). */
export function eventEnvelopeSchemaFor<P>(contract: EventContract<string, P>) {
  return eventEnvelopeSchema.transform((envelope, ctx) => {
    if (envelope.name !== contract.name || envelope.version !== contract.version) {
      ctx.addIssue({ code: 'custom', message: `expected ${contract.name} v${contract.version}` });
      return undefined as never;
    }
    const payload = contract.payload.safeParse(envelope.payload);
    if (!payload.success) {
      ctx.addIssue({ code: 'custom', message: describeIssues(payload.error) });
      return undefined as never;
    }
    return { ...envelope, payload: payload.data } as EventEnvelope<P>;
  });
}
