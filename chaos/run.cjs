#!/usr/bin/env node
/**
 * Fault injection (`npm run chaos`, `npm run chaos -- --quick`): the standalone services and the
 * gateway as separate processes on real MySQL and a Kafka broker of the suite's own, under
 * acceptance load (SPEC I5: a firm accepts a client's invitation, which travels as events to
 * clients, firms, invitations and payroll-sync). Scenarios: baseline (8 workers), kill -9 of each
 * process at a random moment, the broker paused (SIGSTOP) for CHAOS_PAUSE_SECONDS, every event
 * published again, the same token accepted 10 times at once, SIGTERM of each process under load.
 * Each prints lost, doubled, time to drain, requests failed and p99 latency during the fault; the
 * run exits 1 when anything is lost or doubled, when the API's success rate during the broker
 * pause is below 99 %, when the baseline sees a 500, or when a SIGTERM takes 10 s or more, ends
 * with another exit code than 0, or leaves a consumer in its group.
 *
 * Client companies are registered through the gateway with the platform account (SPEC C1, G6),
 * as the payroll platform does in production.
 *
 * Options: --quick (short pause, lighter load), --only=<scenario,…>, --keep (keep the run dir).
 * Environment: CHAOS_MYSQL_URL (default mysql://root@127.0.0.1:3306), CHAOS_PAUSE_SECONDS
 * (default 60, 10 with --quick), CHAOS_LOG_LEVEL for the processes (default warn).
 */
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Cluster, SERVICES, sleep } = require('./cluster.cjs');
const W = require('./workload.cjs');

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const keep = args.includes('--keep');
const PAUSE_S = Number(process.env.CHAOS_PAUSE_SECONDS ?? (quick ? 10 : 60));
const PROCESSES = [...SERVICES, 'gateway'];
const FIRMS = 8;

const plan = {
  baseline: { total: quick ? 48 : 304 },
  kill: { seconds: quick ? 6 : 10, rate: quick ? 5 : 8 },
  pause: { before: 3, after: quick ? 8 : 12, rate: quick ? 6 : 5 },
  republish: { total: 16 },
  sigterm: { seconds: quick ? 6 : 10, rate: quick ? 5 : 8 },
};
const wants = (name) => !only || only.some((o) => name.startsWith(o));
const needed =
  (wants('baseline') ? plan.baseline.total : 0) +
  (wants('kill') ? PROCESSES.length * plan.kill.seconds * plan.kill.rate : 0) +
  (wants('pause') ? (plan.pause.before + PAUSE_S + plan.pause.after) * plan.pause.rate : 0) +
  (wants('republish') ? plan.republish.total : 0) +
  (wants('same-token') ? 1 : 0) +
  (wants('sigterm') ? PROCESSES.length * plan.sigterm.seconds * plan.sigterm.rate : 0);

const started = Date.now();
const log = (msg) => console.log(`[chaos ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);
const results = [];
const failures = [];

async function main() {
  const cluster = new Cluster({ mysqlUrl: process.env.CHAOS_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306', runDir: mkdtempSync(join(tmpdir(), 'advisor-chaos-')), log });
  let checks;
  const cleanup = async () => {
    await cluster.stopAll().catch(() => undefined);
    await checks?.close().catch(() => undefined);
    await cluster.stopBroker().catch((err) => log(`could not stop the broker: ${err.message}`));
    await cluster.dropDatabases();
    if (!keep) cluster.cleanupRunDir();
    else log(`run dir kept: ${cluster.runDir}`);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      cleanup().finally(() => process.exit(130));
    });
  }
  try {
    log(`${quick ? 'quick' : 'full'} run: broker pause ${PAUSE_S} s, ${needed} invitations to accept; databases ${cluster.prefix}*, topics ${cluster.namespace}*`);
    await cluster.startBroker();
    await cluster.createDatabases();
    await cluster.startAll();
    log(`processes up: ${PROCESSES.map((p) => `${p} :${cluster.ports[p]}`).join(', ')}`);
    checks = await W.openChecks(cluster);
    log(`the platform account registers ${needed + FIRMS} client companies through the gateway`);
    const clients = await W.seedClients(cluster, checks, needed + FIRMS);
    const firms = await W.signUpFirms(cluster, FIRMS);
    // Acceptances assign the acceptor, which the clients service knows from member.joined.
    await waitFor(async () => Number((await checks.q('clients', 'SELECT COUNT(*) AS n FROM firm_members'))[0].n) >= FIRMS, 60_000, 'firm members to reach clients');
    log('client admins invite the firms');
    await W.inviteFirms(cluster, clients, firms);
    log(`${firms.reduce((n, f) => n + f.tokens.length, 0)} invitations ready`);

    const ctx = { cluster, checks, firms };
    if (wants('baseline')) await baseline(ctx);
    if (wants('kill')) for (const p of PROCESSES) await killScenario(ctx, p);
    if (wants('pause')) await brokerPause(ctx);
    if (wants('republish')) await republish(ctx);
    if (wants('same-token')) await sameToken(ctx);
    if (wants('sigterm')) for (const p of PROCESSES) await sigtermScenario(ctx, p);

    const final = await checks.verify();
    log(`all scenarios: ${final.accepted} acceptances committed, lost ${final.lost}, doubled ${final.doubled}`);
    if (final.lost || final.doubled) failures.push(`in the end: lost ${final.lost}, doubled ${final.doubled}`);
    log(`error-level log lines per process over the whole run: ${JSON.stringify(cluster.errorLines())}`);
  } finally {
    printTable();
    await cleanup();
  }
  if (failures.length) {
    console.log(`\nFAILED:\n - ${failures.join('\n - ')}`);
    process.exitCode = 1;
  } else {
    console.log('\nchaos: nothing lost, nothing doubled; every criterion met');
  }
}

async function waitFor(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** Waits until every committed acceptance has reached every service and the outboxes are empty. */
async function drain(ctx, from, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let state;
  for (;;) {
    state = await ctx.checks.verify();
    if ((state.lost === 0 && state.unpublished === 0) || Date.now() > deadline) break;
    await sleep(100);
  }
  return { ...state, drainMs: Date.now() - from };
}

async function record(ctx, name, { load, faultFrom, faultTo, drainFrom, extra = {} }) {
  await load.done;
  // Time to drain: from the end of the fault or of the load, whichever is later.
  const d = await drain(ctx, Math.max(drainFrom, Date.now()));
  const during = W.summarize(load.attempts, faultFrom, faultTo);
  const all = W.summarize(load.attempts);
  const row = {
    scenario: name,
    accepted: all.ok,
    lost: d.lost,
    doubled: d.doubled,
    drainMs: d.drainMs,
    failed: all.failed,
    fiveHundreds: all.fiveHundreds,
    p99Fault: during.p99,
    successFault: during.successRate,
    requestsFault: during.requests,
    ...extra,
  };
  results.push(row);
  const lostWhere = d.lost ? ` (missing: ${JSON.stringify(d.lostWhere)})` : '';
  log(
    `${name}: ${row.accepted} accepted, lost ${row.lost}${lostWhere}, doubled ${row.doubled}, drained in ${(row.drainMs / 1000).toFixed(1)} s, ` +
      `${row.failed} requests failed ${JSON.stringify(all.failures)}, during the fault ${during.requests} requests, ` +
      `${(during.successRate * 100).toFixed(1)} % ok, p99 ${during.p99} ms${Object.keys(extra).length ? `, ${JSON.stringify(extra)}` : ''}`,
  );
  if (d.lost) failures.push(`${name}: ${d.lost} acceptances lost`);
  if (d.doubled) failures.push(`${name}: ${d.doubled} acceptances doubled`);
  return row;
}

async function baseline(ctx) {
  await W.logInFirms(ctx.cluster, ctx.firms);
  const t0 = Date.now();
  const load = W.startWorkers(ctx.cluster, ctx.firms, { workers: 8, total: plan.baseline.total });
  await load.done;
  const row = await record(ctx, 'baseline (8 workers)', { load, faultFrom: t0, faultTo: Infinity, drainFrom: Date.now() });
  if (row.fiveHundreds) failures.push(`baseline: ${row.fiveHundreds} user-visible 500s with 8 parallel workers`);
  ctx.baselineRate = row.accepted / ((Date.now() - t0 - row.drainMs) / 1000);
}

async function killScenario(ctx, name) {
  await W.logInFirms(ctx.cluster, ctx.firms);
  const t0 = Date.now();
  const stopAt = t0 + plan.kill.seconds * 1000;
  const load = W.startWorkers(ctx.cluster, ctx.firms, { workers: 4, ratePerSecond: plan.kill.rate, stopAt });
  await sleep(1000 + Math.random() * (plan.kill.seconds * 1000 - 4000));
  const killedAt = Date.now();
  await ctx.cluster.kill9(name);
  await ctx.cluster.start(name);
  const restartedAt = Date.now();
  await record(ctx, `kill -9 ${name}`, { load, faultFrom: killedAt, faultTo: restartedAt + 2000, drainFrom: restartedAt, extra: { restartMs: restartedAt - killedAt } });
}

async function brokerPause(ctx) {
  await W.logInFirms(ctx.cluster, ctx.firms);
  const t0 = Date.now();
  const pauseAt = t0 + plan.pause.before * 1000;
  const resumeAt = pauseAt + PAUSE_S * 1000;
  const load = W.startWorkers(ctx.cluster, ctx.firms, { workers: 4, ratePerSecond: plan.pause.rate, stopAt: resumeAt + plan.pause.after * 1000 });
  await sleep(pauseAt - Date.now());
  const errorsBefore = ctx.cluster.errorLines();
  ctx.cluster.pauseBroker();
  log(`broker paused (SIGSTOP) for ${PAUSE_S} s`);
  await sleep(resumeAt - Date.now());
  ctx.cluster.resumeBroker();
  const resumedAt = Date.now();
  log('broker resumed (SIGCONT)');
  // The backlog drains while the load goes on: time from the broker's return until everything
  // accepted so far has arrived everywhere.
  const acceptedBefore = (await ctx.checks.verify()).accepted;
  let drainMs;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state = await ctx.checks.verify();
    // Where the time goes: which services still miss how many acceptances, by ms after the return.
    if (process.env.CHAOS_TRACE) {
      // Transactions of this run's databases waiting for a lock, and how long the oldest has waited.
      const [waits] = await ctx.checks.q(
        'clients',
        "SELECT COUNT(*) AS n, COALESCE(MAX(TIMESTAMPDIFF(MICROSECOND, trx_wait_started, NOW(6))), 0) DIV 1000 AS ms FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id WHERE t.trx_state = 'LOCK WAIT' AND p.DB LIKE ?",
        [`${ctx.cluster.prefix}%`],
      );
      log(`backlog +${Date.now() - resumedAt} ms: lost ${state.lost} ${JSON.stringify(state.lostWhere)}, unpublished ${state.unpublished}, lock waits ${waits.n} (oldest ${waits.ms} ms)`);
    }
    if (state.lost === 0 || Date.now() > deadline) {
      drainMs = Date.now() - resumedAt;
      break;
    }
    await sleep(100);
  }
  const errorsAfter = ctx.cluster.errorLines();
  const errorLines = Object.fromEntries(PROCESSES.map((p) => [p, errorsAfter[p] - errorsBefore[p]]).filter(([, n]) => n > 0));
  const during = W.summarize(load.attempts, pauseAt, resumeAt);
  const before = W.summarize(load.attempts, t0, pauseAt);
  const perSecond = (s, seconds) => s.ok / seconds;
  const row = await record(ctx, `broker paused ${PAUSE_S} s`, {
    load,
    faultFrom: pauseAt,
    faultTo: resumeAt,
    drainFrom: resumedAt,
    extra: {
      backlogDrainMs: drainMs,
      backlogAccepted: acceptedBefore,
      okPerSecondBefore: Number(perSecond(before, plan.pause.before).toFixed(1)),
      okPerSecondDuring: Number(perSecond(during, PAUSE_S).toFixed(1)),
      errorLines,
    },
  });
  if (row.successFault < 0.99) failures.push(`broker pause: the API's success rate was ${(row.successFault * 100).toFixed(1)} % (< 99 %)`);
  if (drainMs > 10_000) failures.push(`broker pause: the backlog took ${(drainMs / 1000).toFixed(1)} s to drain after the broker returned (> 10 s)`);
}

async function republish(ctx) {
  await W.logInFirms(ctx.cluster, ctx.firms);
  const load = W.startWorkers(ctx.cluster, ctx.firms, { workers: 4, total: plan.republish.total });
  await load.done;
  await drain(ctx, Date.now());
  const t0 = Date.now();
  let events = 0;
  for (const s of ['firms', 'clients', 'invitations']) {
    const res = await ctx.checks.q(s, 'UPDATE outbox_events SET published_at = NULL, claim_token = NULL, claimed_until = NULL');
    events += res.affectedRows ?? 0;
  }
  log(`every event published again: ${events} outbox rows reset`);
  await record(ctx, 'every event re-published', { load, faultFrom: t0, faultTo: t0, drainFrom: t0, extra: { republished: events } });
}

async function sameToken(ctx) {
  await W.logInFirms(ctx.cluster, ctx.firms);
  const firm = ctx.firms.find((f) => f.tokens.length > 0);
  const token = firm.tokens.shift();
  const t0 = Date.now();
  const answers = await Promise.all(
    Array.from({ length: 10 }, async () => {
      const at = Date.now();
      try {
        const res = await W.gql(ctx.cluster.gatewayUrl, W.ACCEPT, { token }, firm.token);
        const code = res.errors?.[0]?.extensions?.code;
        return { at, ms: Date.now() - at, outcome: res.data?.acceptFirmInvitation ? 'ok' : res.status >= 500 || code === 'INTERNAL_SERVER_ERROR' ? '500' : code };
      } catch {
        return { at, ms: Date.now() - at, outcome: 'network' };
      }
    }),
  );
  const outcomes = {};
  for (const a of answers) outcomes[a.outcome] = (outcomes[a.outcome] ?? 0) + 1;
  const load = { done: Promise.resolve(), attempts: answers };
  await record(ctx, 'same token accepted 10 times at once', { load, faultFrom: t0, faultTo: Infinity, drainFrom: Date.now(), extra: { outcomes } });
}

async function sigtermScenario(ctx, name) {
  await W.logInFirms(ctx.cluster, ctx.firms);
  const t0 = Date.now();
  const load = W.startWorkers(ctx.cluster, ctx.firms, { workers: 4, ratePerSecond: plan.sigterm.rate, stopAt: t0 + plan.sigterm.seconds * 1000 });
  await sleep(1500 + Math.random() * 1000);
  const termAt = Date.now();
  const exit = await ctx.cluster.terminate(name);
  const membersLeft = await ctx.cluster.groupMembers(name);
  await ctx.cluster.start(name);
  const restartedAt = Date.now();
  await record(ctx, `SIGTERM ${name}`, {
    load,
    faultFrom: termAt,
    faultTo: restartedAt + 2000,
    drainFrom: restartedAt,
    extra: { exitMs: exit.ms, exitCode: exit.code, consumersLeftInGroup: membersLeft },
  });
  if (exit.hung || exit.ms >= 10_000) failures.push(`SIGTERM ${name}: still running after ${(exit.ms / 1000).toFixed(1)} s`);
  else if (exit.code !== 0) failures.push(`SIGTERM ${name}: exited with ${exit.code ?? exit.signal}`);
  if (membersLeft !== 0) failures.push(`SIGTERM ${name}: ${membersLeft} consumer(s) still in the group after exit`);
}

function printTable() {
  if (!results.length) return;
  const cols = [
    ['scenario', (r) => r.scenario],
    ['accepted', (r) => r.accepted],
    ['lost', (r) => r.lost],
    ['doubled', (r) => r.doubled],
    ['drain s', (r) => (r.backlogDrainMs ?? r.drainMs) / 1000],
    ['failed', (r) => r.failed],
    ['500s', (r) => r.fiveHundreds],
    ['fault ok %', (r) => (r.successFault * 100).toFixed(1)],
    ['fault p99 ms', (r) => r.p99Fault],
    ['notes', (r) =>
      r.exitMs !== undefined
        ? `exit ${r.exitCode} after ${(r.exitMs / 1000).toFixed(1)} s, ${r.consumersLeftInGroup} left in group`
        : r.restartMs !== undefined
          ? `back after ${(r.restartMs / 1000).toFixed(1)} s`
          : r.okPerSecondDuring !== undefined
            ? `${r.okPerSecondBefore}/s before, ${r.okPerSecondDuring}/s during; error lines ${JSON.stringify(r.errorLines)}`
            : r.outcomes
              ? JSON.stringify(r.outcomes)
              : r.republished !== undefined
                ? `${r.republished} events again`
                : ''],
  ];
  const rows = [cols.map(([h]) => h), ...results.map((r) => cols.map(([, f]) => String(f(r))))];
  const widths = cols.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log('');
  for (const [i, r] of rows.entries()) {
    console.log(r.map((c, j) => (j === 0 || j === cols.length - 1 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
