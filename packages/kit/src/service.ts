import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parse, type DocumentNode } from 'graphql';
import type { MixedList } from 'typeorm';
import type { BaseContext } from '@apollo/server';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { ALL_EVENTS } from '@advisor/schema';
import { openDatabase, type Database, type DatabaseConfig } from './db';
import { EVENT_ENTITIES, createOutboxRelay, type OutboxRelay } from './outbox';
import { createEventConsumer, type EventConsumer, type EventHandler } from './consumer';
import { InProcessTransport, KafkaTransport, type EventTransport } from './transport';
import { startSubgraphServer } from './subgraph';
import type { Identity } from './auth';
import { createLogger, type Logger } from './logger';
import { env } from './config';

/** Settings every subgraph service has. */
export interface BaseServiceConfig {
  host: string;
  port: number;
  database: DatabaseConfig;
  /** The secret the gateway presents to this subgraph. */
  gatewaySecret: string;
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
  });

export function baseConfigFromEnv(parsed: z.infer<ReturnType<typeof baseServiceEnvSchema>>): BaseServiceConfig {
  return {
    host: parsed.HOST,
    port: parsed.PORT,
    database: parsed.DATABASE_URL ? { kind: 'mysql', url: parsed.DATABASE_URL } : { kind: 'embedded' },
    gatewaySecret: parsed.GATEWAY_SECRET,
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
  relay?: OutboxRelay;
  consumer?: EventConsumer;
  stop(): Promise<void>;
}

/**
 * The one way a subgraph starts: database and migrations → outbox relay → event consumer →
 * GraphQL server. Stops in the reverse order.
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
    resolvers: GraphQLResolverMap<TContext>;
    createContext(identity: Identity): TContext;
    handlers?: EventHandler<any>[];
  };
  producesEvents: boolean;
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
    await opts.transport.ensureTopics(ALL_EVENTS.map((e) => e.topic));

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
      readiness: {
        database: () => db.ping(),
        ...(relay ? { outbox: () => relay!.readiness().ok } : {}),
        ...(consumer ? { consumer: () => consumer!.readiness().ok } : {}),
        events: () => opts.transport.ready(),
      },
    });
    stops.unshift(() => server.stop());
    logger.info({ url: server.url, database: opts.config.database.kind, events: opts.transport.kind }, 'subgraph ready');
    return {
      name: opts.name,
      url: server.url,
      port: server.port,
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

/** Runs an entrypoint: starts, logs, and stops cleanly on SIGINT/SIGTERM. */
export function runMain(name: string, main: () => Promise<{ stop(): Promise<void> }>): void {
  const logger = createLogger({ name });
  main()
    .then((running) => {
      let stopping = false;
      const shutdown = (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'shutting down');
        running
          .stop()
          .then(() => process.exit(0))
          .catch((err) => {
            logger.error({ err }, 'shutdown failed');
            process.exit(1);
          });
      };
      process.on('SIGINT', () => shutdown('SIGINT'));
      process.on('SIGTERM', () => shutdown('SIGTERM'));
    })
    .catch((err) => {
      logger.fatal({ err }, `${name} failed to start`);
      // Configuration errors list every bad variable; print them plainly too.
      console.error((err as Error).message);
      process.exit(1);
    });
}
