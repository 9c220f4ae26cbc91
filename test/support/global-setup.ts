import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TEST_MYSQL_URL } from './env';

/**
 * Runs once before the suite. MySQL must answer (a missing server is a failure, not a skip);
 * Kafka is the project's own broker, started here unless TEST_KAFKA_BROKERS points at one.
 */
export default async function globalSetup(): Promise<void> {
  const mysql = new DataSource({ type: 'mysql', url: TEST_MYSQL_URL });
  try {
    await mysql.initialize();
    const [{ version }] = await mysql.query('SELECT VERSION() AS version');
    console.log(`\n[test] MySQL-compatible server at ${TEST_MYSQL_URL.replace(/\/\/[^@]*@/, '//')}: ${version}`);
  } catch (err) {
    throw new Error(`[test] MySQL is not reachable at ${TEST_MYSQL_URL}: ${(err as Error).message}`);
  } finally {
    if (mysql.isInitialized) await mysql.destroy();
  }

  if (!process.env.TEST_KAFKA_BROKERS && process.env.CI !== 'true' && projectBrokerRunning()) {
    // A developer's broker is already up (`npm run kafka start`): use it and leave it running, so
    // a second test run never wipes or stops a broker someone else is using.
    process.env.TEST_KAFKA_BROKERS = `127.0.0.1:${process.env.TEST_KAFKA_PORT ?? '19092'}`;
  }
  if (!process.env.TEST_KAFKA_BROKERS) {
    const port = process.env.TEST_KAFKA_PORT ?? '19092';
    const controllerPort = process.env.TEST_KAFKA_CONTROLLER_PORT ?? '19093';
    execFileSync('bash', [join(__dirname, '../../scripts/kafka.sh'), 'start'], {
      stdio: 'inherit',
      env: { ...process.env, KAFKA_PORT: port, KAFKA_CONTROLLER_PORT: controllerPort },
    });
    process.env.TEST_KAFKA_BROKERS = `127.0.0.1:${port}`;
    process.env.TEST_KAFKA_STARTED_BY_SUITE = 'true';
  }
  console.log(`[test] Kafka broker at ${process.env.TEST_KAFKA_BROKERS}`);
}

/** Is the project's own broker (scripts/kafka.sh) running and ready? */
function projectBrokerRunning(): boolean {
  try {
    execFileSync('bash', [join(__dirname, '../../scripts/kafka.sh'), 'status'], {
      stdio: 'ignore',
      env: { ...process.env, KAFKA_PORT: process.env.TEST_KAFKA_PORT ?? '19092' },
      timeout: 20_000,
    });
    return true;
  } catch {
    return false;
  }
}
