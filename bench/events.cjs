/**
 * Event delivery (issue 13): invitation acceptances through the invitations outbox, the transport
 * and the clients service's idempotent consumer, which links the firm and assigns the acceptor.
 *
 *  a. Throughput: K acceptances committed by 8 writers at once (as the API commits them), a tenth
 *     of them published twice on purpose; events/s from the first commit until every link and
 *     assignment is visible, each exactly once. Where the time goes: per event, commit →
 *     published (the relay marks it) → applied (the consumer's processed_events row), p50/p99.
 *  b. Latency: acceptances one at a time, commit → the assignment visible in the clients
 *     database, p50/p99.
 *
 * The client companies are registered as the platform does, through the gateway (SPEC C1, G6).
 *
 *  c. The pipeline alone (`pipelineBench`, the runtime kit only): K events committed by 8 writers
 *     through a relay and an idempotent consumer whose handler writes one row, on the same
 *     databases, with the in-process transport and with Kafka side by side in one run; events/s
 *     and the ratio, every event exactly once.
 */
const { randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');

const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] : NaN);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function registerCompanies(system, n, tag) {
  const { registerClientAsPlatform } = require('../system/dist');
  const ids = new Array(n);
  let next = 0;
  const run = Date.now().toString(36);
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < n; i = next++) {
        ids[i] = await registerClientAsPlatform(system, {
          businessName: `${tag}${i}`,
          fein: `48-${String(1000000 + Math.floor(Math.random() * 8999999))}`,
          platform: 'PEO',
          status: 'ACTIVE',
          customerSuccess: { name: 'CS', phone: '+1 212 555 0100', email: 'cs@platform.example' },
          admins: [{ firstName: 'A', lastName: 'B', email: `a${i}.${tag}.${run}@client.example`, password: 'bench admin pass 1', permissions: ['MANAGE'] }],
        });
      }
    }),
  );
  return ids;
}

async function eventDelivery(system, signUp) {
  const k = Number(process.env.BENCH_EVENTS ?? 1000);
  const latencySamples = Number(process.env.BENCH_EVENT_LATENCY_SAMPLES ?? 100);
  console.log(`\n2. event delivery: ${k} invitation acceptances, outbox → transport → idempotent consumer (clients)`);
  const { enqueueEvent } = require('../packages/kit/dist');
  const { invitationAccepted } = require('../schema/dist');
  const firm = await signUp(system, 'events');
  const t = performance.now();
  const clientIds = await registerCompanies(system, k + latencySamples, 'E');
  console.log(`(${k + latencySamples} client companies registered through the gateway in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  const latencyIds = clientIds.splice(k);
  const invitations = system.services.invitations.db;
  const clientsDb = system.services.clients.db.dataSource;
  // Let the registrations' own events settle first (the invitations directory, firms' copies).
  const { settle } = require('./support.cjs');
  await settle(system);

  const accept = (clientId) =>
    invitations.transaction((em) =>
      enqueueEvent(invitations, em, 'invitations', invitationAccepted, {
        invitationId: randomUUID(),
        kind: 'CLIENT_TO_FIRM',
        clientId,
        firmId: firm.firmId,
        acceptedBy: { realm: 'firm', id: firm.memberId },
        assignMemberId: firm.memberId,
        permissions: ['VIEW_COMPANY'],
        acceptedAt: new Date().toISOString(),
      }),
    );
  const count = async (table, ids) =>
    Number((await clientsDb.query(`SELECT COUNT(*) AS n FROM ${table} WHERE client_id IN (${ids.map(() => '?').join(',')})`, ids))[0].n);

  // a. Throughput.
  const statementsBefore = system.services.clients.db.statementCount;
  const t0 = performance.now();
  const eventIds = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < k; i = next++) eventIds.push((await accept(clientIds[i])).eventId);
    }),
  );
  const committedMs = performance.now() - t0;
  // Publish a tenth again on purpose: the consumer must absorb the duplicates.
  await invitations.dataSource.query(
    `UPDATE outbox_events SET published_at = NULL WHERE published_at IS NOT NULL AND seq % 10 = 0 AND event_id IN (${eventIds.map(() => '?').join(',')})`,
    eventIds,
  );
  let links = 0;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    links = await count('firm_client_links', clientIds);
    if (links >= k) break;
    await sleep(20);
  }
  const ms = performance.now() - t0;
  const statements = system.services.clients.db.statementCount - statementsBefore;
  await sleep(1500);
  links = await count('firm_client_links', clientIds);
  const assignments = await count('assignments', clientIds);
  const ok = links === k && assignments === k;
  const rate = k / (ms / 1000);
  console.log(
    `links ${links}/${k}, assignments ${assignments}/${k}: ${ok ? 'nothing lost, nothing doubled' : 'MISMATCH'}; ${rate.toFixed(0)} events/s end to end ` +
      `(${k} committed by 8 writers in ${(committedMs / 1000).toFixed(1)} s, all applied after ${(ms / 1000).toFixed(1)} s; ${(statements / k).toFixed(1)} clients statements per event)`,
  );
  // Where the time goes, per event (database clocks, ms).
  const marks = new Map(
    (await invitations.dataSource.query(`SELECT event_id, created_at, published_at FROM outbox_events WHERE event_id IN (${eventIds.map(() => '?').join(',')})`, eventIds)).map((r) => [
      r.event_id,
      r,
    ]),
  );
  const applied = await clientsDb.query(
    `SELECT event_id, processed_at FROM processed_events WHERE consumer = 'clients' AND event_id IN (${eventIds.map(() => '?').join(',')})`,
    eventIds,
  );
  const toPublish = [];
  const toApply = [];
  for (const a of applied) {
    const m = marks.get(a.event_id);
    if (!m) continue;
    toPublish.push(new Date(m.published_at) - new Date(m.created_at));
    toApply.push(new Date(a.processed_at) - new Date(m.created_at));
  }
  toPublish.sort((x, y) => x - y);
  toApply.sort((x, y) => x - y);
  console.log(`  commit → published p50 ${pct(toPublish, 50)} ms, p99 ${pct(toPublish, 99)} ms; commit → applied p50 ${pct(toApply, 50)} ms, p99 ${pct(toApply, 99)} ms`);

  // b. Latency: one acceptance at a time.
  await settle(system);
  const latencies = [];
  for (const clientId of latencyIds) {
    const started = performance.now();
    await accept(clientId);
    const committed = performance.now();
    const until = Date.now() + 10_000;
    while (Date.now() < until && (await count('assignments', [clientId])) === 0) await sleep(2);
    latencies.push(performance.now() - committed);
    if (performance.now() - started < 20) await sleep(20 - (performance.now() - started));
  }
  latencies.sort((a, b) => a - b);
  console.log(`accept → assignment visible (one at a time, ${latencies.length}): p50 ${pct(latencies, 50).toFixed(0)} ms, p99 ${pct(latencies, 99).toFixed(0)} ms`);
  if (!ok) process.exitCode = 1;
  return { events: k, eventsPerSecond: Math.round(rate), committedMs: Math.round(committedMs), ms: Math.round(ms), statementsPerEvent: statements / k, latencyP50: pct(latencies, 50), latencyP99: pct(latencies, 99) };
}

async function pipelineBench({ mysqlUrl, brokers }) {
  const k = Number(process.env.BENCH_PIPELINE_EVENTS ?? 5000);
  const kit = require('../packages/kit/dist');
  const { z } = require('zod');
  console.log(`\n2c. the event pipeline alone (kit: outbox → relay → transport → idempotent consumer writing one row), ${k} events by 8 writers, ${mysqlUrl ? 'MySQL' : 'embedded SQLite'}`);
  const logger = kit.createLogger({ name: 'bench-pipeline', level: 'warn' });
  const tick = kit.defineEvent({
    name: 'bench.tick',
    version: 1,
    producer: 'bench',
    payload: z.object({ aggregateId: z.string(), n: z.number().int() }),
    keyOf: (p) => p.aggregateId,
  });
  class PipelineTables1700000000000 {
    async up(queryRunner) {
      await queryRunner.query(`CREATE TABLE effects (event_id varchar(36) PRIMARY KEY, aggregate_id varchar(64) NOT NULL, n int NOT NULL)`);
      await kit.createEventTablesV1(queryRunner);
      await kit.addOutboxClaimsV2(queryRunner);
    }
    async down() {}
  }
  const id = Date.now().toString(36);
  const transports = [['in-process', () => new kit.InProcessTransport(logger)]];
  if (brokers) transports.push(['Kafka', () => new kit.KafkaTransport({ clientId: `bench-${id}`, brokers, namespace: `benchpipe${id}.`, logger })]);
  const rows = [];
  for (const [label, makeTransport] of transports) {
    const urls = mysqlUrl ? ['producer', 'consumer'].map((r) => `${mysqlUrl}/benchpipe${id}_${label === 'Kafka' ? 'k' : 'i'}_${r}`) : [];
    const open = async (url) => {
      if (url) await kit.ensureMysqlDatabase(url);
      return kit.openDatabase({ name: 'bench-pipeline', config: url ? { kind: 'mysql', url } : { kind: 'embedded' }, entities: kit.EVENT_ENTITIES, migrations: [PipelineTables1700000000000], logger });
    };
    const producer = await open(urls[0]);
    const consumerDb = await open(urls[1]);
    const transport = makeTransport();
    await transport.ensureTopics([tick.topic]);
    const relay = kit.createOutboxRelay({ db: producer, transport, logger, pollIntervalMs: 50 });
    const consumer = kit.createEventConsumer({
      name: 'bench-pipeline',
      db: consumerDb,
      transport,
      logger,
      handlers: [kit.handleEvent(tick, async (em, payload, envelope) => void (await em.query('INSERT INTO effects (event_id, aggregate_id, n) VALUES (?, ?, ?)', [envelope.eventId, payload.aggregateId, payload.n])))],
    });
    await consumer.start();
    const commit = async (from) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let i = next++; i < k; i = next++) await producer.transaction((em) => kit.enqueueEvent(producer, em, 'bench', tick, { aggregateId: `a${i % 64}`, n: from + i }));
        }),
      );
    };
    const effects = async () => Number((await consumerDb.dataSource.query('SELECT COUNT(*) AS n FROM effects'))[0].n);
    const until = async (n) => {
      const deadline = Date.now() + 300_000;
      while ((await effects()) < n && Date.now() < deadline) await sleep(10);
    };
    try {
      // Live: the relay runs while 8 writers commit (as the API does).
      relay.start();
      const t0 = performance.now();
      await commit(0);
      const committedMs = performance.now() - t0;
      // A tenth published again: the consumer absorbs the duplicates.
      await producer.dataSource.query('UPDATE outbox_events SET published_at = NULL WHERE published_at IS NOT NULL AND seq % 10 = 0');
      await until(k);
      const ms = performance.now() - t0;
      await relay.drain();
      // A backlog, as after a broker outage: K events committed while no relay runs, then drained.
      await relay.stop();
      await commit(k);
      const t1 = performance.now();
      relay.start();
      await until(2 * k);
      const backlogMs = performance.now() - t1;
      await relay.drain();
      await sleep(1000);
      const applied = await effects();
      const processed = Number((await consumerDb.dataSource.query('SELECT COUNT(*) AS n FROM processed_events')).at(0).n);
      const ok = applied === 2 * k && processed === 2 * k;
      rows.push({ label, rate: k / (ms / 1000), backlogRate: k / (backlogMs / 1000), committedMs, ms, ok });
      console.log(
        `${label.padEnd(10)} live: ${(k / (ms / 1000)).toFixed(0).padStart(5)} events/s (committed by 8 writers in ${(committedMs / 1000).toFixed(1)} s, applied after ${(ms / 1000).toFixed(1)} s); ` +
          `a backlog of ${k}: ${(k / (backlogMs / 1000)).toFixed(0)} events/s (${(backlogMs / 1000).toFixed(1)} s); ${applied}/${2 * k} applied, ${processed} processed: ${ok ? 'nothing lost, nothing doubled' : 'MISMATCH'}`,
      );
      if (!ok) process.exitCode = 1;
    } finally {
      await relay.stop();
      await consumer.stop();
      await transport.close();
      await producer.close();
      await consumerDb.close();
      for (const url of urls) await kit.dropMysqlDatabase(url);
    }
  }
  if (rows.length === 2) console.log(`Kafka / in-process: live ${(rows[1].rate / rows[0].rate).toFixed(2)}×, backlog ${(rows[1].backlogRate / rows[0].backlogRate).toFixed(2)}×`);
  return rows;
}

module.exports = { eventDelivery, pipelineBench };
