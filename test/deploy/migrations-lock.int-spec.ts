import { randomBytes } from 'node:crypto';
import { EVENT_ENTITIES, createLogger, dropMysqlDatabase, ensureMysqlDatabase, openDatabase, type Database } from '@advisor/kit';
import { CLIENTS_ENTITIES, CLIENTS_MIGRATIONS } from '../../services/clients/src/service';
import { TEST_MYSQL_URL } from '../support/env';

/**
 * Every replica runs its service's migrations at boot (packages/kit/src/db.ts). With two or more
 * replicas starting together (k8s, `docker compose up --scale`), they take turns under a MySQL
 * named lock: before it, the second replica crashed on "Table 'audit_trail' already exists".
 */
describe('migrations at boot with several replicas (SPEC D2)', () => {
  const url = `${TEST_MYSQL_URL}/t${randomBytes(4).toString('hex')}_clients`;
  const logger = createLogger({ name: 'migrations-lock-test', level: process.env.TEST_LOG_LEVEL ?? 'warn' });
  const opened: Database[] = [];

  beforeAll(() => ensureMysqlDatabase(url));
  afterAll(async () => {
    for (const db of opened) await db.close();
    await dropMysqlDatabase(url);
  });

  it('D2: three replicas opening a fresh database at once all start, and each migration runs exactly once', async () => {
    const open = () =>
      openDatabase({ name: 'clients', config: { kind: 'mysql', url }, entities: [...CLIENTS_ENTITIES, ...EVENT_ENTITIES], migrations: CLIENTS_MIGRATIONS, logger });
    const results = await Promise.allSettled([open(), open(), open()]);
    for (const r of results) if (r.status === 'fulfilled') opened.push(r.value);
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'started'))).toEqual(['started', 'started', 'started']);

    const rows: Array<{ name: string; n: string | number }> = await opened[0].dataSource.query(
      'SELECT name, COUNT(*) AS n FROM migrations GROUP BY name ORDER BY name',
    );
    expect(rows.map((r) => [r.name, Number(r.n)])).toEqual(
      CLIENTS_MIGRATIONS.map((m) => [(m as { name: string }).name, 1]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    // The lock is released: a later replica does not wait for it.
    const started = Date.now();
    opened.push(await open());
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
