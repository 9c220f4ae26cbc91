/**
 * Gateway throughput, side by side in one run (issue 13), part of `npm run bench`; alone:
 * `node bench/gateway.cjs [--quick]` after `npm run build`.
 *
 * Three gateways serve the same supergraph in front of the same four subgraphs, in this process:
 *  - ours, with the pooled undici client for subgraph calls (gateway/src/fetcher.ts, the default);
 *  - ours, with Apollo's default HTTP client (make-fetch-happen), the client it replaced;
 *  - Hive Gateway (@graphql-hive/gateway-runtime from npm, benchmark-only), the anchor, given the
 *    same identity headers by a plugin that verifies the same access token.
 * The load generator (autocannon) runs in a child process. Each cell of the table runs the three
 * one after the other, so the machine's noise falls on all three alike: read the ratios.
 * Queries: `me`, and the dashboard (the firm's client list with assignments) at BENCH_GW_CLIENTS
 * (100) clients; at 1, 10 and 50 connections. Prints one table; writes .data/bench-gateway.json.
 */
const { execFile } = require('node:child_process');
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const http = require('node:http');
const { join } = require('node:path');
const { promisify } = require('node:util');
const { gatewayRequest } = require('../system/dist');
const { startGateway, SUPERGRAPH_PATH } = require('../gateway/dist');
const { AccessTokenVerifier, GATEWAY_SECRET_HEADER, IDENTITY_HEADER, encodeIdentity, createLogger } = require('../packages/kit/dist');
const { signUp, seedClients } = require('./support.cjs');

const QUERIES = {
  me: '{ me { id firstName lastName permissions firm { id name } } }',
  dashboard: `{ myClients { id businessName myPermissions firmLink { permissions firm { name } }
    assignments { role member { firstName lastName } } groups { name } timeTracking { status } } }`,
};

/** Hive Gateway in front of the system's subgraphs, on an ephemeral port. */
async function startHiveGateway(system) {
  const { createGatewayRuntime } = require('@graphql-hive/gateway-runtime');
  const supergraph = readFileSync(SUPERGRAPH_PATH, 'utf8');
  const verifier = await AccessTokenVerifier.fromPem(system.keys.publicKeyPem);
  // The supergraph's URLs name the default ports; send each call to where that subgraph runs here.
  const targets = {};
  for (const [, name, url] of supergraph.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) {
    const key = name === 'payroll-sync' ? 'payrollSync' : name;
    targets[url] = { url: system.services[key].url, secret: system.secrets[name] };
  }
  const identities = new WeakMap();
  const identityOf = (context) => {
    if (!identities.has(context)) {
      const token = /^Bearer (.+)$/.exec(context.request.headers.get('authorization') ?? '')?.[1];
      identities.set(context, token ? verifier.verify(token).then((v) => v.identity) : Promise.resolve(undefined));
    }
    return identities.get(context);
  };
  const runtime = createGatewayRuntime({
    supergraph,
    logging: process.env.BENCH_HIVE_LOG ?? false,
    plugins: () => [
      {
        async onFetch({ url, setURL, options, setOptions, context }) {
          const target = targets[url];
          if (!target) return;
          const identity = await identityOf(context);
          setURL(target.url);
          const headers = typeof options.headers?.entries === 'function' ? Object.fromEntries(options.headers.entries()) : { ...options.headers };
          setOptions({
            ...options,
            headers: { ...headers, [GATEWAY_SECRET_HEADER]: target.secret, ...(identity ? { [IDENTITY_HEADER]: encodeIdentity(identity) } : {}) },
          });
        },
      },
    ],
  });
  const server = http.createServer(runtime);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/graphql`,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await runtime.dispose?.();
    },
  };
}

async function load(url, token, query, connections, seconds) {
  const args = JSON.stringify({ url, token, body: JSON.stringify({ query }), connections, seconds });
  const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'load.cjs'), args], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout);
}

async function gatewayBench(system, { quick = false } = {}) {
  const clients = Number(process.env.BENCH_GW_CLIENTS ?? 100);
  const seconds = quick ? 2 : 5;
  console.log(`\n4. gateways side by side: ${seconds} s per cell, dashboard at ${clients} clients (autocannon in a child process)`);
  const firm = await signUp(system, 'gateways');
  await seedClients(system, firm, clients);
  const apolloClient = await startGateway(
    {
      host: '127.0.0.1',
      port: 0,
      supergraphPath: SUPERGRAPH_PATH,
      tokenPublicKeyPem: system.keys.publicKeyPem,
      replicaId: `bench-apollo-client-${process.pid}`,
      subgraphClient: 'apollo',
      subgraphs: {
        firms: { url: system.services.firms.url, secret: system.secrets.firms },
        clients: { url: system.services.clients.url, secret: system.secrets.clients },
        invitations: { url: system.services.invitations.url, secret: system.secrets.invitations },
        'payroll-sync': { url: system.services.payrollSync.url, secret: system.secrets['payroll-sync'] },
      },
    },
    createLogger({ name: 'bench-gateway', level: 'warn' }),
    system.transport,
  );
  const hive = await startHiveGateway(system);
  const gateways = { ours: system.gatewayUrl, 'ours, Apollo client': apolloClient.url, 'Hive Gateway': hive.url };
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const rows = [];
  try {
    // The same answer from each before any load: the comparison is of equal work.
    for (const [name, query] of Object.entries(QUERIES)) {
      const answers = [];
      for (const url of Object.values(gateways)) answers.push(JSON.stringify(await gatewayRequest(url, query, {}, firm.token)));
      if (answers.some((a) => a !== answers[0]) || answers[0].includes('"errors"')) throw new Error(`the gateways answer ${name} differently: ${answers.map((a) => a.slice(0, 300)).join('\n')}`);
    }
    // Warm up every gateway on both queries (JIT, pooled connections, query plans).
    for (const query of Object.values(QUERIES)) for (const url of Object.values(gateways)) await load(url, firm.token, query, 10, 1);
    let turn = 0;
    const idleRss = process.memoryUsage().rss;
    console.log('query      conns  gateway               req/s   p50   p97.5  p99 ms  fail  ratio to Hive');
    for (const [name, query] of Object.entries(QUERIES)) {
      for (const connections of [1, 10, 50]) {
        const cell = {};
        // Each gateway goes first in turn, so none always meets a cold or a warm machine.
        const order = Object.entries(gateways);
        for (let i = 0; i < turn % order.length; i++) order.push(order.shift());
        turn++;
        for (const [gw, url] of order) cell[gw] = await load(url, firm.token, query, connections, seconds);
        for (const gw of Object.keys(gateways)) {
          const r = cell[gw];
          const fail = r.timeouts + r.errors + r.non2xx;
          const ratio = r.rps / cell['Hive Gateway'].rps;
          rows.push({ query: name, connections, gateway: gw, ...r, ratioToHive: Number(ratio.toFixed(2)) });
          console.log(`${name.padEnd(10)} ${String(connections).padStart(5)}  ${gw.padEnd(20)} ${r.rps.toFixed(0).padStart(6)} ${String(r.p50).padStart(5)} ${String(r.p97_5).padStart(6)} ${String(r.p99).padStart(6)} ${String(fail).padStart(5)}  ${ratio.toFixed(2)}×`);
        }
      }
    }
    const rssMiB = { idle: Math.round(idleRss / 2 ** 20), peak: Math.round(peakRss / 2 ** 20) };
    console.log(`RSS of this process (four subgraphs and three gateways): ${rssMiB.idle} MiB idle, ${rssMiB.peak} MiB peak`);
    mkdirSync(join(__dirname, '..', '.data'), { recursive: true });
    writeFileSync(join(__dirname, '..', '.data', 'bench-gateway.json'), `${JSON.stringify({ at: new Date().toISOString(), clients, seconds, rows, rssMiB }, null, 2)}\n`);
    return rows;
  } finally {
    clearInterval(sampler);
    await hive.stop();
    await apolloClient.stop();
  }
}

module.exports = { gatewayBench };

if (require.main === module) {
  const { startSystem } = require('../system/dist');
  (async () => {
    const system = await startSystem({ logger: createLogger({ name: 'bench', level: 'warn' }), mailDir: require('node:os').tmpdir() + `/advisor-bench-mail-${process.pid}` });
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
