import { z } from 'zod';
import { createLogger, env, parseConfig } from '@advisor/kit';
import { startSystem } from './system';
import { seedDemoData } from './demo-data';

const allInOneEnv = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: env.port(4000),
  /** MySQL server without a database, e.g. mysql://root@127.0.0.1:3306. Unset: embedded stores. */
  MYSQL_URL: env.optionalUrl(),
  DB_PREFIX: z.string().regex(/^[A-Za-z0-9_]*$/).default('advisor_'),
  KAFKA_BROKERS: env.brokers(),
  KAFKA_NAMESPACE: z.string().default(''),
  MAIL_DIR: z.string().default('.data/mail'),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().optional(),
  APP_URL: z.string().url().default('http://localhost:4000'),
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  LOG_LEVEL: z.string().default('info'),
  AUTH_SIGNING_KEY: z.string().optional(),
  AUTH_VERIFY_KEY: z.string().optional(),
});

/** `npm start`: the whole system in one process. */
async function main() {
  const e = parseConfig(allInOneEnv, process.env, 'configuration');
  const logger = createLogger({ name: 'advisor-dashboard', level: e.LOG_LEVEL });
  if (Boolean(e.AUTH_SIGNING_KEY) !== Boolean(e.AUTH_VERIFY_KEY)) {
    throw new Error('Set both AUTH_SIGNING_KEY and AUTH_VERIFY_KEY, or neither (a key pair is then generated).');
  }
  const system = await startSystem({
    host: e.HOST,
    gatewayPort: e.PORT,
    subgraphPorts: [e.PORT + 1, e.PORT + 2, e.PORT + 3, e.PORT + 4],
    mysqlUrl: e.MYSQL_URL,
    databasePrefix: e.DB_PREFIX,
    kafkaBrokers: e.KAFKA_BROKERS,
    kafkaNamespace: e.KAFKA_NAMESPACE,
    mailDir: e.MAIL_DIR,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    appUrl: e.APP_URL,
    keys: e.AUTH_SIGNING_KEY && e.AUTH_VERIFY_KEY ? { privateKeyPem: e.AUTH_SIGNING_KEY, publicKeyPem: e.AUTH_VERIFY_KEY } : undefined,
    logger,
  });
  const seed = e.SEED_DEMO ? e.SEED_DEMO === 'true' : !e.MYSQL_URL;
  if (seed) await seedDemoData(system, logger);
  logger.info(
    {
      graphql: system.gatewayUrl.replace('127.0.0.1', 'localhost'),
      database: e.MYSQL_URL ? 'mysql' : 'embedded (in memory)',
      events: e.KAFKA_BROKERS ? 'kafka' : 'in-process',
      mail: e.SMTP_URL ? 'smtp' : e.MAIL_DIR,
    },
    'Advisor Dashboard is up',
  );
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await system.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
