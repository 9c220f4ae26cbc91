import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

import {
  EVENT_ENTITIES,
  EventRejectedError,
  KafkaTransport,
  addOutboxClaimsV2,
  columnTypesV1,
  createEventConsumer,
  createEventTablesV1,
  createLogger,
  createOutboxRelay,
  dropMysqlDatabase,
  enqueueEvent,
  ensureMysqlDatabase,
  handleEvent,
  defineEvent,
  type EventEnvelope,
  openDatabase,
  type Database,
} from '../src';
import { TEST_MYSQL_URL, kafkaBrokers } from '../../../test/support/env';

class TestTables1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    const t = columnTypesV1(queryRunner);
    await queryRunner.createTable(new Table({ name: 'notes', columns: [{ name: 'id', ...t.id, isPrimary: true }, { name: 'text', ...t.string() }] }));
    await createEventTablesV1(queryRunner);
    await addOutboxClaimsV2(queryRunner);
  }
  async down() {}
}

const noteAdded = defineEvent({
  name: 'note.added',
  version: 1,
  producer: 'kit-test',
  payload: z.object({ notebookId: z.string(), noteId: z.string().uuid(), text: z.string().min(1) }),
  // The aggregate is the notebook: its notes keep their order in one partition.
  keyOf: (p) => p.notebookId,
});

/** The outbox relay and the idempotent consumer on real MySQL and a real Kafka broker. */
describe('transactional outbox and idempotent consumer (MySQL + Kafka)', () => {
  const id = randomBytes(4).toString('hex');
  const logger = createLogger({ name: 'kit-test', level: 'warn' });
  const producerUrl = `${TEST_MYSQL_URL}/t${id}_producer`;
  const consumerUrl = `${TEST_MYSQL_URL}/t${id}_consumer`;
  let producerDb: Database;
  let consumerDb: Database;
  let transport: KafkaTransport;
  const handled: string[] = [];

  beforeAll(async () => {
    await ensureMysqlDatabase(producerUrl);
    await ensureMysqlDatabase(consumerUrl);
    const open = (url: string) =>
      openDatabase({ name: 'kit-test', config: { kind: 'mysql', url }, entities: EVENT_ENTITIES, migrations: [TestTables1700000000000], logger });
    producerDb = await open(producerUrl);
    consumerDb = await open(consumerUrl);
    transport = new KafkaTransport({ clientId: 'kit-test', brokers: kafkaBrokers(), namespace: `t${id}.`, maxWaitTimeInMs: 100, logger });
    await transport.ensureTopics([noteAdded.topic]);
  });
  afterAll(async () => {
    await transport?.close();
    await producerDb?.close();
    await consumerDb?.close();
    await dropMysqlDatabase(producerUrl);
    await dropMysqlDatabase(consumerUrl);
  });

  const addNote = (text: string, fail = false) =>
    producerDb.transaction(async (em) => {
      const noteId = randomUUID();
      await em.query('INSERT INTO notes (id, text) VALUES (?, ?)', [noteId, text]);
      await enqueueEvent(producerDb, em, 'kit-test', noteAdded, { notebookId: 'notebook-1', noteId, text });
      if (fail) throw new Error('business rule failed after the event was written');
      return noteId;
    });

  it('a rolled-back change leaves neither its row nor its event; committed ones arrive once each, in order per key', async () => {
    await expect(addNote('rolled back', true)).rejects.toThrow('business rule failed');
    const [{ n }] = await producerDb.dataSource.query('SELECT COUNT(*) AS n FROM outbox_events');
    expect(Number(n)).toBe(0);

    const ids = [await addNote('first'), await addNote('second'), await addNote('third')];
    const relay = createOutboxRelay({ db: producerDb, transport, logger, pollIntervalMs: 100 });
    const consumer = createEventConsumer({
      name: 'kit-test-consumer',
      db: consumerDb,
      transport,
      logger,
      handlers: [
        handleEvent(noteAdded, async (em, payload) => {
          if (payload.text === 'poison') throw new EventRejectedError('notes may not be poison');
          await em.query('INSERT INTO notes (id, text) VALUES (?, ?)', [payload.noteId, payload.text]);
          handled.push(payload.text);
        }),
      ],
    });
    await consumer.start();
    relay.start();
    try {
      const deadline = Date.now() + 20_000;
      while (handled.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(handled).toEqual(['first', 'second', 'third']);
      const published = await producerDb.dataSource.query('SELECT COUNT(*) AS n FROM outbox_events WHERE published_at IS NOT NULL');
      expect(Number(published[0].n)).toBe(3);

      // A payload that breaks its contract never reaches the handler; it is recorded as rejected.
      const bad: EventEnvelope = {
        eventId: randomUUID(),
        name: noteAdded.name,
        version: 1,
        occurredAt: new Date().toISOString(),
        producer: 'kit-test',
        payload: { notebookId: 'notebook-1', noteId: 'not-a-uuid', text: '' },
      };
      expect(await consumer.process({ topic: noteAdded.topic, key: 'k', value: JSON.stringify(bad), partition: 0, offset: '0' })).toBe('rejected');
      // A rule that refuses an event: rejected, the handler's writes rolled back, not retried.
      const poisonId = await addNote('poison');
      const deadline2 = Date.now() + 20_000;
      let rejected: Array<{ reason: string }> = [];
      while (rejected.length < 2 && Date.now() < deadline2) {
        rejected = await consumerDb.dataSource.query("SELECT reason FROM processed_events WHERE outcome = 'REJECTED'");
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(rejected.map((r) => r.reason)).toHaveLength(2);
      expect(rejected.map((r) => r.reason)).toEqual(
        expect.arrayContaining(['notes may not be poison', 'payload violates its contract: noteId: Invalid UUID; text: Too small: expected string to have >=1 characters']),
      );
      const poisonRows = await consumerDb.dataSource.query('SELECT COUNT(*) AS n FROM notes WHERE id = ?', [poisonId]);
      expect(Number(poisonRows[0].n)).toBe(0);
      const notes = await consumerDb.dataSource.query('SELECT COUNT(*) AS n FROM notes');
      expect(Number(notes[0].n)).toBe(3);
      expect(ids).toHaveLength(3);
    } finally {
      await relay.stop();
      await consumer.stop();
    }
  });

  it('a batch of one partition applies in one transaction; a duplicate in it, a redelivered event and a refused one change nothing else, in order', async () => {
    const seen: string[] = [];
    const consumer = createEventConsumer({
      name: 'kit-test-batch',
      db: consumerDb,
      transport,
      logger,
      handlers: [
        handleEvent(noteAdded, async (em, payload) => {
          if (payload.text === 'poison') throw new EventRejectedError('notes may not be poison');
          await em.query('INSERT INTO notes (id, text) VALUES (?, ?)', [payload.noteId, `batch ${payload.text}`]);
          seen.push(payload.text);
        }),
      ],
    });
    const message = (text: string, eventId = randomUUID(), offset = 0) => ({
      topic: noteAdded.topic,
      key: 'notebook-2',
      partition: 0,
      offset: String(offset),
      value: JSON.stringify({ eventId, name: noteAdded.name, version: 1, occurredAt: new Date().toISOString(), producer: 'kit-test', payload: { notebookId: 'notebook-2', noteId: randomUUID(), text } }),
    });
    const notes = async () => (await consumerDb.dataSource.query("SELECT text FROM notes WHERE text LIKE 'batch %' ORDER BY text")).map((r: { text: string }) => r.text);

    // One transaction for the batch; the same event twice in it is applied once.
    const a = message('a', undefined, 1);
    await consumer.processBatch([a, message('b', undefined, 2), { ...a, offset: '3' }]);
    expect(seen).toEqual(['a', 'b']);
    expect(await notes()).toEqual(['batch a', 'batch b']);

    // A refused event in the middle rolls the batch back; one by one, the others apply in order.
    seen.length = 0;
    await consumer.processBatch([message('c'), message('poison'), message('d'), { ...a, offset: '4' }]);
    // (The handler ran for 'c' once more inside the rolled-back attempt: only database writes count.)
    expect(seen.slice(-2)).toEqual(['c', 'd']);
    expect(await notes()).toEqual(['batch a', 'batch b', 'batch c', 'batch d']);
    const outcomes = await consumerDb.dataSource.query("SELECT outcome, COUNT(*) AS n FROM processed_events WHERE consumer = 'kit-test-batch' GROUP BY outcome ORDER BY outcome");
    expect(outcomes.map((r: { outcome: string; n: string }) => [r.outcome, Number(r.n)])).toEqual([
      ['PROCESSED', 4],
      ['REJECTED', 1],
    ]);
  });

  it('a transaction\'s events are written by one INSERT just before it commits, in the order enqueued; a rollback writes none', async () => {
    const notebook = `order-${randomUUID()}`;
    const before = producerDb.statementCount;
    await producerDb.transaction(async (em) => {
      for (let n = 0; n < 30; n++) {
        await enqueueEvent(producerDb, em, 'kit-test', noteAdded, { notebookId: notebook, noteId: randomUUID(), text: `n${n}` });
      }
    });
    // START TRANSACTION, one INSERT of 30 rows, COMMIT.
    expect(producerDb.statementCount - before).toBe(3);
    const rows = await producerDb.dataSource.query('SELECT envelope FROM outbox_events WHERE message_key = ? ORDER BY seq', [notebook]);
    expect(rows.map((r: { envelope: string }) => (JSON.parse(r.envelope) as { payload: { text: string } }).payload.text)).toEqual(
      Array.from({ length: 30 }, (_, n) => `n${n}`),
    );

    await expect(
      producerDb.transaction(async (em) => {
        await enqueueEvent(producerDb, em, 'kit-test', noteAdded, { notebookId: `${notebook}-rolled-back`, noteId: randomUUID(), text: 'never' });
        throw new Error('the change fails after its event was enqueued');
      }),
    ).rejects.toThrow('the change fails');
    const none = await producerDb.dataSource.query('SELECT COUNT(*) AS n FROM outbox_events WHERE message_key = ?', [`${notebook}-rolled-back`]);
    expect(Number(none[0].n)).toBe(0);

    // Outside Database.transaction (no commit to wait for) the row is written at once.
    await enqueueEvent(producerDb, producerDb.manager, 'kit-test', noteAdded, { notebookId: `${notebook}-direct`, noteId: randomUUID(), text: 'direct' });
    const direct = await producerDb.dataSource.query('SELECT COUNT(*) AS n FROM outbox_events WHERE message_key = ?', [`${notebook}-direct`]);
    expect(Number(direct[0].n)).toBe(1);
  });

  it('a batch costs one read and one insert of processed_events whatever its size; only the handlers\' own statements grow with it', async () => {
    const consumer = createEventConsumer({
      name: 'kit-test-batch-cost',
      db: consumerDb,
      transport,
      logger,
      handlers: [handleEvent(noteAdded, async (em, payload) => void (await em.query('INSERT INTO notes (id, text) VALUES (?, ?)', [payload.noteId, `cost ${payload.text}`])))],
    });
    const batch = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        topic: noteAdded.topic,
        key: 'notebook-cost',
        partition: 0,
        offset: String(i),
        value: JSON.stringify({ eventId: randomUUID(), name: noteAdded.name, version: 1, occurredAt: new Date().toISOString(), producer: 'kit-test', payload: { notebookId: 'notebook-cost', noteId: randomUUID(), text: `${n}.${i}` } }),
      }));
    const cost = async (n: number) => {
      const before = consumerDb.statementCount;
      await consumer.processBatch(batch(n));
      return consumerDb.statementCount - before;
    };
    const ten = await cost(10);
    const fifty = await cost(50);
    // START, the read of processed ids, one multi-row insert, COMMIT: 4 + one handler statement per event.
    expect(ten).toBe(4 + 10);
    expect(fifty).toBe(4 + 50);
    const processed = await consumerDb.dataSource.query("SELECT COUNT(*) AS n FROM processed_events WHERE consumer = 'kit-test-batch-cost'");
    expect(Number(processed[0].n)).toBe(60);
    const notes = await consumerDb.dataSource.query("SELECT COUNT(*) AS n FROM notes WHERE text LIKE 'cost %'");
    expect(Number(notes[0].n)).toBe(60);
  });

  it('a batch\'s keys apply in lanes side by side, each key\'s events in their order, each exactly once', async () => {
    const applied: string[] = [];
    const started = new Set<string>();
    let bothLanesRunning!: () => void;
    const together = new Promise<void>((resolve) => (bothLanesRunning = resolve));
    const consumer = createEventConsumer({
      name: 'kit-test-lanes',
      db: consumerDb,
      transport,
      logger,
      handlers: [
        handleEvent(noteAdded, async (em, payload) => {
          // The first event of each of two keys waits until the other key's lane has started too:
          // handled one after another, this would never resolve.
          if (payload.text.endsWith('.0')) {
            started.add(payload.notebookId);
            if (started.size === 2) bothLanesRunning();
            let timer: NodeJS.Timeout | undefined;
            await Promise.race([together, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('the lanes did not run side by side')), 5000)))]).finally(() =>
              clearTimeout(timer),
            );
          }
          await em.query('INSERT INTO notes (id, text) VALUES (?, ?)', [payload.noteId, `lane ${payload.text}`]);
          applied.push(payload.text);
        }),
      ],
    });
    const message = (key: string, n: number, eventId = randomUUID()) => ({
      topic: noteAdded.topic,
      key,
      partition: 0,
      offset: String(n),
      value: JSON.stringify({ eventId, name: noteAdded.name, version: 1, occurredAt: new Date().toISOString(), producer: 'kit-test', payload: { notebookId: key, noteId: randomUUID(), text: `${key}.${n}` } }),
    });
    const batch = [0, 1, 2, 3, 4, 5].flatMap((n) => [message('lane-a', n), message('lane-b', n)]);
    await consumer.processBatch(batch);
    // Delivered again (a rebalance before the offset was committed): nothing changes.
    await consumer.processBatch(batch);
    for (const key of ['lane-a', 'lane-b']) expect(applied.filter((t) => t.startsWith(key))).toEqual([0, 1, 2, 3, 4, 5].map((n) => `${key}.${n}`));
    const notes = await consumerDb.dataSource.query("SELECT COUNT(*) AS n FROM notes WHERE text LIKE 'lane %'");
    expect(Number(notes[0].n)).toBe(12);
  });
});
