/**
 * The partner overview's arithmetic (SPEC P4, P5, P6), kept apart from the screens so it is
 * tested on its own: money as exact decimal strings, the automation level, months, cursor pages
 * and a tax-card fetch's progress.
 */

const usd = new Intl.NumberFormat('en-US');

/**
 * Cents as a decimal string ("123456789012") in dollars ("$1,234,567,890.12"): the API sends
 * totals as strings because they can exceed a GraphQL Int, so they never pass through a float.
 */
export function formatCentsString(cents: string | null | undefined): string {
  if (cents === null || cents === undefined || !/^-?\d+$/.test(cents)) return '—';
  const value = BigInt(cents);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const dollars = usd.format(abs / 100n);
  return `${negative ? '-' : ''}$${dollars}.${String(abs % 100n).padStart(2, '0')}`;
}

/** The automation level (a share 0–1, or null when there were no shifts) as a whole percent. */
export function formatLevel(level: number | null | undefined): string {
  if (level === null || level === undefined) return '—';
  return `${Math.round(level * 100)} %`;
}

/** This month as YYYY-MM in the person's own calendar. */
export function thisMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** The month `n` months before `month` (YYYY-MM). */
export function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const monthName = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2026-11" → "November 2026" (a month has no time zone: read as UTC). */
export function formatMonth(month: string): string {
  const t = Date.parse(`${month}-01T00:00:00Z`);
  return Number.isNaN(t) ? month : monthName.format(t);
}

/** SPEC P5: the two-month term a month falls in, as the API names it: "2026-11" → "2026-T6". Empty when not a month. */
export function termOf(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const n = m ? Number(m[2]) : 0;
  return m && n >= 1 && n <= 12 ? `${m[1]}-T${Math.ceil(n / 2)}` : '';
}

const TERM_MONTHS = ['Jan–Feb', 'Mar–Apr', 'May–Jun', 'Jul–Aug', 'Sep–Oct', 'Nov–Dec'];

/** "2026-T6" → "Nov–Dec 2026". */
export function formatTerm(term: string): string {
  const m = /^(\d{4})-T([1-6])$/.exec(term);
  return m ? `${TERM_MONTHS[Number(m[2]) - 1]} ${m[1]}` : term;
}

/**
 * Where a list stands in pages the API hands out by cursor: the cursor each page started after
 * (null for the first). Going forward records the page's end cursor; going back pops it, so a
 * person can walk back without a `before` cursor.
 */
export interface CursorPages {
  /** The `after` cursor of each page visited, the current page last. */
  trail: Array<string | null>;
}

export const FIRST_PAGE: CursorPages = { trail: [null] };

export function nextPage(pages: CursorPages, endCursor: string | null | undefined): CursorPages {
  return endCursor ? { trail: [...pages.trail, endCursor] } : pages;
}

export function previousPage(pages: CursorPages): CursorPages {
  return pages.trail.length > 1 ? { trail: pages.trail.slice(0, -1) } : pages;
}

export const currentCursor = (pages: CursorPages): string | null => pages.trail[pages.trail.length - 1];
export const pageIndex = (pages: CursorPages): number => pages.trail.length - 1;

/** "Clients 51–100 of 123" (or "Rows 51–100" when the total is not known). */
export function pageRange(pages: CursorPages, pageSize: number, rowsOnPage: number, total?: number | null, noun = 'Rows'): string {
  if (rowsOnPage === 0) return total ? `${noun}: none on this page of ${total}` : `${noun}: none`;
  const from = pageIndex(pages) * pageSize + 1;
  const to = from + rowsOnPage - 1;
  return `${noun} ${from}–${to}${total === null || total === undefined ? '' : ` of ${total}`}`;
}

export interface FetchCounts {
  status: 'RUNNING' | 'FINISHED';
  total: number;
  pending: number;
  fetched: number;
  failed: number;
}

/** A tax-card fetch's progress (SPEC P6): how many clients ended, as a percent and in words. */
export function fetchProgress(f: FetchCounts): { done: number; percent: number; text: string } {
  const done = f.fetched + f.failed;
  const percent = f.total === 0 ? 100 : Math.round((done / f.total) * 100);
  const clients = (n: number) => `${n} client${n === 1 ? '' : 's'}`;
  const outcome = `${f.fetched} fetched, ${f.failed} failed`;
  const text =
    f.status === 'RUNNING'
      ? `Fetching: ${done} of ${clients(f.total)} done (${outcome}, ${f.pending} pending).`
      : `Finished: ${clients(f.total)}, ${outcome}.`;
  return { done, percent, text };
}
