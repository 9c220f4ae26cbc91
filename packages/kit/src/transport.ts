import { Kafka, Partitioners, logLevel as KafkaLogLevel, type Consumer, type KafkaMessage, type Producer, type LogEntry } from 'kafkajs';
import type { Logger } from './logger';

export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface IncomingMessage extends OutgoingMessage {
  partition: number;
  offset: string;
}

export interface Subscription {
  stop(): Promise<void>;
  /** False once the consumer has crashed for good or been stopped. */
  isRunning(): boolean;
}

/**
 * How events travel between services. Kafka in production and tests; an in-process log in the
 * embedded run mode. Both give the same guarantees the consumers rely on: order per key,
 * at-least-once delivery, a message is redelivered until its handler succeeds.
 */
export interface EventTransport {
  readonly kind: 'kafka' | 'in-process';
  ensureTopics(topics: readonly string[]): Promise<void>;
  publish(messages: OutgoingMessage[]): Promise<void>;
  subscribe(opts: SubscribeOptions): Promise<Subscription>;
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

export interface SubscribeOptions {
  groupId: string;
  topics: readonly string[];
  onMessage(message: IncomingMessage): Promise<void>;
  /**
   * Handles consecutive messages of one partition together (in order); the offset moves past
   * them only once this resolves. Kafka only; `onMessage` otherwise. A consumer that applies
   * each batch in one transaction commits once per batch instead of once per event, which is
   * what lets a backlog (after a broker outage) drain in seconds.
   */
  onBatch?(messages: IncomingMessage[]): Promise<void>;
  /**
   * Read every topic from its start on each start and commit no offsets: for an in-memory view
   * rebuilt from the log (the gateway's revocation list) in a group whose name stays the same
   * across restarts.
   */
  readFromStart?: boolean;
}

// ---------------------------------------------------------------------------------------------

export interface KafkaTransportOptions {
  clientId: string;
  brokers: string[];
  /** Prepended to every topic and group id: lets several test systems share one broker. */
  namespace?: string;
  /** How long a fetch waits for data; lower in tests so consumers stop quickly. */
  maxWaitTimeInMs?: number;
  partitions?: number;
  /**
   * How long the group waits for a silent member before handing its partitions to others. A
   * consumer restarted after kill -9 starts working only once its dead predecessor's session
   * expires (kafkajs 2.2 sends no group.instance.id, so static membership is not available);
   * 6 s is the broker's default minimum (group.min.session.timeout.ms). See README, Reliability.
   */
  sessionTimeoutMs?: number;
  logger: Logger;
}

export const KAFKA_SESSION_TIMEOUT_MS = 6000;

/**
 * kafkajs' retries back off exponentially up to 30 s by default: after a long broker outage the
 * producer and the consumers then sat out a long pause after the broker returned (the backlog of
 * a 60 s pause took 17.5 s to drain). Capped at 2 s, they are back within 2 s of the broker.
 */
export const KAFKA_RETRY = { initialRetryTime: 200, maxRetryTime: 2000, retries: 8 } as const;
export const KAFKA_HEARTBEAT_INTERVAL_MS = 1000;
/** The most messages of one partition `onBatch` receives at a time. */
export const KAFKA_HANDLER_BATCH = 100;

type LogSeverity = 'error' | 'warn' | 'debug';

/**
 * The true severity of a kafkajs log line. kafkajs logs at error level much that it retries
 * itself and recovers from (a produce or coordinator request timing out while the broker is
 * paused, a reconnect, a consumer restarting after a retriable crash, a member re-joining its
 * group): those are warnings. States a fresh broker passes through while it creates its internal
 * topics are debug. What kafkajs gives up on stays an error.
 */
export function kafkaLogSeverity(level: KafkaLogLevel, message: string, extra: Record<string, unknown> = {}): LogSeverity {
  const text = `${message} ${String(extra.error ?? '')} ${String(extra.type ?? '')}`;
  if (/coordinator (is loading|is not available)|not available|LEADER_NOT_AVAILABLE/i.test(text)) return 'debug';
  if (level === KafkaLogLevel.ERROR) {
    const retried = extra.retryCount !== undefined || extra.retryTime !== undefined;
    if (retried) return 'warn';
    // kafkajs logs every error response from the broker before its caller retries or re-joins.
    if (/^Response /.test(message)) return 'warn';
    if (/^Crash: |^Restarting the consumer|re-joining the group|timed out|timeout|Connection (closed|error)|ECONNREFUSED|ECONNRESET/i.test(text)) {
      return 'warn';
    }
    return 'error';
  }
  return level === KafkaLogLevel.WARN ? 'warn' : 'debug';
}

function kafkaLogCreator(logger: Logger) {
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, ...extra } = log;
      logger[kafkaLogSeverity(level, message, extra)]({ ...extra, component: 'kafkajs' }, message);
    };
}

export class KafkaTransport implements EventTransport {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private producer?: Producer;
  private producerConnecting?: Promise<Producer>;
  private readonly consumers = new Set<Consumer>();
  private readonly namespace: string;
  private readonly knownTopics = new Set<string>();

  constructor(private readonly opts: KafkaTransportOptions) {
    this.namespace = opts.namespace ?? '';
    this.kafka = new Kafka({
      clientId: opts.clientId,
      brokers: opts.brokers,
      logLevel: KafkaLogLevel.WARN,
      logCreator: kafkaLogCreator(opts.logger),
      retry: KAFKA_RETRY,
    });
  }

  private physical(topic: string) {
    return `${this.namespace}${topic}`;
  }
  private logical(topic: string) {
    return topic.startsWith(this.namespace) ? topic.slice(this.namespace.length) : topic;
  }

  async ensureTopics(topics: readonly string[]): Promise<void> {
    const wanted = topics.map((t) => this.physical(t)).filter((t) => !this.knownTopics.has(t));
    if (wanted.length === 0) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      // A fresh broker may answer "does not host this topic-partition" while a topic it has
      // just created elects its leader: that is retried, not a failure.
      for (let attempt = 1; ; attempt++) {
        try {
          const existing = new Set(await admin.listTopics());
          const missing = wanted.filter((t) => !existing.has(t));
          if (missing.length > 0) {
            await admin.createTopics({
              waitForLeaders: true,
              topics: missing.map((topic) => ({ topic, numPartitions: this.opts.partitions ?? 3, replicationFactor: 1 })),
            });
          }
          await admin.fetchTopicMetadata({ topics: wanted });
          break;
        } catch (err) {
          const retriable = (err as { retriable?: boolean }).retriable || /already exists|does not host/i.test(String((err as Error).message));
          if (!retriable || attempt >= 10) throw err;
          await new Promise((r) => setTimeout(r, 200 * attempt));
        }
      }
      for (const t of wanted) this.knownTopics.add(t);
    } finally {
      await admin.disconnect();
    }
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    this.producerConnecting ??= (async () => {
      // One request in flight keeps each partition in publish order. Not the idempotent producer:
      // a retried send may duplicate a message, which the idempotent consumers absorb anyway.
      const producer = this.kafka.producer({
        idempotent: false,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
      return producer;
    })();
    try {
      return await this.producerConnecting;
    } catch (err) {
      this.producerConnecting = undefined;
      throw err;
    }
  }

  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connectedProducer();
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, ms]) => ({
        topic: this.physical(topic),
        messages: ms.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      })),
    });
  }

  async subscribe(opts: SubscribeOptions): Promise<Subscription> {
    const consumer = this.kafka.consumer({
      groupId: this.physical(opts.groupId),
      sessionTimeout: this.opts.sessionTimeoutMs ?? KAFKA_SESSION_TIMEOUT_MS,
      heartbeatInterval: KAFKA_HEARTBEAT_INTERVAL_MS,
      maxWaitTimeInMs: this.opts.maxWaitTimeInMs ?? 1_000,
      allowAutoTopicCreation: false,
      retry: { ...KAFKA_RETRY, retries: 10 },
    });
    let running = true;
    consumer.on(consumer.events.CRASH, (event) => {
      if (event.payload.restart) return;
      running = false;
      this.opts.logger.error({ err: event.payload.error, groupId: opts.groupId }, 'event consumer stopped for good');
    });
    // When a consumer (re)joins and how long the join took: after a broker outage, the wait for
    // the group is most of the time to drain the backlog (README, Reliability).
    consumer.on(consumer.events.GROUP_JOIN, (event) =>
      this.opts.logger.info({ groupId: opts.groupId, joinMs: event.payload.duration, partitions: Object.values(event.payload.memberAssignment).flat().length }, 'event consumer joined its group'),
    );
    await consumer.connect();
    await consumer.subscribe({ topics: opts.topics.map((t) => this.physical(t)), fromBeginning: true });
    const incoming = (topic: string, partition: number, message: KafkaMessage): IncomingMessage => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = v.toString();
      return {
        topic: this.logical(topic),
        key: message.key?.toString() ?? '',
        value: message.value?.toString() ?? '',
        headers,
        partition,
        offset: message.offset,
      };
    };
    const onBatch = opts.onBatch;
    await consumer.run({
      autoCommit: !opts.readFromStart,
      // Partitions are handled side by side; within one partition (one key, one client) in order.
      partitionsConsumedConcurrently: this.opts.partitions ?? 3,
      ...(onBatch
        ? {
            // Offsets are resolved by hand, chunk by chunk: a chunk not handled (a failure, a
            // rebalance, a stop) is delivered again, never skipped.
            eachBatchAutoResolve: false,
            eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }) => {
              for (let i = 0; i < batch.messages.length; i += KAFKA_HANDLER_BATCH) {
                if (!isRunning() || isStale()) break;
                const chunk = batch.messages.slice(i, i + KAFKA_HANDLER_BATCH);
                await onBatch(chunk.map((m) => incoming(batch.topic, batch.partition, m)));
                resolveOffset(chunk[chunk.length - 1].offset);
                await commitOffsetsIfNecessary();
                await heartbeat();
              }
            },
          }
        : {
            eachMessage: async ({ topic, partition, message }) => {
              await opts.onMessage(incoming(topic, partition, message));
            },
          }),
    });
    this.consumers.add(consumer);
    return {
      isRunning: () => running,
      stop: async () => {
        running = false;
        this.consumers.delete(consumer);
        await consumer.disconnect();
        // A group that commits no offsets is of no use once its member has left: remove it now
        // (a rollout gives gateway pods new names) instead of at the broker's next sweep of
        // empty groups (offsets.retention.check.interval.ms, 10 minutes by default).
        if (opts.readFromStart) await this.deleteGroup(this.physical(opts.groupId));
      },
    };
  }

  private async deleteGroup(groupId: string): Promise<void> {
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      await admin.deleteGroups([groupId]);
    } catch (err) {
      this.opts.logger.debug({ err, groupId }, 'could not delete the consumer group; the broker removes it later');
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  async ready(): Promise<boolean> {
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      return true;
    } catch {
      return false;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.disconnect().catch(() => undefined)));
    this.consumers.clear();
    if (this.producer) await this.producer.disconnect().catch(() => undefined);
    this.producer = undefined;
    this.producerConnecting = undefined;
  }
}

// ---------------------------------------------------------------------------------------------

interface GroupState {
  offsets: Map<string, number>;
  wake?: () => void;
  stopped: boolean;
  loop: Promise<void>;
}

/**
 * The embedded run mode's broker: an append-only log per topic held in memory, consumer groups
 * with their own offsets, delivery in order, and redelivery with back-off until the handler
 * succeeds. Behind the same interface as Kafka, so the outbox relay and the idempotent
 * consumers run unchanged.
 */
export class InProcessTransport implements EventTransport {
  readonly kind = 'in-process' as const;
  private readonly topics = new Map<string, IncomingMessage[]>();
  private readonly groups = new Set<GroupState>();

  constructor(private readonly logger: Logger) {}

  async ensureTopics(topics: readonly string[]): Promise<void> {
    for (const t of topics) if (!this.topics.has(t)) this.topics.set(t, []);
  }

  async publish(messages: OutgoingMessage[]): Promise<void> {
    for (const m of messages) {
      const log = this.topics.get(m.topic);
      if (!log) throw new Error(`Unknown topic ${m.topic}: create it before publishing`);
      log.push({ ...m, partition: 0, offset: String(log.length) });
    }
    for (const g of this.groups) g.wake?.();
  }

  async subscribe(opts: SubscribeOptions): Promise<Subscription> {
    const state: GroupState = { offsets: new Map(opts.topics.map((t) => [t, 0])), stopped: false, loop: Promise.resolve() };
    const nextMessage = (): IncomingMessage | undefined => {
      for (const topic of opts.topics) {
        const log = this.topics.get(topic) ?? [];
        const offset = state.offsets.get(topic) ?? 0;
        if (offset < log.length) return log[offset];
      }
      return undefined;
    };
    state.loop = (async () => {
      let backoff = 50;
      while (!state.stopped) {
        const message = nextMessage();
        if (!message) {
          await new Promise<void>((resolve) => {
            state.wake = resolve;
            setTimeout(resolve, 1000).unref();
          });
          continue;
        }
        try {
          await opts.onMessage(message);
          state.offsets.set(message.topic, Number(message.offset) + 1);
          backoff = 50;
        } catch (err) {
          this.logger.warn({ err, topic: message.topic, group: opts.groupId }, 'event handler failed; retrying');
          await new Promise((r) => setTimeout(r, backoff).unref());
          backoff = Math.min(backoff * 2, 5000);
        }
      }
    })();
    this.groups.add(state);
    return {
      isRunning: () => !state.stopped,
      stop: async () => {
        state.stopped = true;
        state.wake?.();
        this.groups.delete(state);
        await state.loop;
      },
    };
  }

  async ready(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    for (const g of [...this.groups]) {
      g.stopped = true;
      g.wake?.();
      await g.loop;
    }
    this.groups.clear();
  }
}
