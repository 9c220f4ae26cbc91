/**
 * Payroll benchmarks (SPEC P1, P2, P3), part of `npm run bench`:
 *  a. approved shift → SAVED_DRAFT timecard delay through the scheduler's short poll (p50, p99);
 *  b. the 24-hour sync of N connected clients × 20 workers (first sync and a day later): time
 *     and SQL statements per client;
 *  c. the firm-wide attention view at 10 and N clients: SQL statements (flat) and latency.
 * The time-tracking simulator runs as its own process; the connected clients are made through the
 * gateway (the platform account registers each, its admin connects time tracking). Sizes: BENCH_SYNC_CLIENTS (1000),
 * BENCH_DELAY_SHIFTS (40), BENCH_POLL_MS (30000, the product's default poll).
 */
const { randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { gatewayRequest } = require('../system/dist');

async function sim(base, method, path, body) {
  const res = await fetch(base + path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const pastMonday = (weeksBack) => {
  const t = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  return new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * 86400000 - weeksBack * 7 * 86400000).toISOString().slice(0, 10);
};
/**
 * A company in the simulator with `workers` workers (one manager), made and connected as in
 * production, through the gateway: the platform account registers the client company (SPEC C1,
 * G6), its admin signs in and connects time tracking with the company's API key (SPEC P1).
 */
async function connectedClient(system, simUrl, workers, n = Math.floor(Math.random() * 1e9)) {
  const { registerClientAsPlatform } = require('../system/dist');
  const gql = async (query, variables, token) => {
    const res = await gatewayRequest(system.gatewayUrl, query, variables, token);
    if (res.errors) throw new Error(`payroll bench set-up: ${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const admin = { email: `payroll${n}.${stamp}@bench-client.example`, password: 'bench payroll admin 1' };
  const clientId = await registerClientAsPlatform(system, {
    businessName: `Payroll bench ${n} ${stamp}`, fein: `53-${String(1_000_000 + Math.floor(Math.random() * 8_999_999))}`, platform: 'PAYROLL', status: 'ACTIVE',
    customerSuccess: { name: 'CS', phone: '+1 212 555 0100', email: 'cs@platform.example' },
    admins: [{ firstName: 'P', lastName: 'Ayroll', ...admin, permissions: ['MANAGE', 'MANAGE_EMPLOYEES'] }],
  });
  const { apiKey } = await sim(simUrl, 'POST', '/admin/companies', { id: clientId, name: `Bench ${clientId.slice(0, 6)}`, timeZone: 'America/New_York' });
  const ids = [];
  for (let i = 0; i < workers; i++) {
    const w = await sim(simUrl, 'POST', `/admin/companies/${clientId}/workers`, { firstName: `W${i}`, lastName: 'Bench', email: `w${i}@${clientId.slice(0, 8)}.example`, kind: i % 5 === 4 ? 'CONTRACTOR' : 'W2', isManager: i === 0, payRateCents: 2000 + i * 25 });
    ids.push(w.id);
  }
  const token = (await gql('mutation($e: String!, $p: String!) { logInClientAdmin(email: $e, password: $p) { accessToken } }', { e: admin.email, p: admin.password })).logInClientAdmin.accessToken;
  await gql('mutation($i: ConnectTimeTrackingInput!) { connectTimeTracking(input: $i) { status } }', { i: { clientId, providerCompanyId: clientId, apiKey, payFrequency: 'WEEKLY' } }, token);
  return { clientId, workerIds: ids };
}

async function syncDelay(system, simUrl) {
  const n = Number(process.env.BENCH_DELAY_SHIFTS ?? 40);
  const payroll = system.services.payrollSync;
  console.log(`\na. approved shift → SAVED_DRAFT timecard: ${n} shifts approved at random moments, poll every ${payroll.domain.scheduler.options.pollIntervalMs} ms`);
  const c = await connectedClient(system, simUrl, 5);
  await payroll.domain.scheduler.runDueNow(); // the first full sync brings the workers over
  payroll.domain.scheduler.start();
  const monday = pastMonday(1);
  const spread = payroll.domain.scheduler.options.pollIntervalMs * 3;
  const approvedAt = new Map();
  const approvals = [];
  for (let i = 0; i < n; i++) {
    const worker = c.workerIds[1 + (i % 4)];
    const day = Math.floor(i / 4) % 7;
    const hour = 1 + Math.floor(i / 28) * 3;
    const start = new Date(Date.parse(`${monday}T00:00:00Z`) + day * 86400000 + hour * 3600000);
    const shift = await sim(simUrl, 'POST', `/admin/companies/${c.clientId}/shifts`, { workerId: worker, start: start.toISOString(), end: new Date(start.getTime() + 2 * 3600000).toISOString() });
    approvals.push(
      new Promise((resolve) => setTimeout(resolve, Math.random() * spread)).then(async () => {
        await sim(simUrl, 'POST', `/admin/companies/${c.clientId}/shifts/${shift.id}/approve`, { approvedBy: c.workerIds[0] });
        approvedAt.set(shift.id, Date.now());
      }),
    );
  }
  const delays = new Map();
  const deadline = Date.now() + spread + 5 * 60_000;
  while (delays.size < n && Date.now() < deadline) {
    const rows = await payroll.db.manager.query('SELECT shift_id FROM timecard_entries WHERE client_id = ? AND shift_id IS NOT NULL', [c.clientId]);
    for (const r of rows) if (!delays.has(r.shift_id) && approvedAt.has(r.shift_id)) delays.set(r.shift_id, Date.now() - approvedAt.get(r.shift_id));
    await new Promise((r) => setTimeout(r, 100));
  }
  await Promise.all(approvals);
  await payroll.domain.scheduler.stop();
  const sorted = [...delays.values()].sort((a, b) => a - b);
  console.log(`reached timecards ${sorted.length}/${n}; delay p50 ${(pct(sorted, 50) / 1000).toFixed(1)} s, p99 ${(pct(sorted, 99) / 1000).toFixed(1)} s, max ${(sorted[sorted.length - 1] / 1000).toFixed(1)} s (SPEC P2: within 5 minutes)`);
  if (sorted.length < n || sorted[sorted.length - 1] > 5 * 60_000) process.exitCode = 1;
}

async function dailySync(system, simUrl) {
  const n = Number(process.env.BENCH_SYNC_CLIENTS ?? 1000);
  const payroll = system.services.payrollSync;
  console.log(`\nb. 24-hour sync: ${n} connected clients × 20 workers (simulator as its own process)`);
  const [{ workers: workersBefore }] = await payroll.db.manager.query('SELECT COUNT(*) AS workers FROM workers');
  const t0 = performance.now();
  const clients = new Array(n);
  let next = 0;
  // Eight at a time, as bench/support.cjs seeds clients.
  await Promise.all(Array.from({ length: Math.min(8, n) }, async () => {
    for (let i = next++; i < n; i = next++) clients[i] = await connectedClient(system, simUrl, 20, i);
  }));
  console.log(`set-up: ${n} companies with ${n * 20} workers connected in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const scheduler = payroll.domain.scheduler;
  const dueNow = async () => {
    await payroll.db.manager.query("UPDATE sync_jobs SET next_run_at = ? WHERE kind = 'SYNC'", [payroll.db.kind === 'mysql' ? new Date(Date.now() - 1000) : new Date(Date.now() - 1000).toISOString().replace('T', ' ').replace('Z', '')]);
    await payroll.db.manager.query("DELETE FROM sync_jobs WHERE kind = 'POLL'");
  };
  for (const label of ['first sync (every worker new on our side, linked back)', 'a day later (nothing changed)']) {
    await dueNow();
    const before = payroll.db.statementCount;
    const t = performance.now();
    const ran = await scheduler.runDueNow();
    const ms = performance.now() - t;
    const [{ failed }] = await payroll.db.manager.query("SELECT COUNT(*) AS failed FROM time_tracking_integrations WHERE last_sync_status = 'FAILED'");
    console.log(`${label}: ${ran} syncs in ${(ms / 1000).toFixed(1)} s (${scheduler.options.concurrency} at a time: ${(ms / ran).toFixed(1)} ms of wall time per client), ${((payroll.db.statementCount - before) / ran).toFixed(1)} statements per client, ${Number(failed)} failed`);
  }
  const [{ workers }] = await payroll.db.manager.query('SELECT COUNT(*) AS workers FROM workers');
  const expected = Number(workersBefore) + n * 20;
  console.log(`payroll members: ${Number(workers)} (expected ${expected})`);
  if (Number(workers) !== expected) process.exitCode = 1;
  return clients.map((c) => c.clientId);
}

/** Payroll rows for `n` clients linked to a fresh firm: one draft period and one week with an error each (setup only). */
async function attentionFirm(system, signUp, n, label) {
  const firm = await signUp(system, `attention-${label}`);
  const db = system.services.payrollSync.db;
  const stamp = () => (db.kind === 'mysql' ? new Date() : new Date().toISOString().replace('T', ' ').replace('Z', ''));
  await db.transaction(async (em) => {
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      const period = randomUUID();
      await em.query('INSERT INTO client_links (client_id, firm_id, link_id, linked_at, permissions, permissions_at) VALUES (?, ?, ?, ?, ?, ?)', [id, firm.firmId, randomUUID(), stamp(), '["VIEW_PAYROLL"]', stamp()]);
      await em.query('INSERT INTO assignment_copies (client_id, member_id, firm_id, permissions, role, active, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [id, firm.memberId, firm.firmId, '["VIEW_PAYROLL"]', 'RESPONSIBLE', true, stamp()]);
      await em.query('INSERT INTO time_tracking_integrations (client_id, status, created_at, time_zone, pay_frequency) VALUES (?, ?, ?, ?, ?)', [id, 'CONNECTED', stamp(), 'America/Denver', 'WEEKLY']);
      await em.query('INSERT INTO pay_periods (id, client_id, start_date, end_date, deadline) VALUES (?, ?, ?, ?, ?)', [period, id, '2026-11-16', '2026-11-22', '2026-11-23']);
      for (let w = 0; w < 3; w++) await em.query('INSERT INTO timecards (id, client_id, period_id, worker_id, status, edited, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [randomUUID(), id, period, randomUUID(), 'SAVED_DRAFT', false, stamp()]);
      await em.query('INSERT INTO shift_syncs (client_id, shift_id, tt_worker_id, local_date, week_start, start_at, end_at, minutes, status, reason, attempts, resent, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [id, randomUUID(), randomUUID(), '2026-11-17', '2026-11-16', stamp(), stamp(), 60, 'ERROR', 'no pay rate', 1, false, stamp()]);
    }
  });
  return firm;
}

async function attentionView(system, signUp) {
  const n = Number(process.env.BENCH_SYNC_CLIENTS ?? 1000);
  console.log(`\nc. firm-wide payroll attention view: SQL statements (payroll-sync) and latency`);
  console.log('clients  statements  median ms');
  const QUERY = '{ payrollAttention { client { id } draftsDue { deadline drafts overdue daysLeft } weeksWithErrors { weekStart errors toSend } } }';
  const counts = [];
  for (const size of [10, n]) {
    const firm = await attentionFirm(system, signUp, size, size);
    const payroll = system.services.payrollSync;
    for (const s of Object.values(system.services)) { await s.relay?.drain(); await s.relay?.stop(); }
    await gatewayRequest(system.gatewayUrl, QUERY, {}, firm.token);
    const before = payroll.db.statementCount;
    const res = await gatewayRequest(system.gatewayUrl, QUERY, {}, firm.token);
    const statements = payroll.db.statementCount - before;
    if (res.errors || res.data.payrollAttention.length !== size) throw new Error(`attention view: ${JSON.stringify(res.errors ?? res.data.payrollAttention.length)}`);
    const times = [];
    for (let r = 0; r < 9; r++) {
      const t = performance.now();
      await gatewayRequest(system.gatewayUrl, QUERY, {}, firm.token);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    for (const s of Object.values(system.services)) s.relay?.start();
    counts.push(statements);
    console.log(`${String(size).padStart(7)}  ${String(statements).padEnd(10)}  ${times[4].toFixed(1)}`);
  }
  console.log(counts[0] === counts[1] ? 'statements flat' : 'STATEMENTS GROW WITH CLIENTS');
  if (counts[0] !== counts[1]) process.exitCode = 1;
}

async function payrollBench(system, simUrl, signUp) {
  await syncDelay(system, simUrl);
  await dailySync(system, simUrl);
  await attentionView(system, signUp);
}

module.exports = { payrollBench };

/** Clients of a fresh firm with 12 months of key-figure rows each (setup only, as payroll runs and syncs leave them). */
async function figuresFirm(system, signUp, n, label) {
  const firm = await signUp(system, `figures-${label}`);
  const db = system.services.payrollSync.db;
  const stamp = () => (db.kind === 'mysql' ? new Date() : new Date().toISOString().replace('T', ' ').replace('Z', ''));
  await db.transaction(async (em) => {
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      await em.query('INSERT INTO client_links (client_id, firm_id, link_id, linked_at, permissions, permissions_at) VALUES (?, ?, ?, ?, ?, ?)', [id, firm.firmId, randomUUID(), stamp(), '["VIEW_PAYROLL"]', stamp()]);
      await em.query('INSERT INTO assignment_copies (client_id, member_id, firm_id, permissions, role, active, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [id, firm.memberId, firm.firmId, '["VIEW_PAYROLL"]', 'RESPONSIBLE', true, stamp()]);
      await em.query('INSERT INTO time_tracking_integrations (client_id, status, created_at) VALUES (?, ?, ?)', [id, 'CONNECTED', stamp()]);
      for (let m = 1; m <= 12; m++) {
        await em.query(
          'INSERT INTO payroll_month_figures (client_id, month, payslips, employees_paid, contractor_payments, gross_cents, contractor_cents, employer_tax_cents, shifts, shifts_automated, absences, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [id, `2026-${String(m).padStart(2, '0')}`, 64, 16, 8, 16 * 400_000, 4 * 200_000, 16 * 30_600, 400, 380, 6, stamp()],
        );
      }
    }
  });
  return firm;
}

/** SPEC P4: key figures through the gateway at 10, 100 and N clients (20 employees, 12 months each): p50, p95 and SQL statements. */
async function keyFigures(system, signUp) {
  const n = Number(process.env.BENCH_SYNC_CLIENTS ?? 1000);
  console.log(`\nd. key figures (P4) through the gateway: SQL statements (payroll-sync), p50 and p95`);
  console.log('clients  statements  p50 ms  p95 ms');
  const QUERY = '{ payrollKeyFigures(month: "2026-06") { payrollClients employeesInService payslipsSent automationLevel totalPaidOutCents } }';
  const counts = [];
  for (const size of [10, 100, n]) {
    const firm = await figuresFirm(system, signUp, size, size);
    const payroll = system.services.payrollSync;
    for (const s of Object.values(system.services)) { await s.relay?.drain(); await s.relay?.stop(); }
    await gatewayRequest(system.gatewayUrl, QUERY, {}, firm.token);
    const before = payroll.db.statementCount;
    const res = await gatewayRequest(system.gatewayUrl, QUERY, {}, firm.token);
    const statements = payroll.db.statementCount - before;
    if (res.errors || res.data.payrollKeyFigures.payrollClients !== size || res.data.payrollKeyFigures.payslipsSent !== 64 * size) throw new Error(`key figures: ${JSON.stringify(res.errors ?? res.data)}`);
    const times = [];
    for (let r = 0; r < 40; r++) {
      const t = performance.now();
      await gatewayRequest(system.gatewayUrl, QUERY, {}, firm.token);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    for (const s of Object.values(system.services)) s.relay?.start();
    counts.push(statements);
    console.log(`${String(size).padStart(7)}  ${String(statements).padEnd(10)}  ${pct(times, 50).toFixed(1).padStart(6)}  ${pct(times, 95).toFixed(1).padStart(6)}`);
  }
  console.log(counts.every((c) => c === counts[0]) ? 'statements flat' : 'STATEMENTS GROW WITH CLIENTS');
  if (!counts.every((c) => c === counts[0])) process.exitCode = 1;
}

/** SPEC P6: one tax-card fetch for N clients with 2 % of the authority's answers failing: time to finish, every client FETCHED or FAILED, none twice. */
async function taxCardFetch(system, taxUrl) {
  const n = Number(process.env.BENCH_SYNC_CLIENTS ?? 1000);
  const payroll = system.services.payrollSync;
  console.log(`\ne. tax-card fetch (P6) for ${n} clients, 2 % of the authority's answers failing (503)`);
  const member = { realm: 'firm', memberId: randomUUID(), firmId: randomUUID(), email: 'bench@firm.example', firmRole: 'ADMIN', permissions: ['VIEW_ALL_CLIENTS'] };
  const ids = [];
  const stamp = () => (payroll.db.kind === 'mysql' ? new Date() : new Date().toISOString().replace('T', ' ').replace('Z', ''));
  for (let i = 0; i < n; i++) {
    const id = randomUUID();
    ids.push(id);
    const fein = `46-${String(1_000_000 + i)}`;
    const { apiKey } = await sim(taxUrl, 'POST', '/admin/employers', { fein, name: `Bench ${i}` });
    await sim(taxUrl, 'POST', `/admin/employers/${fein}/employees`, { externalRef: `e-${i}`, firstName: 'Em', lastName: 'Ployee', withholdingRateBasisPoints: 2000 });
    await payroll.db.transaction(async (em) => {
      await em.query('INSERT INTO client_links (client_id, firm_id, link_id, linked_at, permissions, permissions_at) VALUES (?, ?, ?, ?, ?, ?)', [id, member.firmId, randomUUID(), stamp(), '["VIEW_TAX_DOCUMENTS","RUN_PAYROLL"]', stamp()]);
      await em.query('INSERT INTO assignment_copies (client_id, member_id, firm_id, permissions, role, active, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [id, member.memberId, member.firmId, '["VIEW_TAX_DOCUMENTS","RUN_PAYROLL"]', 'RESPONSIBLE', true, stamp()]);
    });
    await payroll.domain.taxCards.connect(member, { clientId: id, fein, apiKey });
  }
  await sim(taxUrl, 'POST', '/admin/faults', { mode: 'error', status: 503, path: '/tax-cards', rate: 0.02 });
  const t = performance.now();
  const started = await payroll.domain.taxCards.fetch(member, { clientIds: ids });
  // The service's own background runner takes it (as in production); this replica helps too.
  await payroll.domain.taxCards.runDueNow();
  for (let i = 0; i < 6000 && (await payroll.domain.taxCards.fetchView(member, started.id)).status !== 'FINISHED'; i++) await new Promise((r) => setTimeout(r, 50));
  const ms = performance.now() - t;
  await sim(taxUrl, 'DELETE', '/admin/faults');
  const view = await payroll.domain.taxCards.fetchView(member, started.id);
  const [{ attempts }] = await payroll.db.manager.query('SELECT MAX(attempts) AS attempts FROM tax_card_fetch_clients WHERE fetch_id = ?', [started.id]);
  console.log(`finished in ${(ms / 1000).toFixed(1)} s (${(n / (ms / 1000)).toFixed(0)} clients/s): ${view.fetched} FETCHED, ${view.failed} FAILED, ${view.pending} PENDING, status ${view.status}; most attempts on one client: ${attempts}`);
  if (view.status !== 'FINISHED' || view.fetched + view.failed !== n || Number(attempts) !== 1) process.exitCode = 1;
}

module.exports.keyFigures = keyFigures;
module.exports.taxCardFetch = taxCardFetch;
