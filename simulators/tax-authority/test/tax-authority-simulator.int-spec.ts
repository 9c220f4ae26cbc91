import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTaxAuthoritySimulator, startTaxAuthoritySimulator, type RunningSimulator } from '@advisor/tax-authority-sim';

/** The tax-authority simulator over real HTTP: auth, tax cards, filings, fault controls, persistence. */
interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(base + path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

let feinCounter = 0;
/** A fresh employer (unique FEIN) with one employee's 2025 tax card. */
async function seedEmployer(base: string) {
  feinCounter += 1;
  const fein = `12-${String(Date.now() % 1_000_000).padStart(6, '0')}${feinCounter % 10}`;
  const created = await call(base, 'POST', '/admin/employers', { fein: fein.replace('-', ''), name: 'Acme Inc.' });
  expect(created.status).toBe(201);
  expect(created.body.employer.fein).toBe(fein);
  const card = await call(base, 'POST', `/admin/employers/${fein}/employees`, { externalRef: 'e-1', firstName: 'Ann', lastName: 'Lee', ssnLast4: '1234', withholdingRateBasisPoints: 2200, year: 2025 });
  expect(card.status).toBe(201);
  const apiKey: string = created.body.apiKey;
  const api = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    call(base, method, `/api/employers/${fein}${path}`, body, { authorization: `Bearer ${apiKey}`, ...headers });
  return { fein, apiKey, api };
}

const march = { period: '2025-03', grossPayCents: 400_000, taxWithheldCents: 88_000, employerTaxCents: 30_600, lines: [{ externalRef: 'e-1', grossPayCents: 400_000, taxWithheldCents: 88_000 }] };

describe('tax-authority simulator over HTTP', () => {
  let sim: RunningSimulator;
  let base: string;

  beforeAll(async () => {
    sim = await startTaxAuthoritySimulator({ port: 0 });
    base = sim.url;
  });
  afterAll(() => sim.stop());
  afterEach(() => call(base, 'DELETE', '/admin/faults'));

  it('P6: the provider API needs the employer\'s own key (401 otherwise)', async () => {
    const a = await seedEmployer(base);
    const b = await seedEmployer(base);
    expect((await a.api('GET', '')).body).toEqual({ fein: a.fein, name: 'Acme Inc.', createdAt: expect.any(String) });
    expect((await call(base, 'GET', `/api/employers/${a.fein}/tax-cards`, undefined, { authorization: `Bearer ${b.apiKey}` })).status).toBe(401);
    expect((await call(base, 'GET', `/api/employers/${a.fein}/tax-cards`)).body.error.code).toBe('UNAUTHORIZED');
  });

  it('P6: tax cards for a year, the FEIN with or without its dash', async () => {
    const e = await seedEmployer(base);
    const cards = await call(base, 'GET', `/api/employers/${e.fein.replace('-', '')}/tax-cards?year=2025`, undefined, { authorization: `Bearer ${e.apiKey}` });
    expect(cards.body).toEqual({ year: 2025, items: [expect.objectContaining({ externalRef: 'e-1', withholdingRateBasisPoints: 2200, year: 2025, ssnLast4: '1234' })] });
    expect((await e.api('GET', '/tax-cards?year=2024')).body.items).toEqual([]);
    expect((await e.api('GET', '/tax-cards?year=soon')).body.error.code).toBe('VALIDATION_FAILED');
  });

  it('P7: filings are ACCEPTED or REJECTED with errors, replayed by idempotency key, listed by period', async () => {
    const e = await seedEmployer(base);
    const accepted = await e.api('POST', '/filings', march, { 'idempotency-key': 'run-1' });
    expect(accepted).toMatchObject({ status: 201, body: { status: 'ACCEPTED', errors: [], period: '2025-03' } });
    const replay = await e.api('POST', '/filings', march, { 'idempotency-key': 'run-1' });
    expect(replay).toEqual({ status: 200, body: accepted.body });
    expect((await e.api('POST', '/filings', { ...march, employerTaxCents: 1 }, { 'idempotency-key': 'run-1' })).body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const rejected = await e.api('POST', '/filings', { ...march, grossPayCents: 1 }, { 'idempotency-key': 'run-2' });
    expect(rejected.body).toMatchObject({ status: 'REJECTED', errors: [{ code: 'TOTALS_MISMATCH' }] });

    await call(base, 'POST', `/admin/employers/${e.fein}/reject-filings`, { reason: 'Payments are overdue', times: 1 });
    const byRule = await e.api('POST', '/filings', march, { 'idempotency-key': 'run-3' });
    expect(byRule.body.errors).toEqual([{ code: 'REJECTED_BY_AUTHORITY', message: 'Payments are overdue' }]);
    expect((await e.api('POST', '/filings', march, { 'idempotency-key': 'run-4' })).body.status).toBe('ACCEPTED');

    expect((await e.api('GET', '/filings?period=2025-03')).body.items.map((f: { status: string }) => f.status)).toEqual(['ACCEPTED', 'REJECTED', 'REJECTED', 'ACCEPTED']);
    expect((await e.api('GET', '/filings?period=2025-04')).body.items).toEqual([]);
    expect((await e.api('POST', '/filings', { ...march, period: '2025-13' })).body.error.code).toBe('VALIDATION_FAILED');
  });

  it('faults: scoped by FEIN and path, `times` counted, /admin untouched; stats show the retry', async () => {
    const a = await seedEmployer(base);
    const b = await seedEmployer(base);
    await call(base, 'DELETE', '/admin/stats');
    await call(base, 'POST', '/admin/faults', { mode: 'error', status: 502, fein: a.fein.replace('-', ''), path: '/filings', times: 1 });
    expect((await b.api('POST', '/filings', march)).status).toBe(201);
    expect((await a.api('GET', '/tax-cards')).status).toBe(200);
    expect((await a.api('POST', '/filings', march, { 'idempotency-key': 'x' })).status).toBe(502);
    expect((await a.api('POST', '/filings', march, { 'idempotency-key': 'x' })).status).toBe(201);
    expect((await call(base, 'GET', '/admin/stats')).body.routes['POST /api/employers/:fein/filings']).toEqual({ count: 3, faulted: 1, statuses: { '201': 2, '502': 1 } });

    await call(base, 'POST', '/admin/faults', { mode: 'refuse', fein: a.fein });
    expect(await a.api('GET', '/tax-cards')).toEqual({ status: 422, body: { error: { code: 'REFUSED', message: expect.any(String) } } });
    expect((await call(base, 'GET', `/admin/employers/${a.fein}`)).status).toBe(200);
  });
});

describe('tax-authority simulator as its own process', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ta-sim-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('P6 P7: employers, cards and filings survive a SIGTERM and a new process (DATA_FILE)', async () => {
    const dataFile = join(dir, 'state.json');
    const first = await spawnTaxAuthoritySimulator({ dataFile });
    const e = await seedEmployer(first.url);
    const filed = await call(first.url, 'POST', `/api/employers/${e.fein}/filings`, march, { authorization: `Bearer ${e.apiKey}`, 'idempotency-key': 'k' });
    await first.stop();

    const second = await spawnTaxAuthoritySimulator({ dataFile });
    try {
      const auth = { authorization: `Bearer ${e.apiKey}` };
      expect((await call(second.url, 'GET', `/api/employers/${e.fein}/tax-cards?year=2025`, undefined, auth)).body.items).toHaveLength(1);
      const replay = await call(second.url, 'POST', `/api/employers/${e.fein}/filings`, march, { ...auth, 'idempotency-key': 'k' });
      expect(replay).toEqual({ status: 200, body: filed.body });
    } finally {
      await second.stop();
    }
  });
});
