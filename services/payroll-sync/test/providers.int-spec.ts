import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawnTaxAuthoritySimulator, type SpawnedSimulator } from '@advisor/tax-authority-sim';
import { spawnTimeTrackingSimulator } from '@advisor/time-tracking-sim';
import {
  HttpTaxAuthorityProvider,
  HttpTimeTrackingProvider,
  ProviderError,
  type EmployerFiling,
  type TaxAuthorityConnection,
  type TimeTrackingConnection,
} from '../src/providers';

/**
 * The payroll-sync adapters against the simulators, each running as its own process: real HTTP,
 * real time-outs and refusals (ARCHITECTURE "Outside systems"). Nothing here is mocked.
 */
async function admin<T = any>(base: string, method: string, path: string, body?: unknown): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** What a call rejected with, as the sync sees it. */
async function failure(promise: Promise<unknown>): Promise<Pick<ProviderError, 'kind' | 'code' | 'retryable' | 'status' | 'provider'>> {
  try {
    await promise;
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    return { kind: err.kind, code: err.code, retryable: err.retryable, status: err.status, provider: err.provider };
  }
  throw new Error('expected a ProviderError');
}

describe('time-tracking adapter against the time-tracking simulator (own process)', () => {
  let sim: SpawnedSimulator;
  let provider: HttpTimeTrackingProvider;
  let connection: TimeTrackingConnection;
  let worker: { id: string };
  let manager: { id: string };
  let shift: { id: string };

  beforeAll(async () => {
    sim = await spawnTimeTrackingSimulator();
    provider = new HttpTimeTrackingProvider({ baseUrl: sim.url, timeoutMs: 1_000 });
    const companyId = randomUUID();
    const { apiKey } = await admin<{ apiKey: string }>(sim.url, 'POST', '/admin/companies', { id: companyId, name: 'Acme', timeZone: 'America/Chicago' });
    connection = { companyId, apiKey };
    worker = await admin(sim.url, 'POST', `/admin/companies/${companyId}/workers`, { firstName: 'Ann', lastName: 'Lee', email: 'ann@acme.test', kind: 'W2', payRateCents: 2500 });
    manager = await admin(sim.url, 'POST', `/admin/companies/${companyId}/workers`, { firstName: 'Max', lastName: 'Roe', email: 'max@acme.test', kind: 'W2', isManager: true });
    shift = await admin(sim.url, 'POST', `/admin/companies/${companyId}/shifts`, { workerId: worker.id, start: '2025-01-06T15:00:00Z', end: '2025-01-06T23:00:00Z', breakMinutes: 30 });
    await admin(sim.url, 'POST', `/admin/companies/${companyId}/shifts/${shift.id}/approve`, { approvedBy: manager.id });
  });
  afterAll(() => sim?.stop());
  afterEach(() => admin(sim.url, 'DELETE', '/admin/faults'));

  it('P1: connecting verifies the company; a wrong key is UNAUTHORIZED and not retried', async () => {
    expect(await provider.getCompany(connection)).toEqual({ id: connection.companyId, name: 'Acme', timeZone: 'America/Chicago' });
    expect(await failure(provider.getCompany({ ...connection, apiKey: 'tt_wrong' }))).toEqual({
      provider: 'time-tracking',
      kind: 'UNAUTHORIZED',
      code: 'UNAUTHORIZED',
      retryable: false,
      status: 401,
    });
  });

  it('P1: members both ways: created once by externalRef, flags and pay rate changed, read back as changes', async () => {
    const member = { externalRef: `member-${randomUUID()}`, firstName: 'Bo', lastName: 'Ek', email: 'bo@acme.test', kind: 'CONTRACTOR' as const };
    const first = await provider.createWorker(connection, member);
    const again = await provider.createWorker(connection, member);
    expect(first).toMatchObject({ created: true, worker: { externalRef: member.externalRef, kind: 'CONTRACTOR', payRateCents: null, isAdmin: false } });
    expect(again).toEqual({ created: false, worker: first.worker });

    const updated = await provider.updateWorker(connection, first.worker.id, { isAdmin: true, payRateCents: 5150 });
    expect(updated).toMatchObject({ isAdmin: true, payRateCents: 5150 });
    expect(updated.sequence).toBeGreaterThan(first.worker.sequence);

    const page1 = await provider.listWorkers(connection, { since: 0, limit: 2 });
    expect(page1.items.map((w) => w.id)).toEqual([worker.id, manager.id]);
    expect(page1.hasMore).toBe(true);
    const page2 = await provider.listWorkers(connection, { since: page1.nextSequence });
    expect(page2).toEqual({ items: [updated], nextSequence: updated.sequence, hasMore: false });
  });

  it('P2: approved shifts come with paid minutes and their local date; time off and expenses parse', async () => {
    const entry = await admin<{ id: string }>(sim.url, 'POST', `/admin/companies/${connection.companyId}/time-off`, { workerId: worker.id, date: '2025-01-07', minutes: 480, kind: 'PTO' });
    await admin(sim.url, 'POST', `/admin/companies/${connection.companyId}/time-off/${entry.id}/approve`, { approvedBy: manager.id });
    await admin(sim.url, 'POST', `/admin/companies/${connection.companyId}/expenses`, { workerId: worker.id, date: '2025-01-07', kind: 'TRIP', amountCents: 1999, description: 'Mileage' });

    const shifts = await provider.listShifts(connection);
    expect(shifts.items).toEqual([
      expect.objectContaining({ id: shift.id, workerId: worker.id, status: 'APPROVED', approvedBy: manager.id, minutes: 450, localDate: '2025-01-06', breakMinutes: 30 }),
    ]);
    expect((await provider.listShifts(connection, { since: shifts.nextSequence })).items).toEqual([]);
    expect((await provider.listTimeOff(connection)).items).toEqual([expect.objectContaining({ id: entry.id, kind: 'PTO', status: 'APPROVED', minutes: 480, date: '2025-01-07' })]);
    expect((await provider.listExpenses(connection)).items).toEqual([expect.objectContaining({ kind: 'TRIP', amountCents: 1999, description: 'Mileage' })]);
  });

  it('P3: a receipt is acknowledged; a refused worker is REFUSED with UNKNOWN_WORKER and not retried', async () => {
    expect(await provider.sendShiftReceipt(connection, shift.id, { status: 'SENT' })).toEqual({ shiftId: shift.id, status: 'SENT', reason: null, receivedAt: expect.any(String) });
    await admin(sim.url, 'POST', '/admin/faults', { mode: 'refuse', workerId: worker.id });
    expect(await failure(provider.sendShiftReceipt(connection, shift.id, { status: 'SENT' }))).toEqual({
      provider: 'time-tracking',
      kind: 'REFUSED',
      code: 'UNKNOWN_WORKER',
      retryable: false,
      status: 422,
    });
    expect(await failure(provider.sendShiftReceipt(connection, 'no-such-shift', { status: 'SENT' }))).toMatchObject({ kind: 'REFUSED', code: 'UNKNOWN_SHIFT', status: 404 });
  });

  it('P1: 5xx and 429 are UNAVAILABLE and retryable; the retry after a one-time fault succeeds', async () => {
    await admin(sim.url, 'DELETE', '/admin/stats');
    await admin(sim.url, 'POST', '/admin/faults', { mode: 'error', path: '/shifts', times: 1 });
    expect(await failure(provider.listShifts(connection))).toEqual({ provider: 'time-tracking', kind: 'UNAVAILABLE', code: 'SIMULATED_FAILURE', retryable: true, status: 503 });
    expect((await provider.listShifts(connection)).items).toHaveLength(1);
    const stats = await admin(sim.url, 'GET', '/admin/stats');
    expect(stats.routes['GET /api/companies/:id/shifts'].statuses).toEqual({ '503': 1, '200': 1 });

    await admin(sim.url, 'POST', '/admin/faults', { mode: 'error', status: 429, code: 'RATE_LIMITED', times: 1 });
    expect(await failure(provider.getCompany(connection))).toMatchObject({ kind: 'UNAVAILABLE', code: 'RATE_LIMITED', retryable: true, status: 429 });
    await admin(sim.url, 'POST', '/admin/faults', { mode: 'error', status: 409, code: 'SOMETHING_ELSE', times: 1 });
    expect(await failure(provider.getCompany(connection))).toMatchObject({ kind: 'REFUSED', code: 'SOMETHING_ELSE', retryable: false, status: 409 });
  });

  it('P1 P3: no answer within the time-out is TIMEOUT, retryable; the simulator saw the request aborted', async () => {
    await admin(sim.url, 'DELETE', '/admin/stats');
    await admin(sim.url, 'POST', '/admin/faults', { mode: 'timeout', delayMs: 5_000, path: '/receipts', times: 1 });
    const fast = new HttpTimeTrackingProvider({ baseUrl: sim.url, timeoutMs: 200 });
    expect(await failure(fast.sendShiftReceipt(connection, shift.id, { status: 'SENT' }))).toEqual({ provider: 'time-tracking', kind: 'TIMEOUT', code: 'TIMEOUT', retryable: true, status: undefined });
    for (let i = 0; i < 50 && !(await admin(sim.url, 'GET', '/admin/stats')).routes['POST /api/companies/:id/shifts/:shiftId/receipts']?.statuses.aborted; i += 1) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await admin(sim.url, 'GET', '/admin/stats')).routes['POST /api/companies/:id/shifts/:shiftId/receipts'].statuses).toEqual({ aborted: 1 });
  });

  it('a system that is down is UNAVAILABLE (connection refused), retryable', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as AddressInfo;
        s.close(() => resolve(port));
      });
    });
    const down = new HttpTimeTrackingProvider({ baseUrl: `http://127.0.0.1:${closed}` });
    expect(await failure(down.getCompany(connection))).toEqual({ provider: 'time-tracking', kind: 'UNAVAILABLE', code: 'ECONNREFUSED', retryable: true, status: undefined });
  });
});

describe('adapters refuse answers they cannot read', () => {
  let server: Server;
  let baseUrl: string;
  let answer: { status: number; body: string };

  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('a 200 whose shape is wrong, or which is not JSON, is BAD_RESPONSE (UNAVAILABLE, not retried)', async () => {
    const provider = new HttpTimeTrackingProvider({ baseUrl });
    const connection = { companyId: 'c', apiKey: 'k' };
    answer = { status: 200, body: JSON.stringify({ items: [{ id: 5 }], nextSequence: 1, hasMore: false }) };
    expect(await failure(provider.listShifts(connection))).toEqual({ provider: 'time-tracking', kind: 'UNAVAILABLE', code: 'BAD_RESPONSE', retryable: false, status: undefined });
    answer = { status: 200, body: '<html>maintenance</html>' };
    expect(await failure(provider.getCompany(connection))).toMatchObject({ code: 'BAD_RESPONSE' });
    answer = { status: 502, body: '<html>bad gateway</html>' };
    expect(await failure(new HttpTaxAuthorityProvider({ baseUrl }).listTaxCards({ fein: '12-3456789', apiKey: 'k' }, 2025))).toEqual({
      provider: 'tax-authority',
      kind: 'UNAVAILABLE',
      code: 'HTTP_502',
      retryable: true,
      status: 502,
    });
  });
});

describe('tax-authority adapter against the tax-authority simulator (own process)', () => {
  let sim: SpawnedSimulator;
  let provider: HttpTaxAuthorityProvider;
  let connection: TaxAuthorityConnection;
  const march: EmployerFiling = {
    period: '2025-03',
    grossPayCents: 700_000,
    taxWithheldCents: 178_000,
    employerTaxCents: 53_550,
    lines: [
      { externalRef: 'e-1', grossPayCents: 400_000, taxWithheldCents: 88_000 },
      { externalRef: 'e-2', grossPayCents: 300_000, taxWithheldCents: 90_000 },
    ],
  };

  beforeAll(async () => {
    sim = await spawnTaxAuthoritySimulator();
    provider = new HttpTaxAuthorityProvider({ baseUrl: sim.url, timeoutMs: 1_000 });
    const fein = '12-3456789';
    const { apiKey } = await admin<{ apiKey: string }>(sim.url, 'POST', '/admin/employers', { fein, name: 'Acme Inc.' });
    connection = { fein, apiKey };
    await admin(sim.url, 'POST', `/admin/employers/${fein}/employees`, { externalRef: 'e-1', firstName: 'Ann', lastName: 'Lee', withholdingRateBasisPoints: 2200, year: 2025 });
    await admin(sim.url, 'POST', `/admin/employers/${fein}/employees`, { externalRef: 'e-2', firstName: 'Bo', lastName: 'Ek', ssnLast4: '0042', withholdingRateBasisPoints: 3000, year: 2025 });
  });
  afterAll(() => sim?.stop());
  afterEach(() => admin(sim.url, 'DELETE', '/admin/faults'));

  it('P6: fetches the employees\' tax cards for a year', async () => {
    expect(await provider.getEmployer(connection)).toEqual({ fein: '12-3456789', name: 'Acme Inc.' });
    const cards = await provider.listTaxCards(connection, 2025);
    expect(cards.map((c) => [c.externalRef, c.withholdingRateBasisPoints, c.year, c.ssnLast4])).toEqual([
      ['e-1', 2200, 2025, null],
      ['e-2', 3000, 2025, '0042'],
    ]);
    expect(await provider.listTaxCards(connection, 2024)).toEqual([]);
  });

  it('P6: a wrong key is UNAUTHORIZED; a refusing or failing authority is REFUSED or UNAVAILABLE; a slow one TIMEOUT', async () => {
    expect(await failure(provider.listTaxCards({ ...connection, apiKey: 'ta_wrong' }, 2025))).toMatchObject({ provider: 'tax-authority', kind: 'UNAUTHORIZED', status: 401, retryable: false });
    await admin(sim.url, 'POST', '/admin/faults', { mode: 'refuse', fein: connection.fein, times: 1 });
    expect(await failure(provider.listTaxCards(connection, 2025))).toMatchObject({ kind: 'REFUSED', code: 'REFUSED', status: 422, retryable: false });
    await admin(sim.url, 'POST', '/admin/faults', { mode: 'error', path: '/tax-cards', times: 1 });
    expect(await failure(provider.listTaxCards(connection, 2025))).toMatchObject({ kind: 'UNAVAILABLE', status: 503, retryable: true });
    await admin(sim.url, 'POST', '/admin/faults', { mode: 'timeout', delayMs: 3_000, path: '/tax-cards', times: 1 });
    const fast = new HttpTaxAuthorityProvider({ baseUrl: sim.url, timeoutMs: 150 });
    expect(await failure(fast.listTaxCards(connection, 2025))).toMatchObject({ kind: 'TIMEOUT', retryable: true });
    expect(await provider.listTaxCards(connection, 2025)).toHaveLength(2);
  });

  it('P7: a filing is ACCEPTED; a retried one (same idempotency key) is replayed, not doubled', async () => {
    const key = randomUUID();
    const first = await provider.submitFiling(connection, march, key);
    expect(first).toMatchObject({ replayed: false, filing: { status: 'ACCEPTED', errors: [], period: '2025-03', lines: march.lines } });
    const again = await provider.submitFiling(connection, march, key);
    expect(again).toEqual({ replayed: true, filing: first.filing });
    expect((await provider.listFilings(connection, '2025-03')).filter((f) => f.id === first.filing.id)).toHaveLength(1);
    expect(await failure(provider.submitFiling(connection, { ...march, employerTaxCents: 1 }, key))).toMatchObject({ kind: 'REFUSED', code: 'IDEMPOTENCY_KEY_REUSED', status: 409 });
  });

  it('P7: a filing with errors is a REJECTED result (not a ProviderError), with the authority\'s codes', async () => {
    const wrong = await provider.submitFiling(connection, { ...march, period: '2025-04', grossPayCents: 1, lines: [...march.lines, { externalRef: 'e-9', grossPayCents: 0, taxWithheldCents: 0 }] }, randomUUID());
    expect(wrong.filing.status).toBe('REJECTED');
    expect(wrong.filing.errors.map((e) => e.code)).toEqual(['TOTALS_MISMATCH', 'NO_TAX_CARD']);

    await admin(sim.url, 'POST', `/admin/employers/${connection.fein}/reject-filings`, { reason: 'Employer account is suspended', times: 1 });
    const byAuthority = await provider.submitFiling(connection, { ...march, period: '2025-05' }, randomUUID());
    expect(byAuthority.filing).toMatchObject({ status: 'REJECTED', errors: [{ code: 'REJECTED_BY_AUTHORITY', message: 'Employer account is suspended' }] });
    expect((await provider.listFilings(connection, '2025-05')).map((f) => f.status)).toEqual(['REJECTED']);
  });

  it('P7: a filing that timed out is retried with the same key and counted once', async () => {
    const key = randomUUID();
    await admin(sim.url, 'POST', '/admin/faults', { mode: 'timeout', delayMs: 300, path: '/filings', method: 'POST', times: 1 });
    const fast = new HttpTaxAuthorityProvider({ baseUrl: sim.url, timeoutMs: 100 });
    expect(await failure(fast.submitFiling(connection, { ...march, period: '2025-06' }, key))).toMatchObject({ kind: 'TIMEOUT' });
    await new Promise((r) => setTimeout(r, 400)); // the authority still receives it after we gave up
    const retried = await provider.submitFiling(connection, { ...march, period: '2025-06' }, key);
    expect(retried.replayed).toBe(true);
    expect(await provider.listFilings(connection, '2025-06')).toHaveLength(1);
  });
});
