import { approvalDeadline, federalHolidayOn, localDateIn, periodContaining, startOfLocalDate, weekStartOf } from './pay-periods';

describe('pay periods and approval deadlines (SPEC P2)', () => {
  it('P2: weekly periods run Monday to Sunday; biweekly ones follow the anchor every 14 days', () => {
    expect(periodContaining({ frequency: 'WEEKLY', anchor: '2024-01-01' }, '2026-03-11')).toEqual({ start: '2026-03-09', end: '2026-03-15' });
    expect(periodContaining({ frequency: 'BIWEEKLY', anchor: '2024-01-01' }, '2024-01-14')).toEqual({ start: '2024-01-01', end: '2024-01-14' });
    expect(periodContaining({ frequency: 'BIWEEKLY', anchor: '2024-01-01' }, '2024-01-15')).toEqual({ start: '2024-01-15', end: '2024-01-28' });
    // Dates before the anchor belong to earlier periods, not to the first one.
    expect(periodContaining({ frequency: 'BIWEEKLY', anchor: '2024-01-15' }, '2024-01-10')).toEqual({ start: '2024-01-01', end: '2024-01-14' });
    expect(weekStartOf('2026-03-15')).toBe('2026-03-09');
    expect(weekStartOf('2026-03-09')).toBe('2026-03-09');
  });

  it('P2: the deadline is the Monday after the period ends', () => {
    expect(approvalDeadline('2026-03-15')).toBe('2026-03-16');
    expect(approvalDeadline('2026-03-29')).toBe('2026-03-30');
  });

  it('P2: a federal holiday on that Monday moves the deadline earlier (date-holidays, not a hand-written list)', () => {
    expect(federalHolidayOn('2026-09-07')).toBe('Labor Day');
    // Week ending Sunday 6 Sep 2026: Monday 7 Sep is Labor Day, so Friday 4 Sep.
    expect(approvalDeadline('2026-09-06')).toBe('2026-09-04');
    // Memorial Day 2026 (25 May): Friday 22 May.
    expect(approvalDeadline('2026-05-24')).toBe('2026-05-22');
    // MLK Day 2027 is Monday 18 Jan.
    expect(approvalDeadline('2027-01-17')).toBe('2027-01-15');
    // Christmas 2028 is a Monday; the Friday before is a business day.
    expect(approvalDeadline('2028-12-24')).toBe('2028-12-22');
    // New Year 2029 is a Monday too; Friday 29 Dec 2028 is fine.
    expect(approvalDeadline('2028-12-31')).toBe('2028-12-29');
  });

  it('P7: periods and deadlines are the client\'s local dates', () => {
    const at = new Date('2026-03-16T03:30:00Z'); // Sunday evening in Los Angeles, Monday in New York
    expect(localDateIn('America/Los_Angeles', at)).toBe('2026-03-15');
    expect(localDateIn('America/New_York', at)).toBe('2026-03-15');
    expect(localDateIn('Europe/Stockholm', at)).toBe('2026-03-16');
  });

  it('F12: a local date begins at its zone\'s midnight, across daylight-saving changes', () => {
    expect(startOfLocalDate('America/New_York', '2026-01-15').toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(startOfLocalDate('America/New_York', '2026-07-15').toISOString()).toBe('2026-07-15T04:00:00.000Z');
    // The days the clocks change: midnight is still on the old offset.
    expect(startOfLocalDate('America/New_York', '2026-03-08').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfLocalDate('America/New_York', '2026-11-01').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(startOfLocalDate('America/Los_Angeles', '2026-11-23').toISOString()).toBe('2026-11-23T08:00:00.000Z');
  });
});
