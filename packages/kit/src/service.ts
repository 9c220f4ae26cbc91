import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parse, type DocumentNode } from 'graphql';
import type { MixedList } from 'typeorm';
import type { BaseContext } from '@apollo/server';
import type { EventContract } from './event-contract';
import { openDatabase, type Database, type DatabaseConfig } from './db';
import { EVENT_ENTITIES, createOutboxRelay, type OutboxRelay } from './outbox';
import { createEventConsumer, type EventConsumer, type EventHandler } from './consumer';
import { InProcessTransport, KafkaTransport, type EventTransport } from './transport';
import { startSubgraphServer, type GraphqlRequestCount, type SubgraphResolverMap } from './subgraph';
import type { Identity, RequestOrigin } from './auth';
import { createLogger, type Logger } from './logger';
import { env } from './config';

/** Settings every subgraph service has. */
export interface BaseServiceConfig {
  host: string;
  port: number;
  database: DatabaseConfig;
  /** The secret the gateway presents to this subgraph. */
  gatewaySecret: string;
  /** On SIGTERM, how long /ready fails before the server stops taking requests (default 0). */
  shutdownDelayMs?: number;
}

/** Environment variables every subgraph's standalone entrypoint reads. */
export const baseServiceEnvSchema = (defaultPort: number) =>
  z.object({
    HOST: z.string().default('127.0.0.1'),
    PORT: env.port(defaultPort),
    DATABASE_URL: env.optionalUrl().refine((v) => v === undefined || v.startsWith('mysql://'), 'must be a mysql:// URL'),
    KAFKA_BROKERS: env.brokers(),
    KAFKA_NAMESPACE: z.string().default(''),
    GATEWAY_SECRET: env.secret(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Behind a load balancer: let it see /ready fail before the server stops (it must stay well under 10 s). */
    SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(5000).default(0),
  });

export function baseConfigFromEnv(parsed: z.infer<ReturnType<typeof baseServiceEnvSchema>>): BaseServiceConfig {
  return {
    host: parsed.HOST,
    port: parsed.PORT,
    database: parsed.DATABASE_URL ? { kind: 'mysql', url: parsed.DATABASE_URL } : { kind: 'embedded' },
    gatewaySecret: parsed.GATEWAY_SECRET,
    shutdownDelayMs: parsed.SHUTDOWN_DELAY_MS,
  };
}

/** The transport a standalone service uses: Kafka when brokers are configured. */
export function transportFromEnv(
  parsed: { KAFKA_BROKERS?: string[]; KAFKA_NAMESPACE: string },
  clientId: string,
  logger: Logger,
): EventTransport {
  if (parsed.KAFKA_BROKERS) {
    return new KafkaTransport({ clientId, brokers: parsed.KAFKA_BROKERS, namespace: parsed.KAFKA_NAMESPACE, logger });
  }
  logger.warn('KAFKA_BROKERS is not set: events stay inside this process (embedded mode only)');
  return new InProcessTransport(logger);
}

/** Reads a subgraph's SDL; works from `src/` (tests) and from `dist/` (built). */
export function loadTypeDefs(dirname: string): DocumentNode {
  const path = require.resolve(`${dirname}/../src/schema.graphql`);
  return parse(readFileSync(path, 'utf8'));
}

export interface RunningService {
  name: string;
  url: string;
  port: number;
  db: Database;
  /** GraphQL calls this subgraph has answered (through the gateway) and their request bytes. */
  requests: GraphqlRequestCount;
  relay?: OutboxRelay;
  consumer?: EventConsumer;
  stop(): Promise<void>;
}

/**
 * The one way a subgraph starts: database and migrations → outbox relay → event consumer →
 * GraphQL server. Stops in the reverse order: readiness fails and in-flight requests finish,
 * the consumer leaves its group, the relay stops, the database closes.
 */
export async function startService<TContext extends BaseContext>(opts: {
  name: string;
  config: BaseServiceConfig;
  transport: EventTransport;
  logger?: Logger;
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
  typeDefs: DocumentNode;
  /** Built once the database is open: the domain services and their resolvers. */
  build(db: Database): {
    resolvers: SubgraphResolverMap;
    createContext(identity: Identity, origin: RequestOrigin): TContext;
    handlers?: EventHandler<any>[];
  };
  producesEvents: boolean;
  /** The event contracts whose topics must exist before this service produces or subscribes (the kit knows no topic itself). */
  topics: readonly EventContract[];
}): Promise<RunningService> {
  const logger = opts.logger ?? createLogger({ name: opts.name });
  const db = await openDatabase({
    name: opts.name,
    config: opts.config.database,
    entities: [...(opts.entities as Function[]), ...EVENT_ENTITIES],
    migrations: opts.migrations,
    logger,
  });
  const stops: Array<() => Promise<void>> = [() => db.close()];
  try {
    const built = opts.build(db);
    await opts.transport.ensureTopics(opts.topics.map((e) => e.topic));

    let relay: OutboxRelay | undefined;
    if (opts.producesEvents) {
      relay = createOutboxRelay({ db, transport: opts.transport, logger: logger.child({ component: 'outbox-relay' }) });
      relay.start();
      stops.unshift(() => relay!.stop());
    }
    let consumer: EventConsumer | undefined;
    if (built.handlers && built.handlers.length > 0) {
      consumer = createEventConsumer({ name: opts.name, db, transport: opts.transport, logger, handlers: built.handlers });
      await consumer.start();
      stops.unshift(() => consumer!.stop());
    }
    const server = await startSubgraphServer({
      name: opts.name,
      typeDefs: opts.typeDefs,
      resolvers: built.resolvers,
      gatewaySecret: opts.config.gatewaySecret,
      host: opts.config.host,
      port: opts.config.port,
      logger,
      createContext: built.createContext,
      readiness: { database: () => db.ping() },
      // The broker's state is reported, not required: during an outage the API keeps serving
      // (events wait in the outbox), so replicas must not leave the load balancer for it.
      observed: {
        ...(relay ? { outbox: () => relay!.readiness().ok } : {}),
        ...(consumer ? { consumer: () => consumer!.readiness().ok } : {}),
        events: () => opts.transport.ready(),
      },
      shutdownDelayMs: opts.config.shutdownDelayMs,
    });
    stops.unshift(() => server.stop());
    logger.info({ url: server.url, database: opts.config.database.kind, events: opts.transport.kind }, 'subgraph ready');
    return {
      name: opts.name,
      url: server.url,
      port: server.port,
      requests: server.requests,
      db,
      relay,
      consumer,
      stop: async () => {
        for (const stop of stops) await stop();
      },
    };
  } catch (err) {
    for (const stop of stops) await stop().catch(() => undefined);
    throw err;
  }
}

/**
 * A subgraph's standalone entrypoint (containers): reads and validates its environment, builds
 * the logger and the event transport, starts the service, and stops it cleanly on a signal.
 */
export function runStandaloneService<E extends { LOG_LEVEL: string; KAFKA_BROKERS?: string[]; KAFKA_NAMESPACE: string }>(
  name: string,
  readEnv: () => E,
  start: (env: E, deps: { logger: Logger; transport: EventTransport }) => Promise<RunningService>,
): void {
  runMain(name, async () => {
    const parsed = readEnv();
    const logger = createLogger({ name, level: parsed.LOG_LEVEL });
    const transport = transportFromEnv(parsed, name, logger);
    const service = await start(parsed, { logger, transport });
    return {
      stop: async () => {
        await service.stop();
        await transport.close();
      },
    };
  });
}

/** A stopping process exits by then even if something hangs (a paused broker): well inside k8s' 30 s, and 10 s. */
export const SHUTDOWN_DEADLINE_MS = 9000;

/**
 * Runs an entrypoint: starts, logs, and on SIGINT/SIGTERM stops once, in order (the entrypoint's
 * `stop`), then exits 0. A second signal changes nothing; a stop that hangs past
 * SHUTDOWN_DEADLINE_MS exits 1 anyway, so a rollout never waits for the kill timeout.
 */
export function runMain(name: string, main: () => Promise<{ stop(): Promise<void> }>): void {
  const logger = createLogger({ name });
  let running: { stop(): Promise<void> } | undefined;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const startedAt = Date.now();
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ afterMs: SHUTDOWN_DEADLINE_MS }, 'shutdown did not finish in time; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    // Still starting: nothing is serving yet, so there is nothing to stop in order.
    if (!running) process.exit(0);
    running
      .stop()
      .then(() => {
        logger.info({ ms: Date.now() - startedAt }, 'stopped');
        process.exit(0);
      })
      .catch((err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  main()
    .then((started) => {
      running = started;
    })
    .catch((err) => {
      logger.fatal({ err }, `${name} failed to start`);
      // Configuration errors list every bad variable; print them plainly too.
      console.error((err as Error).message);
      process.exit(1);
    });
}
