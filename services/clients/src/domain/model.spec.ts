import { effectivePermissions, supportHoursOf } from './model';

describe('clients model', () => {
  it('C3: effective permissions are the assignment narrowed by the link', () => {
    expect(effectivePermissions(['VIEW_COMPANY', 'RUN_PAYROLL', 'VIEW_REPORTS'], ['VIEW_COMPANY', 'VIEW_REPORTS'])).toEqual([
      'VIEW_COMPANY',
      'VIEW_REPORTS',
    ]);
    expect(effectivePermissions(['RUN_PAYROLL'], [])).toEqual([]);
  });

  it('F8: payroll support is Monday to Friday 9–18 ET; PEO support is 24/7', () => {
    expect(supportHoursOf('PAYROLL')).toMatchObject({ alwaysOpen: false, opens: '09:00', closes: '18:00', timeZone: 'America/New_York' });
    expect(supportHoursOf('PAYROLL').days).toEqual(['MON', 'TUE', 'WED', 'THU', 'FRI']);
    expect(supportHoursOf('PEO')).toMatchObject({ alwaysOpen: true, opens: null, closes: null });
    expect(supportHoursOf('PEO').days).toHaveLength(7);
  });
});
