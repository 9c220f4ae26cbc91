#!/usr/bin/env node
/**
 * SPEC D3, scale-out proven (`npm run scaleout`; a short run is in npm test,
 * test/deploy/scaleout.e2e-spec.ts): two replicas of every subgraph and two gateways as separate
 * processes on one MySQL and one Kafka; each subgraph's replicas behind a round-robin proxy (what
 * a Kubernetes Service does). Acceptances go through both gateways in turn while one replica of
 * clients and one of invitations are killed with SIGKILL midway (and restarted, as Kubernetes
 * would). Afterwards: every invitation accepted exactly once (one link, one acceptor assignment,
 * one client.linked, one copy in firms and invitations, one integration in payroll-sync), both
 * replicas' outbox relays drained with no claim left, each scheduled sync of the connected
 * clients ran once (payroll-sync's two schedulers share the jobs), and both gateways' revocation
 * subscribers got a log-out.
 *
 * Options: --acceptances=<n> (default 500), --keep (keep the run dir). Environment:
 * CHAOS_MYSQL_URL (default mysql://root@127.0.0.1:3306), CHAOS_KAFKA_BROKERS (an existing broker,
 * with a namespace of the run's own; default: a broker of its own on free ports).
 */
const { createHash } = require('node:crypto');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Cluster, SERVICES, sleep } = require('./cluster.cjs');
const W = require('./workload.cjs');

const FIRMS = 8;
/** Clients that connect time tracking, so payroll-sync's two replicas have scheduled syncs to share. */
const SCHEDULED_CLIENTS = 4;
const SYNC_INTERVAL_MS = 10_000;
const PASSWORD = 'chaos suite passphrase 1';
const CONNECT = `mutation($i: ConnectTimeTrackingInput!) { connectTimeTracking(input: $i) { status } }`;
const LOG_IN_CLIENT = `mutation($e: String!, $p: String!) { logInClientAdmin(email: $e, password: $p) { accessToken } }`;
const LOG_OUT = `mutation { logOut }`;
const ME = `query { myClients { id } }`;
const LOG_IN = `mutation($u: String!, $p: String!) { logIn(username: $u, password: $p) { accessToken } }`;

/**
 * Runs the proof and returns its figures and the list of what failed (empty when D3 holds).
 * `log` prints progress; `brokers` uses an existing broker.
 */
async function runScaleOut({ acceptances = 500, brokers, mysqlUrl = 'mysql://root@127.0.0.1:3306', keep = false, log = console.log } = {}) {
  const failures = [];
  const figures = { acceptances };
  const { spawnTimeTrackingSimulator } = require('../simulators/time-tracking/dist/spawn.js');
  const simulator = await spawnTimeTrackingSimulator();
  const cluster = new Cluster({
    mysqlUrl,
    brokers,
    runDir: mkdtempSync(join(tmpdir(), 'advisor-scaleout-')),
    log,
    env: {
      'payroll-sync': {
        TIME_TRACKING_URL: simulator.url,
        SYNC_INTERVAL_MS: String(SYNC_INTERVAL_MS),
        SYNC_TICK_MS: '500',
        SYNC_POLL_INTERVAL_MS: '300000',
      },
    },
  });
  let checks;
  try {
    await cluster.startBroker();
    await cluster.createDatabases();
    let t = Date.now();
    await cluster.startAll({ replicas: 2 });
    figures.startMs = Date.now() - t;
    log(`two replicas of ${SERVICES.join(', ')} and two gateways up in ${(figures.startMs / 1000).toFixed(1)} s`);
    checks = await W.openChecks(cluster);
    const clients = await W.seedClients(cluster, checks, acceptances + FIRMS + SCHEDULED_CLIENTS);
    const scheduled = clients.splice(0, SCHEDULED_CLIENTS);
    // Scheduled work: these clients' admins connect time tracking; both payroll-sync replicas
    // then look for due syncs every 500 ms.
    const connectedAt = Date.now();
    for (const c of scheduled) {
      const { apiKey } = await sim(simulator.url, 'POST', '/admin/companies', { id: c.clientId, name: 'Scale-out client', timeZone: 'America/New_York' });
      const login = await W.gql(cluster.gatewayUrl, LOG_IN_CLIENT, { e: c.email, p: PASSWORD });
      const res = await W.gql(
        cluster.gatewayUrl,
        CONNECT,
        { i: { clientId: c.clientId, providerCompanyId: c.clientId, apiKey, payFrequency: 'WEEKLY' } },
        login.data.logInClientAdmin.accessToken,
      );
      if (res.errors) throw new Error(`connecting time tracking failed: ${JSON.stringify(res.errors)}`);
    }

    const firms = await W.signUpFirms(cluster, FIRMS);
    await waitFor(async () => Number((await checks.q('clients', 'SELECT COUNT(*) AS n FROM firm_members'))[0].n) >= FIRMS, 60_000, 'firm members to reach clients');
    await W.inviteFirms(cluster, clients, firms);
    const tokens = firms.reduce((n, f) => n + f.tokens.length, 0);
    if (tokens < acceptances) throw new Error(`only ${tokens} invitations for ${acceptances} acceptances`);

    // The load: acceptances through both gateways in turn; one replica of clients and one of
    // invitations killed halfway, restarted 3 s later.
    await W.logInFirms(cluster, firms);
    const urls = cluster.gatewayNames.map((g) => cluster.gatewayUrlOf(g));
    t = Date.now();
    const load = W.startWorkers(cluster, firms, { workers: 8, total: acceptances, urls, maxAttempts: 30 });
    await waitFor(async () => load.started() >= acceptances / 2, 600_000, 'half of the acceptances');
    const killedAt = Date.now();
    await Promise.all([cluster.kill9('clients.1'), cluster.kill9('invitations.1')]);
    log(`SIGKILL clients.1 and invitations.1 after ${load.started()} acceptances started`);
    await sleep(3000);
    await Promise.all([cluster.start('clients.1'), cluster.start('invitations.1')]);
    figures.restartMs = Date.now() - killedAt;
    await load.done;
    figures.loadMs = Date.now() - t;
    const all = W.summarize(load.attempts);
    const during = W.summarize(load.attempts, killedAt, killedAt + figures.restartMs + 2000);
    const perGateway = Object.fromEntries(urls.map((u, i) => [cluster.gatewayNames[i], load.attempts.filter((a) => a.url === u && a.outcome === 'ok').length]));
    Object.assign(figures, { requests: all.requests, failedRequests: all.failed, failures: all.failures, fiveHundreds: all.fiveHundreds, okPerGateway: perGateway, p99: all.p99, p99DuringKill: during.p99 });
    log(`${acceptances} acceptances in ${(figures.loadMs / 1000).toFixed(1)} s: ${all.requests} requests, ${all.failed} failed and retried ${JSON.stringify(all.failures)}, ok per gateway ${JSON.stringify(perGateway)}`);

    // Everything arrives once, and both replicas' relays are done.
    t = Date.now();
    let state;
    for (;;) {
      state = await checks.verify();
      if ((state.lost === 0 && state.unpublished === 0) || Date.now() - t > 60_000) break;
      await sleep(200);
    }
    figures.drainMs = Date.now() - t;
    const links = Number((await checks.q('clients', 'SELECT COUNT(*) AS n FROM firm_client_links WHERE ended_at IS NULL'))[0].n);
    const assignments = Number((await checks.q('clients', 'SELECT COUNT(*) AS n FROM assignments'))[0].n);
    let claims = 0;
    for (const s of ['firms', 'clients', 'invitations']) {
      claims += Number((await checks.q(s, 'SELECT COUNT(*) AS n FROM outbox_events WHERE claim_token IS NOT NULL'))[0].n);
    }
    Object.assign(figures, { accepted: state.accepted, links, assignments, lost: state.lost, doubled: state.doubled, unpublished: state.unpublished, claimsLeft: claims });
    log(`accepted ${state.accepted}, links ${links}, acceptor assignments ${assignments}, lost ${state.lost}, doubled ${state.doubled}, unpublished ${state.unpublished}, claims left ${claims}, drained in ${(figures.drainMs / 1000).toFixed(1)} s`);
    if (state.accepted !== acceptances) failures.push(`${state.accepted} invitations accepted, expected ${acceptances}`);
    if (links !== acceptances) failures.push(`${links} links, expected ${acceptances}`);
    if (assignments !== acceptances) failures.push(`${assignments} acceptor assignments, expected ${acceptances}`);
    if (state.lost) failures.push(`${state.lost} acceptances lost ${JSON.stringify(state.lostWhere)}`);
    if (state.doubled) failures.push(`${state.doubled} acceptances doubled`);
    if (state.unpublished || claims) failures.push(`outboxes not drained: ${state.unpublished} unpublished, ${claims} claims left`);

    // Both gateways' revocation subscribers: a log-out through one gateway is refused by both.
    const firm = firms[0];
    const session = (await W.gql(urls[0], LOG_IN, { u: firm.username, p: PASSWORD })).data.logIn.accessToken;
    if ((await W.gql(urls[1], ME, {}, session)).errors) failures.push('a fresh session was refused by the second gateway');
    await W.gql(urls[0], LOG_OUT, {}, session);
    t = Date.now();
    const refusedBy = async (url) => Boolean((await W.gql(url, ME, {}, session)).errors);
    await waitFor(async () => (await refusedBy(urls[0])) && (await refusedBy(urls[1])), 10_000, 'both gateways to refuse the ended session').catch((err) => failures.push(err.message));
    figures.revocationMs = Date.now() - t;

    // Scheduled work ran once per slot: SPEC P1's slots are each client's own time of day
    // (sync-scheduler.ts nextDailySlot); two runs in one slot would be a sync done twice.
    await sleep(Math.max(0, connectedAt + 2 * SYNC_INTERVAL_MS + 1000 - Date.now()));
    const runs = await checks.q('payroll-sync', "SELECT client_id AS clientId, started_at AS startedAt, finished_at AS finishedAt FROM sync_runs WHERE cause = 'SCHEDULE' ORDER BY started_at");
    const elapsedSlots = Math.floor((Date.now() - connectedAt) / SYNC_INTERVAL_MS);
    const perSlot = new Map();
    const perClient = new Map(scheduled.map((c) => [c.clientId, 0]));
    for (const r of runs) {
      const offset = createHash('sha1').update(r.clientId).digest().readUInt32BE(0) % SYNC_INTERVAL_MS;
      const key = `${r.clientId}/${Math.floor((new Date(r.startedAt).getTime() - offset) / SYNC_INTERVAL_MS)}`;
      perSlot.set(key, (perSlot.get(key) ?? 0) + 1);
      perClient.set(r.clientId, (perClient.get(r.clientId) ?? 0) + 1);
    }
    const twice = [...perSlot.values()].filter((n) => n > 1).length;
    const missed = [...perClient.values()].filter((n) => n < elapsedSlots - 1).length;
    Object.assign(figures, { scheduledRuns: runs.length, scheduledTwice: twice, slotsElapsed: elapsedSlots, clientsBehindSchedule: missed });
    log(`scheduled syncs: ${runs.length} runs for ${SCHEDULED_CLIENTS} clients over ${elapsedSlots} slots, ${twice} slots run twice, ${missed} clients behind`);
    if (twice) failures.push(`${twice} scheduled syncs ran twice`);
    if (missed) failures.push(`${missed} connected clients missed scheduled syncs`);
    if (runs.length === 0) failures.push('no scheduled sync ran');
    figures.errorLines = cluster.errorLines();
  } finally {
    await cluster.stopAll().catch(() => undefined);
    await checks?.close().catch(() => undefined);
    await cluster.stopBroker().catch((err) => log(`could not stop the broker: ${err.message}`));
    await cluster.dropDatabases();
    await simulator.stop().catch(() => undefined);
    if (!keep) cluster.cleanupRunDir();
    else log(`run dir kept: ${cluster.runDir}`);
  }
  return { figures, failures };
}

async function sim(url, method, path, body) {
  const res = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function waitFor(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

module.exports = { runScaleOut };

if (require.main === module) {
  const args = process.argv.slice(2);
  const acceptances = Number(args.find((a) => a.startsWith('--acceptances='))?.slice(14) ?? 500);
  const started = Date.now();
  const log = (msg) => console.log(`[scaleout ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);
  runScaleOut({ acceptances, brokers: process.env.CHAOS_KAFKA_BROKERS, mysqlUrl: process.env.CHAOS_MYSQL_URL, keep: args.includes('--keep'), log })
    .then(({ figures, failures }) => {
      console.log(JSON.stringify(figures, null, 2));
      if (failures.length) {
        console.log(`\nFAILED:\n - ${failures.join('\n - ')}`);
        process.exitCode = 1;
      } else {
        console.log('\nscale-out: nothing lost, nothing doubled, outboxes drained, each scheduled sync once, both gateways revoke');
      }
    })
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}
