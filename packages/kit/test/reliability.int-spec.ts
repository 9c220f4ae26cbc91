import { randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';
import { z } from 'zod';
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  EVENT_ENTITIES,
  KafkaTransport,
  TRANSACTION_RETRY,
  addOutboxClaimsV2,
  columnTypesV1,
  createEventTablesV1,
  createLogger,
  createOutboxRelay,
  defineEvent,
  dropMysqlDatabase,
  enqueueEvent,
  ensureMysqlDatabase,
  openDatabase,
  type Database,
  type IncomingMessage,
} from '../src';
import { TEST_MYSQL_URL, kafkaBrokers } from '../../../test/support/env';

class ReliabilityTables1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    const t = columnTypesV1(queryRunner);
    await queryRunner.createTable(
      new Table({ name: 'counters', columns: [{ name: 'id', ...t.string(16), isPrimary: true }, { name: 'value', type: 'int' }] }),
    );
    await queryRunner.query("INSERT INTO counters (id, value) VALUES ('a', 0), ('b', 0)");
    await createEventTablesV1(queryRunner);
    await addOutboxClaimsV2(queryRunner);
  }
  async down() {}
}

const tick = defineEvent({
  name: 'reliability.tick',
  version: 1,
  producer: 'kit-test',
  payload: z.object({ aggregateId: z.string(), n: z.number().int() }),
  keyOf: (p) => p.aggregateId,
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A broker that accepts connections and never answers: what a paused (SIGSTOPped) broker looks
 * like to kafkajs. The relay under test runs unchanged against it.
 */
async function silentBroker(): Promise<{ address: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('reliability of the runtime kit under faults (MySQL + Kafka)', () => {
  const id = randomBytes(4).toString('hex');
  const logger = createLogger({ name: 'kit-reliability', level: 'silent' });
  const url = `${TEST_MYSQL_URL}/t${id}_reliability`;
  let db: Database;
  const transports: KafkaTransport[] = [];
  const kafka = (clientId: string, brokers = kafkaBrokers()) => {
    const transport = new KafkaTransport({ clientId, brokers, namespace: `t${id}.`, maxWaitTimeInMs: 100, logger });
    transports.push(transport);
    return transport;
  };

  beforeAll(async () => {
    await ensureMysqlDatabase(url);
    db = await openDatabase({ name: 'kit-reliability', config: { kind: 'mysql', url }, entities: EVENT_ENTITIES, migrations: [ReliabilityTables1700000000000], logger });
    await kafka('setup').ensureTopics([tick.topic]);
  });
  afterAll(async () => {
    for (const t of transports) await t.close();
    await db?.close();
    await dropMysqlDatabase(url);
  });
  beforeEach(async () => {
    await db.dataSource.query('DELETE FROM outbox_events');
  });

  const emit = (aggregateId: string, n: number) => db.transaction((em) => enqueueEvent(db, em, 'kit-test', tick, { aggregateId, n }));
  const outbox = async () =>
    (await db.dataSource.query('SELECT seq, published_at, claim_token, claimed_until FROM outbox_events ORDER BY seq')) as Array<{
      seq: string;
      published_at: Date | null;
      claim_token: string | null;
    }>;

  it('business transactions that write events commit at once while the relay waits on an unresponsive broker', async () => {
    await emit('a', 0);
    const broker = await silentBroker();
    const stalled = createOutboxRelay({ db, transport: kafka('stalled', [broker.address]), logger, pollIntervalMs: 50 });
    stalled.start();
    try {
      // The relay has claimed the first event and is waiting for the broker.
      const deadline = Date.now() + 10_000;
      while ((await outbox())[0].claim_token === null && Date.now() < deadline) await sleep(20);
      expect((await outbox())[0].claim_token).not.toBeNull();

      const times: number[] = [];
      for (let n = 1; n <= 20; n++) {
        const started = Date.now();
        await emit(n % 2 ? 'a' : 'b', n);
        times.push(Date.now() - started);
      }
      // Before the fix each of these waited behind the relay's open transaction (lock wait time-out, 50 s).
      expect(Math.max(...times)).toBeLessThan(1000);
      const rows = await outbox();
      expect(rows).toHaveLength(21);
      expect(rows.filter((r) => r.published_at !== null)).toHaveLength(0);
    } finally {
      await stalled.stop();
      await broker.close();
    }

    // The broker is back (a healthy relay): everything is published and marked, claims released.
    const relay = createOutboxRelay({ db, transport: kafka('healthy'), logger, pollIntervalMs: 50, claimTtlMs: 1000 });
    relay.start();
    try {
      const deadline = Date.now() + 20_000;
      while ((await outbox()).some((r) => r.published_at === null) && Date.now() < deadline) await sleep(50);
      const rows = await outbox();
      expect(rows.filter((r) => r.published_at === null)).toEqual([]);
      expect(rows.filter((r) => r.claim_token !== null)).toEqual([]);
    } finally {
      await relay.stop();
    }
  });

  it('two relays (two replicas) on one database publish every event once, each aggregate in order', async () => {
    const received: IncomingMessage[] = [];
    const sub = await kafka('reader').subscribe({
      groupId: `reader-${randomUUID()}`,
      topics: [tick.topic],
      onMessage: async (m) => {
        // The topic holds the earlier test's events too: keep this test's aggregates only.
        if (m.key.startsWith('c')) received.push(m);
      },
    });
    const relays = [1, 2].map((n) => createOutboxRelay({ db, transport: kafka(`replica-${n}`), logger, pollIntervalMs: 10, batchSize: 7 }));
    for (const r of relays) r.start();
    const aggregates = ['c1', 'c2', 'c3', 'c4', 'c5'];
    const perAggregate = 40;
    try {
      // Five writers at once, each emitting its aggregate's events one after another.
      await Promise.all(
        aggregates.map(async (a) => {
          for (let n = 0; n < perAggregate; n++) await emit(a, n);
        }),
      );
      const total = aggregates.length * perAggregate;
      const deadline = Date.now() + 30_000;
      while (received.length < total && Date.now() < deadline) await sleep(100);
      await sleep(1000); // anything doubled would arrive by now
      const ids = received.map((m) => m.headers?.['event-id']);
      expect(new Set(ids).size).toBe(total);
      expect(received).toHaveLength(total);
      for (const a of aggregates) {
        const order = received.filter((m) => m.key === a).map((m) => (JSON.parse(m.value) as { payload: { n: number } }).payload.n);
        expect(order).toEqual([...Array(perAggregate).keys()]);
      }
    } finally {
      for (const r of relays) await r.stop();
      await sub.stop();
    }
  });

  it('a relay that died between publish and mark: its claim lapses and the events are published again, never lost', async () => {
    await emit('dead', 1);
    await emit('dead', 2);
    await emit('alive', 1);
    // A relay claimed 'dead' and died (its claim lapses in 500 ms); another relay's live claim holds 'alive'.
    await db.dataSource.query("UPDATE outbox_events SET claim_token = ?, claimed_until = ? WHERE message_key = 'dead'", [randomUUID(), new Date(Date.now() + 500)]);
    await db.dataSource.query("UPDATE outbox_events SET claim_token = ?, claimed_until = ? WHERE message_key = 'alive'", [randomUUID(), new Date(Date.now() + 60_000)]);
    const received: IncomingMessage[] = [];
    const sub = await kafka('reader-2').subscribe({
      groupId: `reader-${randomUUID()}`,
      topics: [tick.topic],
      onMessage: async (m) => {
        received.push(m);
      },
    });
    const relay = createOutboxRelay({ db, transport: kafka('survivor'), logger, pollIntervalMs: 50 });
    relay.start();
    try {
      await sleep(200);
      expect((await outbox()).filter((r) => r.published_at !== null)).toEqual([]); // the claims still hold
      // The topic holds the earlier tests' events too: read this test's keys only.
      const ours = () => received.filter((m) => m.key === 'dead' || m.key === 'alive');
      const deadline = Date.now() + 15_000;
      while (ours().length < 2 && Date.now() < deadline) await sleep(50);
      await sleep(500);
      // Both of the dead relay's events, in order; the live claim's key is left to its relay.
      expect(ours().map((m) => [m.key, (JSON.parse(m.value) as { payload: { n: number } }).payload.n])).toEqual([
        ['dead', 1],
        ['dead', 2],
      ]);
      const rows = await db.dataSource.query('SELECT message_key, published_at FROM outbox_events ORDER BY seq');
      expect(rows.map((r: { message_key: string; published_at: Date | null }) => [r.message_key, r.published_at !== null])).toEqual([
        ['dead', true],
        ['dead', true],
        ['alive', false],
      ]);
    } finally {
      await relay.stop();
      await sub.stop();
    }
  });

  it('a deadlock (two connections locking two rows in opposite order) is retried and the transaction succeeds', async () => {
    await db.dataSource.query("UPDATE counters SET value = 0");
    await db.dataSource.query('CREATE TABLE IF NOT EXISTS ballast (n INT)');
    const other = db.dataSource.createQueryRunner();
    await other.connect();
    let attempts = 0;
    const retriedBefore = db.retriedTransactions;
    try {
      await other.startTransaction();
      // The other transaction is the heavier one, so InnoDB picks ours as the deadlock victim.
      await other.query('INSERT INTO ballast (n) VALUES ' + Array.from({ length: 200 }, (_, i) => `(${i})`).join(','));
      await other.query("UPDATE counters SET value = value + 10 WHERE id = 'b'");
      const ours = db.transaction(async (em) => {
        attempts += 1;
        await em.query("UPDATE counters SET value = value + 1 WHERE id = 'a'");
        if (attempts === 1) {
          // Now the other transaction asks for 'a' (held by us) while we ask for 'b' (held by it).
          void other
            .query("UPDATE counters SET value = value + 10 WHERE id = 'a'")
            .then(() => other.commitTransaction())
            .catch(() => undefined);
          await sleep(200);
        }
        await em.query("UPDATE counters SET value = value + 1 WHERE id = 'b'");
        return attempts;
      });
      await expect(ours).resolves.toBe(2);
      const rows = await db.dataSource.query('SELECT id, value FROM counters ORDER BY id');
      expect(rows.map((r: { value: number }) => Number(r.value))).toEqual([11, 11]);
      expect(db.retriedTransactions - retriedBefore).toBe(1);
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction().catch(() => undefined);
      await other.release();
    }
  });

  // Last in this file: its pool connections keep the 1 s lock wait time-out it sets.
  it(`retries are bounded: a lock held for good fails after ${TRANSACTION_RETRY.attempts} attempts with the lock error`, async () => {
    const holder = db.dataSource.createQueryRunner();
    await holder.connect();
    let attempts = 0;
    try {
      await holder.startTransaction();
      await holder.query("SELECT value FROM counters WHERE id = 'a' FOR UPDATE");
      const started = Date.now();
      const blocked = db.transaction(async (em) => {
        attempts += 1;
        await em.query('SET SESSION innodb_lock_wait_timeout = 1');
        await em.query("UPDATE counters SET value = value + 1 WHERE id = 'a'");
      });
      await expect(blocked).rejects.toMatchObject({ driverError: { code: 'ER_LOCK_WAIT_TIMEOUT' } });
      expect(attempts).toBe(TRANSACTION_RETRY.attempts);
      expect(Date.now() - started).toBeLessThan(TRANSACTION_RETRY.attempts * 1000 + 3000);
    } finally {
      await holder.rollbackTransaction().catch(() => undefined);
      await holder.release();
    }
  });
});
