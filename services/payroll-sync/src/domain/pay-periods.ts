import Holidays from 'date-holidays';

/**
 * Pay periods and approval deadlines in a client's own local dates (SPEC P2, P7). Every date here
 * is a calendar date `YYYY-MM-DD` in the client's time zone, never an instant: a period of a
 * client in Los Angeles ends on its Sunday, whatever the time in New York.
 */
export type PayFrequency = 'WEEKLY' | 'BIWEEKLY';

export interface PaySchedule {
  frequency: PayFrequency;
  /** The first day of one of the client's pay periods (a Monday); periods follow every 7 or 14 days. */
  anchor: string;
}

/** The default anchor: Monday 1 January 2024. Weekly and biweekly periods run Monday to Sunday. */
export const DEFAULT_PERIOD_ANCHOR = '2024-01-01';

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isLocalDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => fromUtc(toUtc(date) + days * DAY_MS);
export const daysBetween = (from: string, to: string): number => Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
/** 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (date: string): number => new Date(toUtc(date)).getUTCDay();

/** SPEC P3: a week runs Monday to Sunday; this is its Monday. */
export const weekStartOf = (date: string): string => addDays(date, -((dayOfWeek(date) + 6) % 7));

export const periodLength = (frequency: PayFrequency): number => (frequency === 'WEEKLY' ? 7 : 14);

/** The pay period a local date falls in. */
export function periodContaining(schedule: PaySchedule, date: string): { start: string; end: string } {
  const length = periodLength(schedule.frequency);
  const offset = daysBetween(schedule.anchor, date);
  const start = addDays(schedule.anchor, Math.floor(offset / length) * length);
  return { start, end: addDays(start, length - 1) };
}

/** Today's date in a time zone (IANA), e.g. the client's. */
export function localDateIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * The instant a local date begins in a time zone (IANA): e.g. when a deadline day ends for a
 * client (SPEC F12 due times). Correct across daylight-saving changes: the zone's offset is read
 * at the guess and read again once.
 */
export function startOfLocalDate(timeZone: string, date: string): Date {
  const midnightUtc = toUtc(date);
  const offsetAt = (at: number) => {
    const f = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const p = Object.fromEntries(f.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - at;
  };
  let guess = midnightUtc - offsetAt(midnightUtc);
  const again = midnightUtc - offsetAt(guess);
  if (again !== guess) guess = again;
  return new Date(guess);
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const federalHolidays = new Map<number, Map<string, string>>();
const usHolidays = new Holidays('US');

/**
 * US federal holidays of a year, with the weekday they are observed on (e.g. Independence Day on
 * a Saturday is observed Friday 3 July), from the maintained `date-holidays` library: its
 * `public` holidays for the US are the federal ones.
 */
export function federalHolidaysOf(year: number): Map<string, string> {
  let days = federalHolidays.get(year);
  if (!days) {
    days = new Map(usHolidays.getHolidays(year).filter((h) => h.type === 'public').map((h) => [h.date.slice(0, 10), h.name]));
    federalHolidays.set(year, days);
  }
  return days;
}

export const federalHolidayOn = (date: string): string | undefined => federalHolidaysOf(Number(date.slice(0, 4))).get(date);

const isBusinessDay = (date: string) => dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6 && !federalHolidayOn(date);

/**
 * SPEC P2: timecards of a period are due on the Monday after the period ends; when a US federal
 * holiday falls on that Monday, they are due earlier: on the last business day before it (not a
 * weekend, not another holiday), e.g. Friday before Labor Day.
 */
export function approvalDeadline(periodEnd: string): string {
  let monday = addDays(periodEnd, 1);
  while (dayOfWeek(monday) !== 1) monday = addDays(monday, 1);
  let due = monday;
  while (!isBusinessDay(due)) due = addDays(due, -1);
  return due;
}
