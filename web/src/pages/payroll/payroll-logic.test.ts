import { describe, expect, it } from 'vitest';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import {
  daysOf,
  deadlineText,
  formatMinutes,
  formatMoney,
  formatPeriod,
  formatRate,
  hoursText,
  parseHours,
  payrollAbilities,
  payrollAttentionRows,
  periodState,
  timecardEditErrors,
} from './payroll-logic';

const refusal = (message: string, extensions: Record<string, unknown>) => new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });

describe('payroll screens: who may act (SPEC P "who may act", C3)', () => {
  it('P1, P2, P7: a firm member acts by their effective permissions on the client', () => {
    expect(payrollAbilities({ realm: 'firm', effectivePermissions: ['VIEW_COMPANY', 'VIEW_PAYROLL'] })).toEqual({ view: true, approve: false, run: false, manageMembers: false });
    expect(payrollAbilities({ realm: 'firm', effectivePermissions: ['VIEW_PAYROLL', 'APPROVE_TIMECARDS', 'RUN_PAYROLL', 'MANAGE_EMPLOYEES'] })).toEqual({
      view: true,
      approve: true,
      run: true,
      manageMembers: true,
    });
    expect(payrollAbilities({ realm: 'firm', effectivePermissions: [] }).view).toBe(false);
  });

  it('P1: a client admin acts on their own company only with MANAGE', () => {
    expect(payrollAbilities({ realm: 'client', adminPermissions: ['MANAGE'] })).toEqual({ view: true, approve: true, run: true, manageMembers: true });
    expect(payrollAbilities({ realm: 'client', adminPermissions: ['MANAGE_EMPLOYEES'] })).toEqual({ view: false, approve: false, run: false, manageMembers: false });
  });
});

describe('payroll screens: money and hours as people read them (SPEC P7: exact cents)', () => {
  it('P7: formats integer cents exactly, with thousands and negatives', () => {
    expect(formatMoney(0)).toBe('$0.00');
    expect(formatMoney(5)).toBe('$0.05');
    expect(formatMoney(123450)).toBe('$1,234.50');
    expect(formatMoney(100000001)).toBe('$1,000,000.01');
    expect(formatMoney(-2550)).toBe('-$25.50');
    expect(formatMoney(null)).toBe('—');
    expect(formatRate(2400)).toBe('$24.00/h');
    expect(formatRate(null)).toBe('No pay rate');
  });

  it('P2: shows whole minutes as hours and minutes', () => {
    expect(formatMinutes(450)).toBe('7h 30m');
    expect(formatMinutes(480)).toBe('8h');
    expect(formatMinutes(5)).toBe('0h 05m');
    expect(formatMinutes(0)).toBe('0h');
  });

  it('P2: reads holiday hours as typed (decimal, comma, h:mm, empty) and leaves range checks to the API', () => {
    expect(parseHours('7.5')).toBe(450);
    expect(parseHours('7,5')).toBe(450);
    expect(parseHours('7:30')).toBe(450);
    expect(parseHours(' 8 ')).toBe(480);
    expect(parseHours('')).toBe(0);
    expect(parseHours('-2')).toBe(-120); // the API answers NEGATIVE_HOURS in its own words
    expect(parseHours('25')).toBe(1500); // … and HOURS_OVER_24_PER_DAY
    expect(parseHours('eight')).toBeUndefined();
    expect(parseHours('7:75')).toBeUndefined();
    expect(hoursText(450)).toBe('7.5');
    expect(hoursText(0)).toBe('');
    expect(parseHours(hoursText(500))).toBe(500);
  });

  it('P2: lists a period\'s local days and writes dates without the browser\'s time zone shifting them', () => {
    expect(daysOf('2026-03-02', '2026-03-08')).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
    expect(daysOf('2026-03-02', '2026-03-15')).toHaveLength(14);
    expect(formatPeriod('2026-03-02', '2026-03-08')).toBe('Mar 2 – Mar 8, 2026');
  });
});

describe('payroll screens: periods, deadlines and what needs attention (SPEC P2, P3, P7)', () => {
  it('P2, P7: says where a period stands', () => {
    expect(periodState({ paid: true, draftCount: 0, approvedCount: 3 })).toBe('Paid');
    expect(periodState({ paid: false, draftCount: 1, approvedCount: 2 })).toBe('Drafts to approve');
    expect(periodState({ paid: false, draftCount: 0, approvedCount: 2 })).toBe('Ready to run');
    expect(periodState({ paid: false, draftCount: 0, approvedCount: 0 })).toBe('No timecards');
  });

  it('P2: words the deadline from the days the API counted in the client\'s local dates', () => {
    expect(deadlineText(3)).toBe('due in 3 days');
    expect(deadlineText(1)).toBe('due in 1 day');
    expect(deadlineText(0)).toBe('due today');
    expect(deadlineText(-2)).toBe('overdue by 2 days');
  });

  it('P2, P3: lists overdue drafts first, then the soonest deadlines, then weeks with errors, each linking to its client', () => {
    const rows = payrollAttentionRows(
      [
        {
          client: { id: 'c1', businessName: 'Harbor Coffee' },
          draftsDue: [{ periodId: 'p1', startDate: '2026-03-02', endDate: '2026-03-08', deadline: '2026-03-09', drafts: 2, daysLeft: 3, overdue: false }],
          weeksWithErrors: [{ weekStart: '2026-02-23', weekEnd: '2026-03-01', errors: 1, toSend: 2 }],
        },
        {
          client: { id: 'c2', businessName: 'Acme Bakery' },
          draftsDue: [{ periodId: 'p9', startDate: '2026-02-23', endDate: '2026-03-01', deadline: '2026-03-02', drafts: 1, daysLeft: -1, overdue: true }],
          weeksWithErrors: [],
        },
      ],
      (id) => `/clients/view/${id}/payroll`,
    );
    expect(rows.map((r) => r.id)).toEqual(['tc-c2-p9', 'tc-c1-p1', 'wk-c1-2026-02-23']);
    expect(rows[0]).toMatchObject({ overdue: true, text: '1 timecard to approve for Feb 23 – Mar 1, 2026: overdue by 1 day (Mar 2, 2026).', to: '/clients/view/c2/payroll?tab=timecards&period=p9' });
    expect(rows[1].text).toBe('2 timecards to approve for Mar 2 – Mar 8, 2026: due in 3 days (Mar 9, 2026).');
    expect(rows[2]).toMatchObject({ text: 'Week of Feb 23 – Mar 1, 2026: 1 shift with errors, 2 to send again.', to: '/clients/view/c1/payroll?tab=hours&week=2026-02-23' });
    expect(payrollAttentionRows([], (id) => id)).toEqual([]);
  });
});

describe('payroll screens: refusals shown where they belong (SPEC P2 codes)', () => {
  it('P2: a refusal about one day goes under that day\'s holiday-hours field, with the API\'s words', () => {
    const e = timecardEditErrors(refusal('More than 24 hours on 2026-03-03: shifts, PTO and holiday hours together cannot exceed a day.', { code: 'HOURS_OVER_24_PER_DAY', date: '2026-03-03' }));
    expect(e.fields).toEqual({ 'holiday-2026-03-03': 'More than 24 hours on 2026-03-03: shifts, PTO and holiday hours together cannot exceed a day.' });
    expect(e.general).toEqual([]);
    expect(timecardEditErrors(refusal('Hours cannot be negative (2026-03-04).', { code: 'NEGATIVE_HOURS', date: '2026-03-04' })).fields['holiday-2026-03-04']).toMatch(/negative/);
  });

  it('P2: a locked timecard or a refusal without a day is shown beside the button', () => {
    const e = timecardEditErrors(refusal('This timecard is approved and locked; it can no longer be edited.', { code: 'TIMECARD_APPROVED_LOCKED' }));
    expect(e).toEqual({ fields: {}, general: ['This timecard is approved and locked; it can no longer be edited.'] });
    expect(timecardEditErrors(undefined)).toEqual({ fields: {}, general: [] });
  });
});
