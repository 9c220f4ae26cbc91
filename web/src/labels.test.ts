import { describe, expect, it } from 'vitest';
import { currentPeriod, humanize, normalizeFein, permissionList } from './labels';
import { safeNext } from './api/session';
import { describeChange } from './components/audit-table';

describe('labels', () => {
  it('C1: a FEIN typed as nine digits is sent as NN-NNNNNNN; anything else as typed, for the API to judge', () => {
    expect(normalizeFein('123456789')).toBe('12-3456789');
    expect(normalizeFein(' 12-3456789 ')).toBe('12-3456789');
    expect(normalizeFein('12345')).toBe('12345');
  });

  it('names permissions and codes in words', () => {
    expect(permissionList(['VIEW_COMPANY', 'RUN_PAYROLL'])).toBe('View company, Run payroll');
    expect(permissionList([])).toBe('None');
    expect(humanize('ASSIGNMENT_CREATED')).toBe('Assignment created');
  });

  it('C10: the current pay period is this month', () => {
    expect(currentPeriod(new Date(2026, 0, 31))).toBe('2026-01');
  });
});

describe('safeNext', () => {
  it('only returns to paths inside the app, never to another origin', () => {
    expect(safeNext('/invitations/accept?token=abc')).toBe('/invitations/accept?token=abc');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(null, '/company')).toBe('/company');
  });
});

describe('describeChange (G4)', () => {
  it('shows what changed between the before and after snapshots', () => {
    expect(describeChange('{"permissions":["VIEW_COMPANY"],"firm":"f1"}', '{"permissions":["VIEW_COMPANY","RUN_PAYROLL"],"firm":"f1"}')).toBe(
      'permissions: VIEW_COMPANY → VIEW_COMPANY, RUN_PAYROLL',
    );
    expect(describeChange(null, '{"role":"COLLABORATOR"}')).toBe('role: COLLABORATOR');
    expect(describeChange('{"role":"COLLABORATOR"}', null)).toBe('role: COLLABORATOR removed');
  });
});
