import type { EntityManager } from 'typeorm';
import { eventEnvelopeSchema, type EventContract, type EventEnvelope } from './event-contract';
import { isUniqueViolation, type Database } from './db';
import { ProcessedEventEntity } from './outbox';
import type { EventTransport, IncomingMessage, Subscription } from './transport';
import type { Logger } from './logger';

const describeIssues = (error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }) =>
  error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');

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

  const process = async (message: IncomingMessage) => {
    const handler = byTopic.get(message.topic);
    let raw: unknown;
    try {
      raw = JSON.parse(message.value);
    } catch {
      raw = undefined;
    }
    const envelope = eventEnvelopeSchema.safeParse(raw);
    const eventId = envelope.success ? envelope.data.eventId : `invalid:${message.partition}:${message.offset}`.slice(0, 36);
    if (!envelope.success) return reject(message.topic, eventId, `invalid envelope: ${describeIssues(envelope.error)}`);
    if (!handler) return reject(message.topic, eventId, `no handler for topic ${message.topic}`);
    if (envelope.data.name !== handler.contract.name || envelope.data.version !== handler.contract.version) {
      return reject(message.topic, eventId, `unexpected event ${envelope.data.name} v${envelope.data.version}`);
    }
    const payload = handler.contract.payload.safeParse(envelope.data.payload);
    if (!payload.success) return reject(message.topic, eventId, `payload violates its contract: ${describeIssues(payload.error)}`);

    try {
      return await db.transaction(async (em) => {
        if (await alreadyProcessed(em, eventId)) return 'duplicate' as const;
        await em.insert(ProcessedEventEntity, {
          consumer: name,
          eventId,
          topic: message.topic,
          outcome: 'PROCESSED',
          reason: null,
          processedAt: new Date(),
        });
        await handler.handle(em, payload.data, { ...envelope.data, payload: payload.data });
        return 'processed' as const;
      });
    } catch (err) {
      if (isUniqueViolation(err) && (await alreadyProcessed(db.manager, eventId))) return 'duplicate' as const;
      if (err instanceof EventRejectedError) return reject(message.topic, eventId, err.message);
      throw err;
    }
  };

  return {
    topics: [...byTopic.keys()],
    process,
    async start() {
      subscription = await transport.subscribe({
        groupId: name,
        topics: [...byTopic.keys()],
        onMessage: async (message) => {
          const outcome = await process(message);
          logger.debug({ topic: message.topic, offset: message.offset, outcome }, 'event handled');
        },
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
