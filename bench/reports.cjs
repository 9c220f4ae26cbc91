/**
 * Report benchmarks (SPEC P5), part of `npm run bench` (part f, `BENCH_ONLY=reports`): for a firm
 * of N clients (BENCH_REPORT_CLIENTS, 1000) made through the gateway, each with 12 months of
 * payroll figures, side by side in one run:
 *  - the first page (200 rows) of the usage log and of the term report through the gateway (p50, p95);
 *  - the CSV download of every row (`GET /reports/<name>.csv`, 12 × N and 6 × N rows): time, rows/s,
 *    and the memory of the process that streams it (this one: it hosts the gateway) — peak RSS and
 *    heap above the level before the download, sampled every 10 ms while it runs.
 * The downloading side counts bytes and lines as they arrive and keeps nothing.
 */
const { randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { gatewayRequest } = require('../system/dist');

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const mib = (bytes) => (bytes / 1024 / 1024).toFixed(1);

/** 12 months of figures per client (setup only, as payroll runs and syncs leave them). */
async function seedFigures(system, ids) {
  const db = system.services.payrollSync.db;
  const stamp = () => (db.kind === 'mysql' ? new Date() : new Date().toISOString().replace('T', ' ').replace('Z', ''));
  await db.transaction(async (em) => {
    for (const id of ids) {
      const rows = [];
      for (let m = 1; m <= 12; m++) rows.push([id, `2026-${String(m).padStart(2, '0')}`, 64, 16, 8, 16 * 400_000, 4 * 200_000, 16 * 30_600, 16 * 88_000, 400, 380, 6, stamp()]);
      await em.query(
        `INSERT INTO payroll_month_figures (client_id, month, payslips, employees_paid, contractor_payments, gross_cents, contractor_cents, employer_tax_cents, withheld_cents, shifts, shifts_automated, absences, updated_at)
         VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        rows.flat(),
      );
    }
  });
}

async function firstPage(system, token, query) {
  const times = [];
  for (let r = 0; r < 21; r++) {
    const t = performance.now();
    const res = await gatewayRequest(system.gatewayUrl, query, {}, token);
    if (res.errors) throw new Error(`reports bench: ${JSON.stringify(res.errors)}`);
    if (r > 0) times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

/** Downloads a CSV, counting as it arrives; samples this process's memory meanwhile. */
async function download(system, token, path) {
  global.gc?.();
  const base = process.memoryUsage();
  let peak = { rss: base.rss, heapUsed: base.heapUsed };
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak = { rss: Math.max(peak.rss, m.rss), heapUsed: Math.max(peak.heapUsed, m.heapUsed) };
  }, 10);
  const t = performance.now();
  const res = await fetch(system.gatewayUrl.replace(/\/graphql$/, path), { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`reports bench: ${path} answered ${res.status}: ${await res.text()}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body) {
    bytes += chunk.length;
    for (const b of chunk) if (b === 10) lines++;
  }
  const ms = performance.now() - t;
  clearInterval(sampler);
  return { ms, bytes, rows: lines - 1, rss: peak.rss - base.rss, heap: peak.heapUsed - base.heapUsed };
}

async function reportsBench(system, signUp, seedClients, settle) {
  const n = Number(process.env.BENCH_REPORT_CLIENTS ?? 1000);
  console.log(`\nf. reports (P5) for ${n} clients × 12 months through the gateway: first page, and the CSV of every row`);
  const firm = await signUp(system, `reports-${randomUUID().slice(0, 6)}`);
  const seeded = performance.now();
  const ids = await seedClients(system, firm, n);
  await seedFigures(system, ids);
  await settle(system);
  console.log(`(set-up: ${n} clients through the gateway and their figures in ${((performance.now() - seeded) / 1000).toFixed(0)} s)`);

  const USAGE = '{ payrollUsageReport(fromMonth: "2026-01", toMonth: "2026-12", first: 200) { rows { client { id businessName fein } month payslips contractorPayments absences totalPaidOutCents } nextCursor } }';
  const TERMS = '{ payrollTermReport(fromTerm: "2026-T1", toTerm: "2026-T6", first: 200) { rows { client { id businessName fein } term payslips grossPayCents taxWithheldCents employerTaxCents } nextCursor } }';
  console.log('report           first page (200 rows) p50 / p95 ms   CSV rows   CSV time s   rows/s   MiB   peak RSS +MiB   peak heap +MiB');
  for (const [name, query, path, expected] of [
    ['usage log', USAGE, '/reports/payroll-usage.csv?fromMonth=2026-01&toMonth=2026-12', 12 * n],
    ['term report', TERMS, '/reports/payroll-terms.csv?fromTerm=2026-T1&toTerm=2026-T6', 6 * n],
  ]) {
    const times = await firstPage(system, firm.token, query);
    const csv = await download(system, firm.token, path);
    if (csv.rows !== expected) {
      console.log(`${name}: ${csv.rows} CSV rows, expected ${expected}`);
      process.exitCode = 1;
    }
    console.log(
      `${name.padEnd(16)} ${`${pct(times, 50).toFixed(1)} / ${pct(times, 95).toFixed(1)}`.padStart(36)}   ${String(csv.rows).padStart(8)}   ${(csv.ms / 1000).toFixed(1).padStart(10)}   ${String(Math.round(csv.rows / (csv.ms / 1000))).padStart(6)}   ${mib(csv.bytes).padStart(4)}   ${mib(csv.rss).padStart(13)}   ${mib(csv.heap).padStart(14)}`,
    );
  }
}

module.exports = { reportsBench };
