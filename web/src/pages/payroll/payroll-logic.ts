import type { CombinedError } from 'urql';
import { formErrors, type FormErrors } from '../../api/errors';

/**
 * The payroll screens' logic (SPEC P1, P2, P3, P7), apart from the components so it is tested
 * on its own: who may do what, money and hours as people read them, deadlines, what needs
 * attention, and where a refusal is shown.
 */

/** What the signed-in person may do on one client's payroll (SPEC P "who may act"). */
export interface PayrollAbilities {
  /** Read timecards, periods, the sync report and the change log. */
  view: boolean;
  /** Edit and approve timecards, send a shift again. */
  approve: boolean;
  /** Connect, disconnect and refresh time tracking, run payroll. */
  run: boolean;
  /** Change payroll members' pay rates. */
  manageMembers: boolean;
}

/**
 * The same rule payroll-sync applies (`mayActOnPayroll`), used only to show or hide actions (the
 * API decides): a client admin with `MANAGE` may do everything on their own company; a firm
 * member by their effective permissions on the client (SPEC C3).
 */
export function payrollAbilities(
  who: { realm: 'client'; adminPermissions: readonly string[] } | { realm: 'firm'; effectivePermissions: readonly string[] },
): PayrollAbilities {
  if (who.realm === 'client') {
    const manage = who.adminPermissions.includes('MANAGE');
    return { view: manage, approve: manage, run: manage, manageMembers: manage };
  }
  const has = (p: string) => who.effectivePermissions.includes(p);
  return { view: has('VIEW_PAYROLL'), approve: has('APPROVE_TIMECARDS'), run: has('RUN_PAYROLL'), manageMembers: has('MANAGE_EMPLOYEES') };
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Integer cents as dollars ("$1,234.50"); the API's money is exact cents (SPEC P7). */
export function formatMoney(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '—';
  // Dollars and cents split as integers: no floating-point rounding on the way to the screen.
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = usd.format(Math.trunc(abs / 100)).replace(/\.00$/, '');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** An hourly rate in cents ("$24.00/h"), or what is missing. */
export function formatRate(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? 'No pay rate' : `${formatMoney(cents)}/h`;
}

/** Whole minutes as hours and minutes ("7h 30m", "8h", "0h"). */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const m = Math.abs(minutes);
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return `${sign}${h}h${rest ? ` ${String(rest).padStart(2, '0')}m` : ''}`;
}

/**
 * Hours as a person types them into a timecard ("7.5", "7,5", "7:30", "" for none) as whole
 * minutes; undefined when it is not a number. Range checks are the API's (NEGATIVE_HOURS,
 * HOURS_OVER_24_PER_DAY), so its words are shown, not a second copy of the rule.
 */
export function parseHours(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  if (t === '') return 0;
  const clock = /^(-?)(\d{1,2}):([0-5]\d)$/.exec(t);
  if (clock) return (clock[1] ? -1 : 1) * (Number(clock[2]) * 60 + Number(clock[3]));
  if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  return Math.round(Number(t) * 60);
}

/** Minutes as the hours a person edits ("7.5", "" for none). */
export function hoursText(minutes: number): string {
  if (!minutes) return '';
  return String(Math.round((minutes / 60) * 100) / 100);
}

const DAY_MS = 86_400_000;
const ymd = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Every day of a period, first to last (YYYY-MM-DD, the client's local dates). */
export function daysOf(startDate: string, endDate: string): string[] {
  const days: string[] = [];
  for (let t = ymd(startDate); t <= ymd(endDate) && days.length < 31; t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

const dayLabel = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
const dateLabel = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** "Mon, Mar 2": a local date, never shifted by the browser's time zone. */
export function formatDay(date: string): string {
  return Number.isNaN(ymd(date)) ? date : dayLabel.format(ymd(date));
}

/** "Mar 2, 2026": a local date (YYYY-MM-DD) as written, whatever the browser's time zone. */
export function formatLocalDate(date: string): string {
  return Number.isNaN(ymd(date)) ? date : dateLabel.format(ymd(date));
}

/** "Mar 2 – Mar 8, 2026". */
export function formatPeriod(startDate: string, endDate: string): string {
  return `${formatDay(startDate).replace(/^\w+, /, '')} – ${formatLocalDate(endDate)}`;
}

/** What a period's row says about where it stands (SPEC P2, P7). */
export function periodState(p: { paid: boolean; draftCount: number; approvedCount: number }): 'Paid' | 'Drafts to approve' | 'Ready to run' | 'No timecards' {
  if (p.paid) return 'Paid';
  if (p.draftCount > 0) return 'Drafts to approve';
  if (p.approvedCount > 0) return 'Ready to run';
  return 'No timecards';
}

/** The deadline in words, counted in the client's local dates (SPEC P2): "due in 3 days", "overdue by 1 day". */
export function deadlineText(daysLeft: number): string {
  if (daysLeft === 0) return 'due today';
  const n = Math.abs(daysLeft);
  const days = `${n} day${n === 1 ? '' : 's'}`;
  return daysLeft > 0 ? `due in ${days}` : `overdue by ${days}`;
}

export interface PayrollAttentionInput {
  client: { id: string; businessName?: string | null };
  draftsDue: Array<{ periodId: string; startDate: string; endDate: string; deadline: string; drafts: number; daysLeft: number; overdue: boolean }>;
  weeksWithErrors: Array<{ weekStart: string; weekEnd: string; errors: number; toSend: number }>;
}

export interface PayrollAttentionRow {
  id: string;
  clientId: string;
  client: string;
  kind: 'timecards' | 'hours';
  text: string;
  /** Days left to the deadline (negative: overdue); hours weeks sort after every deadline. */
  urgency: number;
  overdue: boolean;
  to: string;
  action: string;
}

/**
 * The firm's payroll attention list (SPEC P2, P3 across clients): one row per period with drafts
 * before (or past) its deadline, and per week with shifts that did not reach a timecard, each
 * linking to that client's screen. Overdue and soonest deadlines first, then weeks newest first.
 */
export function payrollAttentionRows(items: PayrollAttentionInput[], base: (clientId: string) => string): PayrollAttentionRow[] {
  const rows: PayrollAttentionRow[] = [];
  for (const item of items) {
    const name = item.client.businessName ?? 'A client';
    for (const d of item.draftsDue) {
      rows.push({
        id: `tc-${item.client.id}-${d.periodId}`,
        clientId: item.client.id,
        client: name,
        kind: 'timecards',
        text: `${d.drafts} timecard${d.drafts === 1 ? '' : 's'} to approve for ${formatPeriod(d.startDate, d.endDate)}: ${deadlineText(d.daysLeft)} (${formatLocalDate(d.deadline)}).`,
        urgency: d.daysLeft,
        overdue: d.overdue,
        to: `${base(item.client.id)}?tab=timecards&period=${encodeURIComponent(d.periodId)}`,
        action: 'Review timecards',
      });
    }
    for (const w of item.weeksWithErrors) {
      const parts = [w.errors ? `${w.errors} shift${w.errors === 1 ? '' : 's'} with errors` : '', w.toSend ? `${w.toSend} to send again` : ''].filter(Boolean);
      rows.push({
        id: `wk-${item.client.id}-${w.weekStart}`,
        clientId: item.client.id,
        client: name,
        kind: 'hours',
        text: `Week of ${formatPeriod(w.weekStart, w.weekEnd)}: ${parts.join(', ')}.`,
        urgency: Number.MAX_SAFE_INTEGER - ymd(w.weekStart) / DAY_MS,
        overdue: false,
        to: `${base(item.client.id)}?tab=hours&week=${encodeURIComponent(w.weekStart)}`,
        action: 'Open hours sync report',
      });
    }
  }
  return rows.sort((a, b) => a.urgency - b.urgency || a.client.localeCompare(b.client));
}

/** Refusals about one day of a timecard carry that day (`extensions.date`): shown under that day's field. */
const DAY_CODES = new Set(['NEGATIVE_HOURS', 'HOURS_OVER_24_PER_DAY', 'DATE_OUTSIDE_PERIOD']);

/** An edit of holiday hours refused: each day's error beside that day (`holiday-YYYY-MM-DD`), the rest beside the button. */
export function timecardEditErrors(error: CombinedError | undefined | null): FormErrors {
  const base = formErrors(error);
  if (!error) return base;
  const out: FormErrors = { fields: { ...base.fields }, general: [] };
  for (const e of error.graphQLErrors) {
    const code = e.extensions?.code;
    const date = e.extensions?.date;
    if (typeof code === 'string' && DAY_CODES.has(code) && typeof date === 'string') out.fields[`holiday-${date}`] = e.message;
  }
  const placed = new Set(Object.values(out.fields));
  out.general = base.general.filter((m) => !placed.has(m));
  return out;
}

/** Words for the payroll statuses (SPEC P1, P2, P3, P7). */
export const PAYROLL_LABEL: Record<string, string> = {
  CONNECTED: 'Connected',
  NOT_CONNECTED: 'Not connected',
  RUNNING: 'Running',
  SUCCEEDED: 'Succeeded',
  FAILED: 'Failed',
  SCHEDULE: 'Schedule',
  REFRESH: 'Refresh',
  POLL: 'Approved shifts',
  TIME_TRACKING: 'Time tracking',
  PAYROLL: 'Payroll',
  W2: 'W2 employee',
  CONTRACTOR: '1099 contractor',
  SAVED_DRAFT: 'Saved draft',
  APPROVED: 'Approved',
  SENT: 'Sent',
  SEND: 'Send',
  ERROR: 'Error',
  WEEKLY: 'Weekly',
  BIWEEKLY: 'Every two weeks',
  PAYSLIP: 'Payslip',
  CONTRACTOR_PAYMENT: 'Contractor payment',
  REGULAR: 'Regular hours',
  ADJUSTMENT: 'Adjustment',
  PTO: 'PTO',
  HOLIDAY: 'Holiday',
  NOT_SUBMITTED: 'Not submitted',
  ACCEPTED: 'Accepted',
  REJECTED: 'Rejected (errors)',
  MEMBER_ADDED: 'Member added',
  MEMBER_REMOVED: 'Member removed',
  MADE_MANAGER: 'Made manager',
  MANAGER_REMOVED: 'Manager removed',
  MADE_ADMIN: 'Made admin',
  ADMIN_REMOVED: 'Admin removed',
  PAY_RATE_CHANGED: 'Pay rate changed',
};
