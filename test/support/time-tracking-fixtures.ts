/**
 * Driving the time-tracking simulator's admin API in end-to-end tests (SPEC P1–P3): workers,
 * shifts and approvals as a client's manager would make them, in the client's local dates.
 */

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

export const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** A shift from 9:00 in New York on `date`, `hours` long. */
export function shift(date: string, hours = 8) {
  const noon = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', hourCycle: 'h23' }).format(new Date(`${date}T12:00:00Z`)));
  const start = Date.parse(`${date}T00:00:00Z`) + (21 - noon) * 3_600_000;
  return { start: new Date(start).toISOString(), end: new Date(start + hours * 3_600_000).toISOString() };
}
