import { z } from 'zod';
import { createLogger, env, parseConfig, runMain } from '@advisor/kit';
import { hardeningEnvShape, hardeningFromEnv } from '@advisor/gateway';
import { spawnTimeTrackingSimulator, type SpawnedSimulator } from '@advisor/time-tracking-sim';
import { spawnTaxAuthoritySimulator } from '@advisor/tax-authority-sim';
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
  /** SPEC F9: seals members' TOTP secrets (32 bytes, base64); unset: a random key for this run (authenticators enrolled in it stop working after a restart). */
  TWO_FACTOR_KEY: env.secretBoxKey().optional(),
  /** SPEC G6, C1: the platform account's key (at least 32 characters); unset: a random one for this run (the demo data uses it). */
  PLATFORM_API_KEY: z.string().min(32, 'must have at least 32 characters').optional(),
  /** SPEC P1: an outside time-tracking system; unset: the simulator is started as its own process on PORT + 101 (any free port when PORT is 0). */
  TIME_TRACKING_URL: env.optionalUrl(),
  /** SPEC P2: how often approved shifts are polled. */
  /** SPEC P6: an outside tax authority; unset: the simulator is started as its own process on PORT + 102 (any free port when PORT is 0). */
  TAX_AUTHORITY_URL: env.optionalUrl(),
  SYNC_POLL_INTERVAL_MS: z.coerce.number().int().min(1_000).max(300_000).default(30_000),
  ...hardeningEnvShape,
});

/** `npm start`: the whole system in one process; stopped once, in order, on SIGTERM/SIGINT (runMain). */
async function main(): Promise<{ stop(): Promise<void> }> {
  const e = parseConfig(allInOneEnv, process.env, 'configuration');
  const logger = createLogger({ name: 'advisor-dashboard', level: e.LOG_LEVEL });
  if (e.MYSQL_URL && !e.TWO_FACTOR_KEY) {
    logger.warn('TWO_FACTOR_KEY is not set: a random key seals TOTP secrets for this run only; authenticators enrolled now stop working after a restart');
  }
  if (Boolean(e.AUTH_SIGNING_KEY) !== Boolean(e.AUTH_VERIFY_KEY)) {
    throw new Error('Set both AUTH_SIGNING_KEY and AUTH_VERIFY_KEY, or neither (a key pair is then generated).');
  }
  // SPEC P1: the time-tracking simulator runs as its own process (ARCHITECTURE "Outside systems").
  let simulator: SpawnedSimulator | undefined;
  if (!e.TIME_TRACKING_URL) simulator = await spawnTimeTrackingSimulator({ host: e.HOST, port: e.PORT === 0 ? 0 : e.PORT + 101, forwardStderr: true });
  const timeTrackingUrl = e.TIME_TRACKING_URL ?? simulator!.url;
  // SPEC P6: the tax-authority simulator, likewise.
  let taxSimulator: SpawnedSimulator | undefined;
  if (!e.TAX_AUTHORITY_URL) {
    taxSimulator = await spawnTaxAuthoritySimulator({ host: e.HOST, port: e.PORT === 0 ? 0 : e.PORT + 102, forwardStderr: true }).catch(async (err) => {
      await simulator?.stop();
      throw err;
    });
  }
  const taxAuthorityUrl = e.TAX_AUTHORITY_URL ?? taxSimulator!.url;
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
    twoFactorKey: e.TWO_FACTOR_KEY,
    logger,
    gatewayHardening: hardeningFromEnv(e),
    platformApiKey: e.PLATFORM_API_KEY,
    payrollSync: { timeTrackingUrl, taxAuthorityUrl, scheduler: { pollIntervalMs: e.SYNC_POLL_INTERVAL_MS } },
  }).catch(async (err) => {
    await simulator?.stop();
    await taxSimulator?.stop();
    throw err;
  });
  const seed = e.SEED_DEMO ? e.SEED_DEMO === 'true' : !e.MYSQL_URL;
  if (seed) await seedDemoData(system, logger, simulator ? { timeTrackingAdminUrl: simulator.url, taxAuthorityAdminUrl: taxSimulator?.url } : {});
  logger.info(
    {
      graphql: system.gatewayUrl.replace('127.0.0.1', 'localhost'),
      database: e.MYSQL_URL ? 'mysql' : 'embedded (in memory)',
      events: e.KAFKA_BROKERS ? 'kafka' : 'in-process',
      mail: e.SMTP_URL ? 'smtp' : e.MAIL_DIR,
      timeTracking: simulator ? `${timeTrackingUrl} (simulator; fault controls at /admin/faults)` : timeTrackingUrl,
      taxAuthority: taxSimulator ? `${taxAuthorityUrl} (simulator; fault controls at /admin/faults)` : taxAuthorityUrl,
    },
    'Advisor Dashboard is up',
  );
  return {
    stop: async () => {
      await system.stop();
      await simulator?.stop();
      await taxSimulator?.stop();
    },
  };
}

runMain('advisor-dashboard', main);
