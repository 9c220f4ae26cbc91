import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createLogger, dropMysqlDatabase, type Clock } from '@advisor/kit';
import { gatewayRequest, startSystem, type RunningSystem, type SystemOptions } from '@advisor/system';
import { TEST_MYSQL_URL, kafkaBrokers } from './env';

/** A clock tests can move forward (e.g. past an invitation's 7 days). */
export class TestClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface TestSystem extends RunningSystem {
  clock: TestClock;
  databasePrefix: string;
  kafkaNamespace: string;
  mailDir: string;
  /** GraphQL through the gateway, as the SPA would call it. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): ReturnType<typeof gatewayRequest<T>>;
  /** Emails the file sink received for an address, oldest first. */
  mailTo(address: string): Array<{ to: string; subject: string; text: string; template: string }>;
  teardown(): Promise<void>;
}

const SERVICES = ['firms', 'clients', 'invitations', 'payroll_sync'];

/**
 * Boots the whole system for one test file: real MySQL databases of its own (a unique prefix),
 * real Kafka topics and consumer groups of its own (a unique namespace), or the embedded mode.
 */
export async function startTestSystem(
  opts: { embedded?: boolean; gatewayHardening?: SystemOptions['gatewayHardening']; payrollSync?: SystemOptions['payrollSync']; exportPageSize?: number } = {},
): Promise<TestSystem> {
  const id = randomBytes(4).toString('hex');
  const databasePrefix = `t${id}_`;
  const kafkaNamespace = `t${id}.`;
  const mailDir = mkdtempSync(join(tmpdir(), 'advisor-mail-'));
  const clock = new TestClock();
  const logger = createLogger({ name: `test-${id}`, level: process.env.TEST_LOG_LEVEL ?? 'warn' });
  const dropDatabases = async () => {
    if (opts.embedded) return;
    for (const s of SERVICES) await dropMysqlDatabase(`${TEST_MYSQL_URL}/${databasePrefix}${s}`);
  };
  const system = await startSystem({
    mysqlUrl: opts.embedded ? undefined : TEST_MYSQL_URL,
    databasePrefix,
    kafkaBrokers: opts.embedded ? undefined : kafkaBrokers(),
    kafkaNamespace,
    kafkaMaxWaitTimeInMs: 100,
    mailDir,
    clock,
    logger,
    gatewayHardening: opts.gatewayHardening,
    payrollSync: opts.payrollSync,
    exportPageSize: opts.exportPageSize,
  }).catch(async (err) => {
    // A system that failed half-way leaves no databases behind.
    await dropDatabases().catch(() => undefined);
    throw err;
  });
  return Object.assign(system, {
    clock,
    databasePrefix,
    kafkaNamespace,
    mailDir,
    gql: (query: string, variables?: Record<string, unknown>, token?: string) =>
      gatewayRequest(system.gatewayUrl, query, variables, token),
    mailTo: (address: string) =>
      readdirSync(mailDir)
        .sort()
        .map((f) => JSON.parse(readFileSync(join(mailDir, f), 'utf8')))
        .filter((m) => m.to === address.toLowerCase()),
    teardown: async () => {
      await system.stop();
      rmSync(mailDir, { recursive: true, force: true });
      await dropDatabases();
    },
  });
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

/** The token in an invitation email's link. */
export function tokenFromMail(text: string): string {
  const match = /token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no token link in mail:\n${text}`);
  return decodeURIComponent(match[1]);
}
