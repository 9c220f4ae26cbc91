import { createHash } from 'node:crypto';
import { DataSource, type EntityManager, type Logger as TypeOrmLogger, type MixedList } from 'typeorm';
import type { Logger } from './logger';

/**
 * Where a service keeps its data. `mysql`: the production engine (one database per service).
 * `embedded`: an in-memory SQLite (sql.js, no native build) for the one-process demo run mode.
 */
export type DatabaseConfig = { kind: 'mysql'; url: string } | { kind: 'embedded' };

/** Counts every SQL statement a data source sends; benchmarks and N+1 tests read it. */
class StatementCountingLogger implements TypeOrmLogger {
  statements = 0;
  constructor(private readonly logger: Logger) {}
  logQuery(query: string) {
    this.statements += 1;
    if (this.logger.isLevelEnabled('trace')) this.logger.trace({ query }, 'sql');
  }
  logQueryError(error: string | Error, query: string) {
    // Expected constraint violations are handled by callers; keep the detail out of error level.
    this.logger.debug({ err: error, query }, 'sql statement failed');
  }
  logQuerySlow(time: number, query: string) {
    this.logger.warn({ time, query }, 'slow sql statement');
  }
  logSchemaBuild(message: string) {
    this.logger.debug(message);
  }
  logMigration(message: string) {
    this.logger.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown) {
    if (level === 'warn') this.logger.warn({ message }, 'typeorm');
    else this.logger.debug({ message }, 'typeorm');
  }
}

type CommitListener = () => void;

/**
 * The retry policy of every domain transaction (the same in every service): a deadlock
 * (MySQL errno 1213) or a lock wait time-out (1205) rolls the whole transaction back, so it is
 * run again from the start, up to `attempts` times in all, after a jittered exponential pause
 * (full jitter: a random wait up to `baseDelayMs · 2^n`, at most `maxDelayMs`), so the
 * transactions that collided do not collide again in step.
 */
export const TRANSACTION_RETRY = { attempts: 4, baseDelayMs: 25, maxDelayMs: 400 } as const;

/** MySQL's transient lock failures: a deadlock victim (1213) or a lock wait time-out (1205). */
export function isTransientLockError(err: unknown): boolean {
  const e = err as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } };
  const code = e?.driverError?.code ?? e?.code;
  const errno = e?.driverError?.errno ?? e?.errno;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || errno === 1213 || errno === 1205;
}

export interface TransactionOptions {
  /**
   * MySQL only: `READ COMMITTED` reads the newest committed rows and takes no gap locks (the
   * outbox relay's claims). Default: the server's (REPEATABLE READ).
   */
  isolation?: 'READ COMMITTED';
}

export class Database {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly commitListeners = new Set<CommitListener>();
  private readonly managersWithEvents = new WeakSet<EntityManager>();
  /** Work each open transaction runs after its body, just before it commits (see `beforeCommit`). */
  private readonly pendingBeforeCommit = new WeakMap<EntityManager, Array<() => Promise<void>>>();
  /** Transactions run again after a deadlock or lock wait time-out (tests and chaos figures read it). */
  retriedTransactions = 0;

  constructor(
    readonly dataSource: DataSource,
    readonly kind: DatabaseConfig['kind'],
    private readonly counter: StatementCountingLogger,
    private readonly logger?: Logger,
  ) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /**
   * A time as a raw statement's parameter: MySQL binds a Date; the embedded store (sql.js) binds
   * none, so it gets the datetime text TypeORM stores there.
   */
  timeParam(d: Date): Date | string {
    return this.kind === 'mysql' ? d : d.toISOString().replace('T', ' ').replace('Z', '');
  }

  /** `FOR UPDATE SKIP LOCKED` where the database has it (MySQL), for claims that must not wait on each other; empty elsewhere. */
  get skipLocked(): string {
    return this.kind === 'mysql' ? ' FOR UPDATE SKIP LOCKED' : '';
  }

  /** SQL statements sent since start; compare before and after a request to count its statements. */
  get statementCount(): number {
    return this.counter.statements;
  }

  /**
   * Runs `work` in one transaction: all of it commits or none of it does. The embedded store
   * has a single connection, so its transactions are queued one after another. On MySQL a
   * deadlock or lock wait time-out runs `work` again (TRANSACTION_RETRY), so `work` must only
   * change the database (and objects it creates itself): it may run more than once.
   */
  async transaction<T>(work: (em: EntityManager) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    let hadEvents = false;
    const run = () => {
      const body = async (em: EntityManager) => {
        const tasks: Array<() => Promise<void>> = [];
        this.pendingBeforeCommit.set(em, tasks);
        try {
          const result = await work(em);
          // A task may add another (it runs in turn): go until none is left.
          for (let task = tasks.shift(); task; task = tasks.shift()) await task();
          hadEvents = this.managersWithEvents.has(em);
          return result;
        } finally {
          this.pendingBeforeCommit.delete(em);
        }
      };
      return this.kind === 'mysql' && options.isolation
        ? this.dataSource.transaction(options.isolation, body)
        : this.dataSource.transaction(body);
    };
    let result: T;
    if (this.kind === 'embedded') {
      const next = this.queue.then(run, run);
      this.queue = next.catch(() => undefined);
      result = await next;
    } else {
      for (let attempt = 1; ; attempt++) {
        try {
          result = await run();
          break;
        } catch (err) {
          if (!isTransientLockError(err) || attempt >= TRANSACTION_RETRY.attempts) throw err;
          this.retriedTransactions += 1;
          const ceiling = Math.min(TRANSACTION_RETRY.maxDelayMs, TRANSACTION_RETRY.baseDelayMs * 2 ** attempt);
          const delayMs = Math.round(Math.random() * ceiling);
          this.logger?.warn(
            { attempt, delayMs, code: (err as { driverError?: { code?: string } }).driverError?.code },
            'transaction hit a deadlock or lock wait time-out; running it again',
          );
          await new Promise((resolve) => setTimeout(resolve, delayMs));
        }
      }
    }
    if (hadEvents) for (const listener of this.commitListeners) listener();
    return result;
  }

  /**
   * Runs `task` inside the transaction of `em` once its work is done, just before it commits
   * (a rollback skips it): the outbox writes a transaction's events as one statement this way.
   * False when `em` is not an open transaction of this database; the caller then does the work
   * at once.
   */
  beforeCommit(em: EntityManager, task: () => Promise<void>): boolean {
    const tasks = this.pendingBeforeCommit.get(em);
    if (!tasks) return false;
    tasks.push(task);
    return true;
  }

  /** Marks a transaction as carrying outbox events, so the relay is woken once it commits. */
  markEventsEnqueued(em: EntityManager): void {
    this.managersWithEvents.add(em);
  }

  onEventsCommitted(listener: CommitListener): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  async ping(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

export async function openDatabase(opts: {
  name: string;
  config: DatabaseConfig;
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
  logger: Logger;
}): Promise<Database> {
  const counter = new StatementCountingLogger(opts.logger.child({ component: 'db' }));
  const common = {
    entities: opts.entities,
    migrations: opts.migrations,
    // MySQL: run below, under a lock, so replicas starting together run each migration once.
    migrationsRun: opts.config.kind !== 'mysql',
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logger: counter,
  };
  const dataSource =
    opts.config.kind === 'mysql'
      ? new DataSource({
          ...common,
          type: 'mysql',
          url: opts.config.url,
          timezone: 'Z',
          charset: 'utf8mb4_unicode_ci',
          supportBigNumbers: true,
          bigNumberStrings: true,
          extra: { connectionLimit: 10 },
        })
      : new DataSource({ ...common, type: 'sqljs', autoSave: false });
  await dataSource.initialize();
  if (opts.config.kind === 'mysql') {
    try {
      await runMigrationsUnderLock(dataSource, opts.logger);
    } catch (err) {
      await dataSource.destroy();
      throw err;
    }
  }
  return new Database(dataSource, opts.config.kind, counter, opts.logger.child({ component: 'db' }));
}

/** How long a starting replica waits for another one's migrations before giving up (and restarting). */
export const MIGRATION_LOCK_TIMEOUT_S = 120;

/**
 * Several replicas may start at once (k8s, compose scale): each takes a MySQL named lock (per
 * database) before it runs the pending migrations, so the first runs them and the others then
 * find none pending. GET_LOCK belongs to one connection, so it is taken and released on one
 * query runner while the migrations run on the pool.
 */
async function runMigrationsUnderLock(dataSource: DataSource, logger: Logger): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    const [{ db }] = await runner.query('SELECT DATABASE() AS db');
    // MySQL lock names are at most 64 characters; database names may be as long.
    const lockName = `migrations:${db}`.length <= 64 ? `migrations:${db}` : `migrations:${createHash('sha1').update(db).digest('hex')}`;
    const [{ got }] = await runner.query('SELECT GET_LOCK(?, ?) AS got', [lockName, MIGRATION_LOCK_TIMEOUT_S]);
    if (Number(got) !== 1) throw new Error(`Timed out after ${MIGRATION_LOCK_TIMEOUT_S} s waiting for the migration lock of ${db}`);
    try {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      if (ran.length > 0) logger.info({ migrations: ran.map((m) => m.name) }, 'migrations ran');
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [lockName]);
    }
  } finally {
    await runner.release();
  }
}

/** Creates a MySQL database when it is missing (development and tests; production provisions them). */
export async function ensureMysqlDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Refusing to create database with unusual name "${name}"`);
  target.pathname = '/';
  const admin = new DataSource({ type: 'mysql', url: target.toString() });
  await admin.initialize();
  try {
    await admin.query(
      `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await admin.destroy();
  }
}

export async function dropMysqlDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Refusing to drop database with unusual name "${name}"`);
  target.pathname = '/';
  const admin = new DataSource({ type: 'mysql', url: target.toString() });
  await admin.initialize();
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await admin.destroy();
  }
}

/** Is this error a unique-key violation, on either engine? */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string; message?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  if (code === 'ER_DUP_ENTRY') return true;
  const message = e?.driverError?.message ?? e?.message ?? '';
  return /UNIQUE constraint failed/.test(message);
}

// ---------------------------------------------------------------------------------------------
// Column types for migrations written once for both engines (TypeORM's Table API).
// ---------------------------------------------------------------------------------------------

