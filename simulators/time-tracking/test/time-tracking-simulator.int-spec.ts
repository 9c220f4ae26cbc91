import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTimeTrackingSimulator, startTimeTrackingSimulator, type RunningSimulator } from '@advisor/time-tracking-sim';

/** The time-tracking simulator over real HTTP: auth, validation codes, fault controls, stats, persistence. */
interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}, timeoutMs = 10_000): Promise<Answer> {
  const response = await fetch(base + path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A company with a worker, a manager and an approved shift, set up through the admin API. */
async function seedCompany(base: string) {
  const id = randomUUID();
  const created = await call(base, 'POST', '/admin/companies', { id, name: 'Acme', timeZone: 'America/New_York' });
  expect(created.status).toBe(201);
  const worker = (await call(base, 'POST', `/admin/companies/${id}/workers`, { firstName: 'Ann', lastName: 'Lee', email: 'ann@acme.test', kind: 'W2', payRateCents: 2500 })).body;
  const manager = (await call(base, 'POST', `/admin/companies/${id}/workers`, { firstName: 'Max', lastName: 'Roe', email: 'max@acme.test', kind: 'W2', isManager: true })).body;
  const shift = (await call(base, 'POST', `/admin/companies/${id}/shifts`, { workerId: worker.id, start: '2025-01-06T14:00:00Z', end: '2025-01-06T22:00:00Z', breakMinutes: 30 })).body;
  const approved = await call(base, 'POST', `/admin/companies/${id}/shifts/${shift.id}/approve`, { approvedBy: manager.id });
  expect(approved.status).toBe(200);
  const apiKey: string = created.body.apiKey;
  const api = (method: string, path: string, body?: unknown, timeoutMs?: number) =>
    call(base, method, `/api/companies/${id}${path}`, body, { authorization: `Bearer ${apiKey}` }, timeoutMs);
  return { id, apiKey, worker, manager, shift, api };
}

describe('time-tracking simulator over HTTP', () => {
  let sim: RunningSimulator;
  let base: string;

  beforeAll(async () => {
    sim = await startTimeTrackingSimulator({ port: 0 });
    base = sim.url;
  });
  afterAll(() => sim.stop());
  afterEach(() => call(base, 'DELETE', '/admin/faults'));

  it('answers /health', async () => {
    expect(await call(base, 'GET', '/health')).toEqual({ status: 200, body: { status: 'ok', service: 'time-tracking-simulator' } });
  });

  it('P1: the provider API needs the company\'s own key (401 otherwise)', async () => {
    const a = await seedCompany(base);
    const b = await seedCompany(base);
    expect((await a.api('GET', '')).body).toEqual({ id: a.id, name: 'Acme', timeZone: 'America/New_York', createdAt: expect.any(String) });
    expect((await call(base, 'GET', `/api/companies/${a.id}`)).status).toBe(401);
    const withOtherKey = await call(base, 'GET', `/api/companies/${a.id}/shifts`, undefined, { authorization: `Bearer ${b.apiKey}` });
    expect(withOtherKey).toEqual({ status: 401, body: { error: { code: 'UNAUTHORIZED', message: expect.any(String) } } });
    expect((await call(base, 'GET', `/api/companies/${randomUUID()}`, undefined, { authorization: `Bearer ${a.apiKey}` })).status).toBe(401);
  });

  it('P2: validation answers 400 with stable codes', async () => {
    const c = await seedCompany(base);
    const post = (body: unknown) => call(base, 'POST', `/admin/companies/${c.id}/shifts`, body);
    expect((await post({ workerId: c.worker.id, start: '2025-01-06T14:00:00Z', end: '2025-01-06T13:00:00Z' })).body.error.code).toBe('INVALID_SHIFT');
    expect((await post({ workerId: c.worker.id, start: '2025-01-06T15:00:00Z', end: '2025-01-06T16:00:00Z' })).body.error.code).toBe('OVERLAPPING_SHIFT');
    expect((await post({ workerId: 'nobody', start: '2025-01-08T15:00:00Z', end: '2025-01-08T16:00:00Z' })).body.error.code).toBe('UNKNOWN_WORKER');
    expect((await post({ workerId: c.worker.id, start: 'monday', end: '2025-01-08T16:00:00Z' })).body.error.code).toBe('VALIDATION_FAILED');
    expect(await post('{"workerId":')).toEqual({ status: 400, body: { error: { code: 'INVALID_JSON', message: expect.any(String) } } });
    expect((await call(base, 'POST', '/admin/companies', { id: 'not-a-uuid', name: 'X' })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await call(base, 'POST', '/admin/companies', { id: c.id, name: 'Again' })).status).toBe(409);
  });

  it('P2: an approved shift cannot be edited (409 SHIFT_APPROVED)', async () => {
    const c = await seedCompany(base);
    const edit = await call(base, 'PATCH', `/admin/companies/${c.id}/shifts/${c.shift.id}`, { breakMinutes: 0 });
    expect(edit).toEqual({ status: 409, body: { error: { code: 'SHIFT_APPROVED', message: expect.any(String) } } });
  });

  it('P1 P2: lists are changes since a sequence, paged by limit', async () => {
    const c = await seedCompany(base);
    const all = (await c.api('GET', '/shifts?since=0')).body;
    expect(all).toEqual({ items: [expect.objectContaining({ id: c.shift.id, status: 'APPROVED', minutes: 450, localDate: '2025-01-06' })], nextSequence: expect.any(Number), hasMore: false });
    expect((await c.api('GET', `/shifts?since=${all.nextSequence}`)).body.items).toEqual([]);
    const workers = (await c.api('GET', '/workers?since=0&limit=1')).body;
    expect(workers).toMatchObject({ items: [{ id: c.worker.id }], hasMore: true });
    expect((await c.api('GET', `/workers?since=${workers.nextSequence}&limit=1`)).body).toMatchObject({ items: [{ id: c.manager.id }], hasMore: false });
    expect((await c.api('GET', '/shifts?since=-1')).body.error.code).toBe('VALIDATION_FAILED');
  });

  it('P1: the payroll side adds a member (201, then 200 for the same externalRef) and changes flags and pay rate', async () => {
    const c = await seedCompany(base);
    const member = { externalRef: 'm-1', firstName: 'Bo', lastName: 'Ek', email: 'bo@acme.test', kind: 'CONTRACTOR' };
    const first = await c.api('POST', '/workers', member);
    const again = await c.api('POST', '/workers', member);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
    const patched = await c.api('PATCH', `/workers/${first.body.id}`, { isManager: true, payRateCents: 4000 });
    expect(patched.body).toMatchObject({ isManager: true, isAdmin: false, payRateCents: 4000, externalRef: 'm-1' });
    expect((await c.api('PATCH', `/workers/${first.body.id}`, { firstName: 'Not allowed' })).body.error.code).toBe('VALIDATION_FAILED');
  });

  it('P3: receipts; a deleted worker\'s shift is refused with 422 UNKNOWN_WORKER', async () => {
    const c = await seedCompany(base);
    expect((await c.api('POST', `/shifts/${c.shift.id}/receipts`, { status: 'SENT' })).body).toMatchObject({ shiftId: c.shift.id, status: 'SENT', reason: null });
    expect((await c.api('POST', `/shifts/${c.shift.id}/receipts`, { status: 'ERROR' })).body.error.code).toBe('VALIDATION_FAILED');
    await call(base, 'DELETE', `/admin/companies/${c.id}/workers/${c.worker.id}`);
    expect(await c.api('POST', `/shifts/${c.shift.id}/receipts`, { status: 'SENT' })).toEqual({ status: 422, body: { error: { code: 'UNKNOWN_WORKER', message: expect.any(String) } } });
  });

  describe('fault controls', () => {
    it('error: answers 503 by default (or the status asked for), `times` then clears itself, and stats count each try', async () => {
      const c = await seedCompany(base);
      await call(base, 'DELETE', '/admin/stats');
      expect((await call(base, 'POST', '/admin/faults', { mode: 'error', path: '/shifts', times: 2 })).status).toBe(201);
      expect((await call(base, 'POST', '/admin/faults', { mode: 'error', status: 500, path: '/workers', times: 1 })).status).toBe(201);
      expect((await c.api('GET', '/shifts')).status).toBe(503);
      expect((await c.api('GET', '/shifts')).body).toEqual({ error: { code: 'SIMULATED_FAILURE', message: expect.any(String) } });
      expect((await c.api('GET', '/shifts')).status).toBe(200);
      expect((await c.api('GET', '/workers')).status).toBe(500);
      expect((await call(base, 'GET', '/admin/faults')).body.items).toEqual([]);
      const stats = (await call(base, 'GET', '/admin/stats')).body;
      expect(stats.routes['GET /api/companies/:id/shifts']).toEqual({ count: 3, faulted: 2, statuses: { '503': 2, '200': 1 } });
      expect(stats.routes['GET /api/companies/:id/workers']).toEqual({ count: 1, faulted: 1, statuses: { '500': 1 } });
    });

    it('faults apply to /api only, and only to the company they name', async () => {
      const a = await seedCompany(base);
      const b = await seedCompany(base);
      await call(base, 'POST', '/admin/faults', { mode: 'error', companyId: a.id });
      expect((await a.api('GET', '/shifts')).status).toBe(503);
      expect((await b.api('GET', '/shifts')).status).toBe(200);
      expect((await call(base, 'GET', `/admin/companies/${a.id}`)).status).toBe(200);
    });

    it('timeout: holds the request (the client gives up; the stats show it aborted), then handles it normally', async () => {
      const c = await seedCompany(base);
      await call(base, 'DELETE', '/admin/stats');
      await call(base, 'POST', '/admin/faults', { mode: 'timeout', delayMs: 2_000, path: '/receipts', times: 1 });
      await expect(c.api('POST', `/shifts/${c.shift.id}/receipts`, { status: 'SENT' }, 200)).rejects.toMatchObject({ name: 'TimeoutError' });
      const slow = await call(base, 'POST', '/admin/faults', { mode: 'timeout', delayMs: 300, path: '/time-off' });
      const started = Date.now();
      const answered = await c.api('GET', '/time-off');
      expect(answered.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      await call(base, 'DELETE', `/admin/faults/${slow.body.id}`);
      const stats = (await call(base, 'GET', '/admin/stats')).body;
      expect(stats.routes['POST /api/companies/:id/shifts/:shiftId/receipts'].statuses).toEqual({ aborted: 1 });
    });

    it('P3 refuse: a worker\'s requests and receipts are refused with 422 UNKNOWN_WORKER; other workers\' go through', async () => {
      const c = await seedCompany(base);
      const otherShift = (await call(base, 'POST', `/admin/companies/${c.id}/shifts`, { workerId: c.manager.id, start: '2025-01-06T14:00:00Z', end: '2025-01-06T18:00:00Z' })).body;
      await call(base, 'POST', `/admin/companies/${c.id}/shifts/${otherShift.id}/approve`, { approvedBy: c.manager.id });
      await call(base, 'POST', '/admin/faults', { mode: 'refuse', workerId: c.worker.id });
      expect(await c.api('POST', `/shifts/${c.shift.id}/receipts`, { status: 'SENT' })).toEqual({ status: 422, body: { error: { code: 'UNKNOWN_WORKER', message: expect.any(String) } } });
      expect((await c.api('PATCH', `/workers/${c.worker.id}`, { payRateCents: 1 })).status).toBe(422);
      expect((await c.api('POST', `/shifts/${otherShift.id}/receipts`, { status: 'SENT' })).status).toBe(200);
      expect((await c.api('GET', '/shifts')).status).toBe(200);
    });

    it('rate: 0 never applies, 1 always does, 0.5 about half the time', async () => {
      const c = await seedCompany(base);
      await call(base, 'POST', '/admin/faults', { mode: 'error', path: '/expenses', rate: 0 });
      expect((await c.api('GET', '/expenses')).status).toBe(200);
      await call(base, 'DELETE', '/admin/faults');
      await call(base, 'POST', '/admin/faults', { mode: 'error', path: '/expenses', rate: 1 });
      expect((await c.api('GET', '/expenses')).status).toBe(503);
      await call(base, 'DELETE', '/admin/faults');
      await call(base, 'POST', '/admin/faults', { mode: 'error', path: '/expenses', rate: 0.5 });
      const statuses = [];
      for (let i = 0; i < 200; i += 1) statuses.push((await c.api('GET', '/expenses')).status);
      const failed = statuses.filter((s) => s === 503).length;
      expect(failed).toBeGreaterThan(40);
      expect(failed).toBeLessThan(160);
      expect(statuses.filter((s) => s !== 503 && s !== 200)).toEqual([]);
    });

    it('a bad fault is refused with VALIDATION_FAILED', async () => {
      expect((await call(base, 'POST', '/admin/faults', { mode: 'explode' })).body.error.code).toBe('VALIDATION_FAILED');
      expect((await call(base, 'POST', '/admin/faults', { mode: 'error', rate: 2 })).body.error.code).toBe('VALIDATION_FAILED');
      expect((await call(base, 'POST', '/admin/faults', { mode: 'error', fein: '12-3456789' })).body.error.code).toBe('VALIDATION_FAILED');
    });
  });
});

describe('time-tracking simulator persistence (DATA_FILE)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tt-sim-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps companies, keys, shifts and the sequence across a restart in process', async () => {
    const dataFile = join(dir, 'nested', 'state.json');
    const first = await startTimeTrackingSimulator({ port: 0, dataFile });
    const c = await seedCompany(first.url);
    const before = (await c.api('GET', '/shifts')).body;
    await first.stop();
    expect(readdirSync(join(dir, 'nested'))).toEqual(['state.json']);
    expect(JSON.parse(readFileSync(dataFile, 'utf8'))).toMatchObject({ version: 1, sequence: before.nextSequence });

    const second = await startTimeTrackingSimulator({ port: 0, dataFile });
    try {
      const api = (path: string) => call(second.url, 'GET', `/api/companies/${c.id}${path}`, undefined, { authorization: `Bearer ${c.apiKey}` });
      expect((await api('/shifts')).body).toEqual(before);
      const next = await call(second.url, 'PATCH', `/admin/companies/${c.id}/workers/${c.worker.id}`, { payRateCents: 2600 });
      expect(next.body.sequence).toBe(before.nextSequence + 1);
    } finally {
      await second.stop();
    }
  });

  it('runs as its own process: port 0 reported on stdout, state kept across a SIGTERM and a new process', async () => {
    const dataFile = join(dir, 'state.json');
    const first = await spawnTimeTrackingSimulator({ dataFile });
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.pid).not.toBe(process.pid);
    const c = await seedCompany(first.url);
    await first.stop();
    await expect(fetch(`${first.url}/health`)).rejects.toThrow();
    expect(existsSync(dataFile)).toBe(true);

    const second = await spawnTimeTrackingSimulator({ dataFile });
    try {
      const shifts = await call(second.url, 'GET', `/api/companies/${c.id}/shifts`, undefined, { authorization: `Bearer ${c.apiKey}` });
      expect(shifts.body.items.map((s: { id: string }) => s.id)).toEqual([c.shift.id]);
    } finally {
      await second.stop();
    }
  });
});
