import { randomBytes } from 'node:crypto';
import {
  AccessTokenIssuer,
  EVENT_ENTITIES,
  createLogger,
  dropMysqlDatabase,
  ensureMysqlDatabase,
  generateSigningKeyPair,
  openDatabase,
  systemClock,
  type Database,
  type Logger,
} from '@advisor/kit';
import { CLIENTS_ENTITIES, CLIENTS_MIGRATIONS } from '../../src/service';
import { createClientsDomain, type ClientsDomain } from '../../src/domain';
import { TEST_MYSQL_URL } from '../../../../test/support/env';

/** The clients domain on a MySQL database of its own (migrated), for one test file; `drop()` removes it. */
export async function openClientsTestDomain(name: string): Promise<{ db: Database; domain: ClientsDomain; logger: Logger; drop(): Promise<void> }> {
  const url = `${TEST_MYSQL_URL}/t${randomBytes(4).toString('hex')}_${name.replace(/-/g, '_')}`;
  await ensureMysqlDatabase(url);
  const logger = createLogger({ name, level: 'warn' });
  const db = await openDatabase({ name, config: { kind: 'mysql', url }, entities: [...CLIENTS_ENTITIES, ...EVENT_ENTITIES], migrations: CLIENTS_MIGRATIONS, logger });
  const domain = createClientsDomain(db, await AccessTokenIssuer.fromPem(generateSigningKeyPair().privateKeyPem), systemClock);
  return {
    db,
    domain,
    logger,
    drop: async () => {
      await db.close();
      await dropMysqlDatabase(url);
    },
  };
}
