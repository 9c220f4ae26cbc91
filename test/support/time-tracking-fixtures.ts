/**
 * Driving the time-tracking simulator's admin API in end-to-end tests (SPEC P1–P3): workers,
 * shifts and approvals as a client's manager would make them, in the client's local dates.
 */
import type { TestSystem } from './test-system';

const DAY_MS = 86_400_000;

/** A call to the simulator's admin API; fails on any non-2xx answer. */
export async function sim<T = any>(base: string, method: string, path: string, body?: unknown): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(base + path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The Monday `weeksBack` weeks before this week's, in New York. */
export function weekStart(weeksBack: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const t = Date.parse(`${today}T00:00:00Z`);
  return new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY_MS - weeksBack * 7 * DAY_MS).toISOString().slice(0, 10);
}

/** Yesterday's date in New York. */
export function yesterday(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return plusDays(today, -1);
}

export const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** A shift from 9:00 in New York on `date`, `hours` long. */
export function shift(date: string, hours = 8) {
  const noon = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', hourCycle: 'h23' }).format(new Date(`${date}T12:00:00Z`)));
  const start = Date.parse(`${date}T00:00:00Z`) + (21 - noon) * 3_600_000;
  return { start: new Date(start).toISOString(), end: new Date(start + hours * 3_600_000).toISOString() };
}

/**
 * A client whose time tracking is connected through the gateway (SPEC P1) with one manager paid
 * $30/h in the simulator, who worked and approved one shift (P2): the sync brings it to payroll.
 */
export async function connectWithApprovedShift(
  system: TestSystem,
  timeTrackingUrl: string,
  input: { clientId: string; token: string; companyName: string; email: string; shift: { start: string; end: string } },
): Promise<{ workerId: string; shiftId: string }> {
  const { clientId } = input;
  const { apiKey } = await sim(timeTrackingUrl, 'POST', '/admin/companies', { id: clientId, name: input.companyName, timeZone: 'America/New_York' });
  const boss = await sim(timeTrackingUrl, 'POST', `/admin/companies/${clientId}/workers`, { firstName: 'Max', lastName: 'Roe', email: input.email, kind: 'W2', isManager: true, payRateCents: 3000 });
  const connect = await system.gql(
    `mutation($i: ConnectTimeTrackingInput!) { connectTimeTracking(input: $i) { status } }`,
    { i: { clientId, providerCompanyId: clientId, apiKey, payFrequency: 'WEEKLY' } },
    input.token,
  );
  if (connect.errors) throw new Error(`connectTimeTracking failed: ${JSON.stringify(connect.errors)}`);
  const s = await sim(timeTrackingUrl, 'POST', `/admin/companies/${clientId}/shifts`, { workerId: boss.id, start: input.shift.start, end: input.shift.end });
  await sim(timeTrackingUrl, 'POST', `/admin/companies/${clientId}/shifts/${s.id}/approve`, { approvedBy: boss.id });
  return { workerId: boss.id, shiftId: s.id };
}
