import { DataSource, type EntityManager, type Logger as TypeOrmLogger, type MixedList, type QueryRunner } from 'typeorm';
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

export class Database {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly commitListeners = new Set<CommitListener>();
  private readonly managersWithEvents = new WeakSet<EntityManager>();

  constructor(
    readonly dataSource: DataSource,
    readonly kind: DatabaseConfig['kind'],
    private readonly counter: StatementCountingLogger,
  ) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** SQL statements sent since start; compare before and after a request to count its statements. */
  get statementCount(): number {
    return this.counter.statements;
  }

  /**
   * Runs `work` in one transaction: all of it commits or none of it does. The embedded store
   * has a single connection, so its transactions are queued one after another.
   */
  async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    let hadEvents = false;
    const run = () =>
      this.dataSource.transaction(async (em) => {
        const result = await work(em);
        hadEvents = this.managersWithEvents.has(em);
        return result;
      });
    let result: T;
    if (this.kind === 'embedded') {
      const next = this.queue.then(run, run);
      this.queue = next.catch(() => undefined);
      result = await next;
    } else {
      result = await run();
    }
    if (hadEvents) for (const listener of this.commitListeners) listener();
    return result;
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
    migrationsRun: true,
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
  return new Database(dataSource, opts.config.kind, counter);
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

export function columnTypes(queryRunner: QueryRunner) {
  const mysql = queryRunner.connection.options.type === 'mysql';
  return {
    id: { type: 'varchar', length: '36' },
    /** Auto-incrementing sequence primary key. SQLite only auto-increments INTEGER. */
    sequence: mysql
      ? { type: 'bigint', unsigned: true, isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const }
      : { type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const },
    timestamp: mysql ? { type: 'datetime', precision: 3 } : { type: 'datetime' },
    text: { type: 'text' },
    string: (length = 255) => ({ type: 'varchar', length: String(length) }),
    boolean: { type: 'boolean' },
  };
}
