import { DomainError, type FirmMemberIdentity } from '@advisor/kit';
import { clientAccessOf } from './firm-access';
import { principalOfReach, reachBasisOf, requireLeaverReportReader } from './leaver-report';

const member = (extra: Partial<FirmMemberIdentity> = {}): FirmMemberIdentity => ({
  realm: 'firm',
  memberId: '00000000-0000-4000-8000-000000000001',
  firmId: '00000000-0000-4000-8000-0000000000f1',
  email: 'm@firm.example',
  firmRole: 'MEMBER',
  permissions: [],
  ...extra,
});
const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return (err as DomainError).code;
  }
};

describe('F11 leaver report: who may read it and what a member reaches', () => {
  it('F11: an ADMIN, or MANAGE_MEMBERS with VIEW_ALL_CLIENTS, reads it; MANAGE_MEMBERS alone, analysts and client admins are refused', () => {
    expect(code(() => requireLeaverReportReader(member({ firmRole: 'ADMIN' })))).toBe('ok');
    expect(code(() => requireLeaverReportReader(member({ permissions: ['MANAGE_MEMBERS', 'VIEW_ALL_CLIENTS'] })))).toBe('ok');
    expect(code(() => requireLeaverReportReader(member({ permissions: ['MANAGE_MEMBERS'] })))).toBe('FORBIDDEN');
    expect(code(() => requireLeaverReportReader(member({ firmRole: 'ANALYST', permissions: ['VIEW_ALL_CLIENTS', 'MANAGE_MEMBERS'] })))).toBe('FORBIDDEN');
    expect(code(() => requireLeaverReportReader({ realm: 'client', clientAdminId: member().memberId, clientId: member().firmId, email: 'a@b.example', permissions: ['MANAGE'] }))).toBe('FORBIDDEN');
    expect(code(() => requireLeaverReportReader({ realm: 'anonymous' }))).toBe('UNAUTHENTICATED');
  });

  it('F11, C3, C6: the principal rebuilt from the reach basis reaches exactly what the member does', () => {
    const link = { firmId: member().firmId, permissions: ['VIEW_COMPANY', 'VIEW_PAYROLL', 'RUN_PAYROLL'] };
    const assignment = { permissions: ['VIEW_PAYROLL', 'RUN_PAYROLL', 'APPROVE_TIMECARDS'] };
    const people = [
      member({ firmRole: 'ADMIN' }),
      member({ permissions: ['VIEW_ALL_CLIENTS'] }),
      member({ permissions: ['MANAGE_MEMBERS'] }),
      member({ firmRole: 'ANALYST', permissions: ['VIEW_ALL_CLIENTS'] }),
      member({ firmRole: 'ANALYST' }),
    ];
    for (const person of people) {
      const rebuilt = principalOfReach(person.memberId, person.firmId, reachBasisOf(person));
      for (const a of [assignment, null]) {
        expect(clientAccessOf(rebuilt, link, a)).toEqual(clientAccessOf(person, link, a));
      }
      expect(clientAccessOf(rebuilt, { ...link, firmId: 'another' }, assignment).visible).toBe(false);
    }
  });
});
