#!/usr/bin/env node
/**
 * Benchmarks (not tests): `npm run bench`.
 *  1. SQL statements and latency of the firm's client list at 10, 100 and 500 clients.
 *  2. Event delivery (bench/events.cjs): K invitation acceptances through the outbox, the
 *     transport and the idempotent consumer, every one exactly once; events/s, where the time
 *     goes, and accept → visible p50/p99.
 *  3. Payroll (bench/payroll.cjs): approved shift → timecard delay, the 24-hour sync of 1,000
 *     clients × 20 workers, the attention view at 10 and 1,000 clients; key figures (P4) at 10,
 *     100 and 1,000 clients; a tax-card fetch (P6) for 1,000 clients with 2 % failures.
 *  3b. Reports (bench/reports.cjs): for 1,000 clients × 12 months, the first page of the usage log
 *     and the term report, and their CSV download of every row (time, peak memory).
 *  4. Gateways side by side (bench/gateway.cjs): ours with its pooled client, ours with Apollo's
 *     default client, and Hive Gateway as the anchor, on `me` and the dashboard.
 *  5. G2 subscriptions (bench/subscriptions.cjs): event published → frame received, p50/p99, for
 *     100 subscribers across 10 firms; heap per idle subscription.
 * Embedded stores and the in-process transport by default; set BENCH_MYSQL_URL and
 * BENCH_KAFKA_BROKERS (e.g. after `bash scripts/kafka.sh start`) to run on MySQL and Kafka.
 */
const { performance } = require('node:perf_hooks');
const { startSystem, gatewayRequest } = require('../system/dist');
const { createLogger, dropMysqlDatabase } = require('../packages/kit/dist');
const { spawnTimeTrackingSimulator } = require('../simulators/time-tracking/dist');
const { spawnTaxAuthoritySimulator } = require('../simulators/tax-authority/dist');
const { payrollBench, keyFigures, taxCardFetch } = require('./payroll.cjs');
const { reportsBench } = require('./reports.cjs');
const { gatewayBench } = require('./gateway.cjs');
const { signUp, seedClients, settle } = require('./support.cjs');
const { subscriptionsBench } = require('./subscriptions.cjs');
const { eventDelivery, pipelineBench } = require('./events.cjs');

const CLIENT_LIST = `{ myClients { id businessName myPermissions firmLink { permissions firm { name } }
  assignments { role member { firstName lastName } } groups { name } timeTracking { status } } }`;

async function main() {
  const mysqlUrl = process.env.BENCH_MYSQL_URL;
  const brokers = process.env.BENCH_KAFKA_BROKERS?.split(',');
  const prefix = `bench${Date.now().toString(36)}_`;
  const simulator = await spawnTimeTrackingSimulator();
  const taxAuthority = await spawnTaxAuthoritySimulator();
  const system = await startSystem({
    mysqlUrl,
    databasePrefix: prefix,
    kafkaBrokers: brokers,
    kafkaNamespace: `${prefix}.`,
    mailDir: require('node:os').tmpdir() + `/advisor-bench-mail-${process.pid}`,
    logger: createLogger({ name: 'bench', level: 'warn' }),
    payrollSync: { timeTrackingUrl: simulator.url, taxAuthorityUrl: taxAuthority.url, scheduler: { enabled: false, tickMs: 500, concurrency: 8, pollIntervalMs: Number(process.env.BENCH_POLL_MS ?? 30_000) } },
  });
  console.log(`bench on ${mysqlUrl ? 'MySQL' : 'embedded SQLite'} with ${brokers ? 'Kafka' : 'the in-process transport'}`);
  try {
    // BENCH_ONLY=clients|events|pipeline|payroll|reports|gateway|subscriptions runs one part (pipeline: 2c alone).
    const only = process.env.BENCH_ONLY;
    if (!only || only === 'clients') await clientList(system);
    if (!only || only === 'events') await eventDelivery(system, signUp);
    if (!only || only === 'events' || only === 'pipeline') await pipelineBench({ mysqlUrl, brokers });
    if (!only || only === 'payroll') {
      await payrollBench(system, simulator.url, signUp);
      await keyFigures(system, signUp);
      await taxCardFetch(system, taxAuthority.url);
    }
    if (!only || only === 'reports') await reportsBench(system, signUp, seedClients, settle);
    if (!only || only === 'gateway') await gatewayBench(system, { quick: process.argv.includes('--quick') });
    if (!only || only === 'subscriptions') await subscriptionsBench(system, signUp, seedClients);
  } finally {
    await system.stop();
    await simulator.stop();
    await taxAuthority.stop();
    if (mysqlUrl) for (const s of ['firms', 'clients', 'invitations', 'payroll_sync']) await dropMysqlDatabase(`${mysqlUrl}/${prefix}${s}`);
  }
}

async function clientList(system) {
  console.log('\n1. client list: SQL statements per request and latency');
  console.log('clients  statements(clients/firms/payroll-sync)  median ms');
  for (const [i, n] of [10, 100, 500].entries()) {
    const firm = await signUp(system, i);
    await seedClients(system, firm, n);
    for (const s of Object.values(system.services)) { await s.relay?.drain(); await s.relay?.stop(); }
    await settle(system);
    const counts = () => ['clients', 'firms', 'payrollSync'].map((k) => system.services[k].db.statementCount);
    await gatewayRequest(system.gatewayUrl, CLIENT_LIST, {}, firm.token);
    const before = counts();
    await gatewayRequest(system.gatewayUrl, CLIENT_LIST, {}, firm.token);
    const statements = counts().map((c, j) => c - before[j]);
    const times = [];
    for (let r = 0; r < 9; r++) {
      const t = performance.now();
      await gatewayRequest(system.gatewayUrl, CLIENT_LIST, {}, firm.token);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    for (const s of Object.values(system.services)) s.relay?.start();
    console.log(`${String(n).padStart(7)}  ${statements.join('/').padEnd(40)} ${times[4].toFixed(1)}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
