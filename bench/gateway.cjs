/**
 * Gateway throughput, side by side in one run (issue 13), part of `npm run bench`; alone:
 * `node bench/gateway.cjs [--quick]` after `npm run build`.
 *
 * Three gateways serve the same supergraph in front of the same four subgraphs (this process),
 * each in a process of its own (bench/gateway-process.cjs), as a gateway runs in production:
 *  - ours, with the pooled undici client for subgraph calls (gateway/src/fetcher.ts, the default);
 *  - ours, with Apollo's default HTTP client (make-fetch-happen), the client it replaced;
 *  - Hive Gateway (@graphql-hive/gateway-runtime from npm, benchmark-only), the anchor, given the
 *    same identity headers by a plugin that verifies the same access token.
 * The load generator (autocannon) runs in a child process too. Each cell of the table runs the
 * three one after the other, so the machine's noise falls on all three alike: read the ratios.
 * Queries (bench/queries.cjs): `me`, and the dashboard (the first page of 50 of the firm's clients
 * with assignments, names, groups and payroll status) at BENCH_GW_CLIENTS (100) clients; at 1, 10
 * and 50 connections. Prints one table; writes .data/bench-gateway.json.
 * BENCH_GW_PROFILE=ours writes a CPU profile of that gateway's process to .data/profiles/.
 */
const { execFile, spawn } = require('node:child_process');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const readline = require('node:readline');
const { promisify } = require('node:util');
const { gatewayRequest } = require('../system/dist');
const { createLogger } = require('../packages/kit/dist');
const { signUp, seedClients } = require('./support.cjs');
const { ME, DASHBOARD } = require('./queries.cjs');

const QUERIES = { me: ME, dashboard: DASHBOARD };
const KINDS = { ours: 'ours', 'ours, Apollo client': 'ours-apollo-client', 'Hive Gateway': 'hive' };

/** A gateway in its own process; resolves once it serves. */
async function spawnGateway(kind, system, kafka) {
  const subgraphs = {
    firms: { url: system.services.firms.url, secret: system.secrets.firms },
    clients: { url: system.services.clients.url, secret: system.secrets.clients },
    invitations: { url: system.services.invitations.url, secret: system.secrets.invitations },
    'payroll-sync': { url: system.services.payrollSync.url, secret: system.secrets['payroll-sync'] },
  };
  const profile = process.env.BENCH_GW_PROFILE === kind ? ['--cpu-prof', `--cpu-prof-dir=${join(__dirname, '..', '.data', 'profiles')}`] : [];
  const child = spawn(process.execPath, [...profile, join(__dirname, 'gateway-process.cjs'), JSON.stringify({ kind, publicKeyPem: system.keys.publicKeyPem, subgraphs, kafka })], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout });
  const waiting = [];
  lines.on('line', (line) => waiting.shift()?.(JSON.parse(line)));
  const nextLine = () => new Promise((resolve, reject) => {
    waiting.push(resolve);
    child.once('exit', (code) => reject(new Error(`gateway ${kind} exited (${code})`)));
  });
  const { url } = await nextLine();
  return {
    url,
    memory: () => (child.stdin.write('rss\n'), nextLine()),
    stop: () => new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
}

async function load(url, token, query, connections, seconds) {
  const args = JSON.stringify({ url, token, body: JSON.stringify({ query }), connections, seconds });
  const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'load.cjs'), args], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout);
}

/** Subgraph calls the system's subgraphs answered for one request of `query`. */
async function fetchesPerRequest(system, url, token, query) {
  const calls = () => Object.fromEntries(Object.entries(system.services).map(([k, s]) => [k, s.requests.calls]));
  const before = calls();
  await gatewayRequest(url, query, {}, token);
  const after = calls();
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]).filter(([, n]) => n > 0));
}

async function gatewayBench(system, { quick = false, kafka } = {}) {
  const clients = Number(process.env.BENCH_GW_CLIENTS ?? 100);
  const seconds = quick ? 2 : 5;
  const connectionCounts = quick ? [10] : [1, 10, 50];
  console.log(`\n4. gateways side by side: each gateway in its own process, ${seconds} s per cell, dashboard = first page of 50 at ${clients} clients (autocannon in a child process)`);
  const firm = await signUp(system, 'gateways');
  await seedClients(system, firm, clients);
  const gateways = {};
  for (const [name, kind] of Object.entries(KINDS)) gateways[name] = await spawnGateway(kind, system, kafka);
  const rows = [];
  try {
    // The same answer from each before any load: the comparison is of equal work.
    for (const [name, query] of Object.entries(QUERIES)) {
      const answers = [];
      for (const gw of Object.values(gateways)) answers.push(JSON.stringify(await gatewayRequest(gw.url, query, {}, firm.token)));
      if (answers.some((a) => a !== answers[0]) || answers[0].includes('"errors"')) throw new Error(`the gateways answer ${name} differently: ${answers.map((a) => a.slice(0, 300)).join('\n')}`);
    }
    const fetches = {};
    for (const [name, query] of Object.entries(QUERIES)) fetches[name] = await fetchesPerRequest(system, gateways.ours.url, firm.token, query);
    console.log(`subgraph fetches per request through ours: ${Object.entries(fetches).map(([q, f]) => `${q} ${JSON.stringify(f)}`).join(', ')}`);
    // Warm up every gateway on both queries (JIT, pooled connections, query plans).
    for (const query of Object.values(QUERIES)) for (const gw of Object.values(gateways)) await load(gw.url, firm.token, query, 10, quick ? 1 : 2);
    const idle = {};
    for (const [name, gw] of Object.entries(gateways)) idle[name] = (await gw.memory()).rssMiB;
    let turn = 0;
    console.log('query      conns  gateway               req/s   p50   p97.5  p99 ms  fail  ratio to Hive');
    for (const [name, query] of Object.entries(QUERIES)) {
      for (const connections of connectionCounts) {
        const cell = {};
        // Each gateway goes first in turn, so none always meets a cold or a warm machine.
        const order = Object.entries(gateways);
        for (let i = 0; i < turn % order.length; i++) order.push(order.shift());
        turn++;
        for (const [gw, { url }] of order) cell[gw] = await load(url, firm.token, query, connections, seconds);
        for (const gw of Object.keys(gateways)) {
          const r = cell[gw];
          const fail = r.timeouts + r.errors + r.non2xx;
          const ratio = r.rps / cell['Hive Gateway'].rps;
          rows.push({ query: name, connections, gateway: gw, ...r, ratioToHive: Number(ratio.toFixed(2)) });
          console.log(`${name.padEnd(10)} ${String(connections).padStart(5)}  ${gw.padEnd(20)} ${r.rps.toFixed(0).padStart(6)} ${String(r.p50).padStart(5)} ${String(r.p97_5).padStart(6)} ${String(r.p99).padStart(6)} ${String(fail).padStart(5)}  ${ratio.toFixed(2)}×`);
        }
      }
    }
    const rssMiB = {};
    for (const [name, gw] of Object.entries(gateways)) rssMiB[name] = { idle: idle[name], peak: (await gw.memory()).peakRssMiB };
    console.log(`RSS of each gateway's process, idle → peak MiB: ${Object.entries(rssMiB).map(([n, m]) => `${n} ${m.idle} → ${m.peak}`).join('; ')}`);
    const loadAverage = require('node:os').loadavg().map((l) => Number(l.toFixed(1)));
    console.log(`machine load average (1, 5, 15 min): ${loadAverage.join(', ')}`);
    mkdirSync(join(__dirname, '..', '.data'), { recursive: true });
    writeFileSync(join(__dirname, '..', '.data', 'bench-gateway.json'), `${JSON.stringify({ at: new Date().toISOString(), clients, seconds, fetches, rows, rssMiB, loadAverage }, null, 2)}\n`);
    return rows;
  } finally {
    for (const gw of Object.values(gateways)) await gw.stop();
  }
}

module.exports = { gatewayBench, spawnGateway, load };

if (require.main === module) {
  const { startSystem } = require('../system/dist');
  (async () => {
    const system = await startSystem({ logger: createLogger({ name: 'bench', level: 'warn' }), webDir: null, mailDir: require('node:os').tmpdir() + `/advisor-bench-mail-${process.pid}` });
    try {
      await gatewayBench(system, { quick: process.argv.includes('--quick') });
    } finally {
      await system.stop();
    }
  })().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
