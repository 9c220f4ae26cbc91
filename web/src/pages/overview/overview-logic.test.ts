import { describe, expect, it } from 'vitest';
import {
  termOf,
  formatTerm,
  FIRST_PAGE,
  currentCursor,
  fetchProgress,
  formatCentsString,
  formatLevel,
  formatMonth,
  monthsBefore,
  nextPage,
  pageRange,
  previousPage,
} from './overview-logic';

describe('P4 key figures in words', () => {
  it('P4: totals paid out are exact however large (cents as a decimal string, never a float)', () => {
    expect(formatCentsString('0')).toBe('$0.00');
    expect(formatCentsString('5')).toBe('$0.05');
    expect(formatCentsString('123450')).toBe('$1,234.50');
    // 2^53 + 1 cents: a float would lose the last cent.
    expect(formatCentsString('9007199254740993')).toBe('$90,071,992,547,409.93');
    expect(formatCentsString('-1999')).toBe('-$19.99');
    expect(formatCentsString('12.5')).toBe('—');
    expect(formatCentsString(null)).toBe('—');
  });

  it('P4: the automation level is a whole percent, and says so when there were no shifts', () => {
    expect(formatLevel(1)).toBe('100 %');
    expect(formatLevel(0.876)).toBe('88 %');
    expect(formatLevel(0)).toBe('0 %');
    expect(formatLevel(null)).toBe('—');
  });

  it('P4: months count back across a year and read as words', () => {
    expect(monthsBefore('2026-03', 2)).toBe('2026-01');
    expect(monthsBefore('2026-01', 1)).toBe('2025-12');
    expect(monthsBefore('2026-02', 14)).toBe('2024-12');
    expect(formatMonth('2026-11')).toBe('November 2026');
  });
});

describe('P5, C7 cursor pages', () => {
  it('P5: walks forward by the API cursors and back without one', () => {
    let pages = FIRST_PAGE;
    expect(currentCursor(pages)).toBeNull();
    pages = nextPage(pages, 'c25');
    pages = nextPage(pages, 'c50');
    expect(currentCursor(pages)).toBe('c50');
    expect(pageRange(pages, 25, 10, 60, 'Clients')).toBe('Clients 51–60 of 60');
    pages = previousPage(pages);
    expect(currentCursor(pages)).toBe('c25');
    expect(pageRange(pages, 25, 25)).toBe('Rows 26–50');
    expect(previousPage(previousPage(pages))).toEqual(FIRST_PAGE);
    // No cursor means no next page: staying put rather than restarting.
    expect(nextPage(pages, null)).toBe(pages);
  });
});

describe('P6 tax-card fetch progress', () => {
  it('P6: counts the clients that ended, in words and as a percent', () => {
    expect(fetchProgress({ status: 'RUNNING', total: 3, pending: 2, fetched: 1, failed: 0 })).toEqual({
      done: 1,
      percent: 33,
      text: 'Fetching: 1 of 3 clients done (1 fetched, 0 failed, 2 pending).',
    });
    expect(fetchProgress({ status: 'FINISHED', total: 3, pending: 0, fetched: 2, failed: 1 })).toEqual({
      done: 3,
      percent: 100,
      text: 'Finished: 3 clients, 2 fetched, 1 failed.',
    });
    expect(fetchProgress({ status: 'FINISHED', total: 1, pending: 0, fetched: 1, failed: 0 }).text).toBe('Finished: 1 client, 1 fetched, 0 failed.');
  });
});

describe('P5 term report terms', () => {
  it('names the two-month term of a month as the API does, and says it in words', () => {
    expect(['2026-01', '2026-02', '2026-03', '2026-11', '2026-12'].map(termOf)).toEqual(['2026-T1', '2026-T1', '2026-T2', '2026-T6', '2026-T6']);
    expect(termOf('2026-13')).toBe('');
    expect(termOf('')).toBe('');
    expect(formatTerm('2026-T6')).toBe('Nov–Dec 2026');
    expect(formatTerm('2026-T1')).toBe('Jan–Feb 2026');
  });
});
