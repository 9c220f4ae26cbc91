#!/usr/bin/env node
/**
 * Benchmarks (not tests): `npm run bench`.
 *  1. The dashboard (first page of 50) at 10, 100, 1,000 and 10,000 clients: SQL statements and
 *     subgraph fetches per request, p50, and 50 connections on the largest firm (bench/run.cjs).
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
const { gatewayBench, spawnGateway, load } = require('./gateway.cjs');
const { signUp, seedClients, seedPayrollClients, settle } = require('./support.cjs');
const { DASHBOARD } = require('./queries.cjs');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { subscriptionsBench } = require('./subscriptions.cjs');
const { eventDelivery, pipelineBench } = require('./events.cjs');


async function main() {
  const quick = process.argv.includes('--quick');
  if (quick) {
    // The CI smoke: payroll at 50 connected clients (each made through the gateway), 8 shifts, a 2 s poll.
    process.env.BENCH_SYNC_CLIENTS ??= '50';
    process.env.BENCH_DELAY_SHIFTS ??= '8';
    process.env.BENCH_POLL_MS ??= '2000';
  }
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
    const kafka = brokers ? { brokers, namespace: `${prefix}.` } : undefined;
    if (!only || only === 'clients') await clientSizes(system, { quick, kafka });
    if (!only || only === 'events') await eventDelivery(system, signUp);
    if (!only || only === 'events' || only === 'pipeline') await pipelineBench({ mysqlUrl, brokers });
    if (!only || only === 'payroll') {
      await payrollBench(system, simulator.url, signUp);
      await keyFigures(system, signUp);
      await taxCardFetch(system, taxAuthority.url);
    }
    if (!only || only === 'reports') await reportsBench(system, signUp, seedClients, settle);
    if (!only || only === 'gateway') await gatewayBench(system, { quick, kafka });
    if (!only || only === 'subscriptions') await subscriptionsBench(system, signUp, seedClients);
  } finally {
    await system.stop();
    await simulator.stop();
    await taxAuthority.stop();
    if (mysqlUrl) for (const s of ['firms', 'clients', 'invitations', 'payroll_sync']) await dropMysqlDatabase(`${mysqlUrl}/${prefix}${s}`);
  }
}

/**
 * Issue 13: what a firm's size costs the dashboard (bench/queries.cjs: the first page of 50 with
 * assignments, names, groups and payroll status), through our gateway in a process of its own:
 * SQL statements per subgraph and subgraph fetches per request, and the p50 (the sizes' requests
 * in turn, 21 rounds) at 10, 100, 1,000 and 10,000 clients (10 and 60 with --quick); then 50
 * connections on the largest firm (time-outs, RSS of the gateway's and the subgraphs' processes).
 * Firms up to 1,000 clients are made as in production (the platform registers each company, the
 * firm asks, its admin accepts); the 10,000-client firm adds new Payroll clients itself, 20 per
 * request (bench/support.cjs). Writes .data/bench-clients.json.
 */
async function clientSizes(system, { quick, kafka }) {
  // BENCH_SIZES=10,10000 measures only those.
  const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : quick ? [10, 60] : [10, 100, 1_000, 10_000];
  console.log(`\n1. the dashboard at ${sizes.join(', ')} clients (first page of 50; our gateway in its own process)`);
  const gateway = await spawnGateway('ours', system, kafka);
  const rows = [];
  const firms = [];
  let largest;
  try {
    console.log('clients  seeded in  statements (clients/firms/invitations/payroll-sync)  fetches  answered');
    for (const [i, n] of sizes.entries()) {
      const firm = await signUp(system, `size${i}`);
      const t0 = performance.now();
      if (n <= 1_000) await seedClients(system, firm, n);
      else await seedPayrollClients(system, firm, n);
      const seededS = (performance.now() - t0) / 1000;
      await settle(system);
      for (const s of Object.values(system.services)) { await s.relay?.drain(); await s.relay?.stop(); }
      await Promise.all([system.services.payrollSync.domain.taxCards.stop(), system.services.payrollSync.domain.scheduler.stop()]);
      const services = ['clients', 'firms', 'invitations', 'payrollSync'];
      const counts = () => services.map((k) => [system.services[k].db.statementCount, system.services[k].requests.calls]);
      const first = await gatewayRequest(gateway.url, DASHBOARD, {}, firm.token);
      if (first.errors) throw new Error(`dashboard at ${n}: ${JSON.stringify(first.errors).slice(0, 300)}`);
      const before = counts();
      const answer = await gatewayRequest(gateway.url, DASHBOARD, {}, firm.token);
      const after = counts();
      const statements = services.map((_, j) => after[j][0] - before[j][0]);
      const fetches = services.map((_, j) => after[j][1] - before[j][1]).reduce((a, b) => a + b, 0);
      system.services.payrollSync.domain.taxCards.start();
      for (const s of Object.values(system.services)) s.relay?.start();
      const page = answer.data.myClientsPage;
      const row = { clients: n, seededSeconds: Math.round(seededS), statements: Object.fromEntries(services.map((k, j) => [k, statements[j]])), fetches, totalCount: page.totalCount, onPage: page.edges.length };
      rows.push(row);
      firms.push(firm);
      largest = firm;
      console.log(`${String(n).padStart(7)}  ${String(row.seededSeconds).padStart(7)} s  ${statements.join('/').padEnd(52)} ${String(fetches).padStart(7)}  ${page.edges.length} of ${page.totalCount}`);
    }
    // Latency side by side: one request per firm in turn, 21 rounds, so the machine's noise falls
    // on every size alike (the machine is shared); p50 per size.
    const times = rows.map(() => []);
    for (let round = 0; round < 21; round++) {
      for (const [j, firm] of firms.entries()) {
        const t = performance.now();
        await gatewayRequest(gateway.url, DASHBOARD, {}, firm.token);
        times[j].push(performance.now() - t);
      }
    }
    for (const [j, row] of rows.entries()) row.p50Ms = Number(times[j].sort((a, b) => a - b)[10].toFixed(1));
    console.log(`p50 ms, the sizes in turn: ${rows.map((r) => `${r.clients}: ${r.p50Ms}`).join(', ')}`);
    const ratio = rows.at(-1).p50Ms / rows[0].p50Ms;
    console.log(`first page p50 at ${rows.at(-1).clients} clients / at ${rows[0].clients}: ${ratio.toFixed(2)}× (issue 13's target: ≤ 1.2×)`);
    // 50 connections on the largest firm's dashboard.
    const seconds = quick ? 2 : 10;
    let subgraphsPeak = process.memoryUsage().rss;
    const sampler = setInterval(() => (subgraphsPeak = Math.max(subgraphsPeak, process.memoryUsage().rss)), 100);
    const idle = await gateway.memory();
    const subgraphsIdle = process.memoryUsage().rss;
    const r = await load(gateway.url, largest.token, DASHBOARD, 50, seconds);
    clearInterval(sampler);
    const peak = await gateway.memory();
    const underLoad = { connections: 50, seconds, rps: r.rps, p50: r.p50, p99: r.p99, timeouts: r.timeouts, errors: r.errors, non2xx: r.non2xx,
      gatewayRssMiB: { idle: idle.rssMiB, peak: peak.peakRssMiB }, subgraphsRssMiB: { idle: Math.round(subgraphsIdle / 2 ** 20), peak: Math.round(subgraphsPeak / 2 ** 20) } };
    console.log(`50 connections for ${seconds} s at ${rows.at(-1).clients} clients: ${r.rps.toFixed(0)} requests/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.timeouts} time-outs, ${r.errors + r.non2xx} errors; RSS MiB: gateway ${idle.rssMiB} → ${peak.peakRssMiB}, subgraphs' process ${underLoad.subgraphsRssMiB.idle} → ${underLoad.subgraphsRssMiB.peak}`);
    const loadAverage = require('node:os').loadavg().map((l) => Number(l.toFixed(1)));
    console.log(`machine load average (1, 5, 15 min): ${loadAverage.join(', ')}`);
    mkdirSync(join(__dirname, '..', '.data'), { recursive: true });
    writeFileSync(join(__dirname, '..', '.data', 'bench-clients.json'), `${JSON.stringify({ at: new Date().toISOString(), rows, p50Ratio: Number(ratio.toFixed(2)), underLoad, loadAverage }, null, 2)}\n`);
  } finally {
    await gateway.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
