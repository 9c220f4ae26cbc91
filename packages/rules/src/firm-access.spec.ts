import { DomainError, type FirmMemberIdentity } from '@advisor/kit';
import { clientAccessOf, effectiveClientPermissions, holdsFirmPermission, requireFirmMember, seesAllFirmClients } from './firm-access';

const member = (extra: Partial<FirmMemberIdentity> = {}): FirmMemberIdentity => ({
  realm: 'firm',
  memberId: '00000000-0000-4000-8000-000000000001',
  firmId: '00000000-0000-4000-8000-0000000000f1',
  email: 'm@firm.example',
  firmRole: 'MEMBER',
  permissions: [],
  ...extra,
});

describe('the firm-permission check (SPEC F6, C3, C6)', () => {
  it('F6: an ADMIN holds every permission; a MEMBER holds what was granted', () => {
    expect(holdsFirmPermission(member({ firmRole: 'ADMIN' }), 'ASSIGN_CLIENTS')).toBe(true);
    expect(holdsFirmPermission(member({ permissions: ['ASSIGN_CLIENTS'] }), 'ASSIGN_CLIENTS')).toBe(true);
    expect(holdsFirmPermission(member(), 'ASSIGN_CLIENTS')).toBe(false);
  });

  it('F6: requireFirmMember refuses anonymous callers, client admins and members without the permission', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
        return 'ok';
      } catch (err) {
        return (err as DomainError).code;
      }
    };
    expect(code(() => requireFirmMember({ realm: 'anonymous' }))).toBe('UNAUTHENTICATED');
    expect(code(() => requireFirmMember({ realm: 'client', clientAdminId: 'a', clientId: 'c', email: 'a@c.example', permissions: [] }))).toBe('FORBIDDEN');
    expect(code(() => requireFirmMember(member(), 'MANAGE_CLIENTS'))).toBe('FORBIDDEN');
    expect(code(() => requireFirmMember(member({ permissions: ['MANAGE_CLIENTS'] }), 'MANAGE_CLIENTS'))).toBe('ok');
  });

  it('C3: effective permissions are the assignment ∩ the link', () => {
    expect(effectiveClientPermissions(['VIEW_PAYROLL', 'RUN_PAYROLL'], ['VIEW_COMPANY', 'VIEW_PAYROLL'])).toEqual(['VIEW_PAYROLL']);
  });

  it('C6: assigned members and VIEW_ALL_CLIENTS see a client linked to their firm; no one sees another firm\'s', () => {
    const link = { firmId: member().firmId, permissions: ['VIEW_COMPANY', 'VIEW_PAYROLL'] };
    expect(clientAccessOf(member(), link, { permissions: ['VIEW_PAYROLL', 'RUN_PAYROLL'] })).toEqual({ visible: true, permissions: ['VIEW_PAYROLL'] });
    expect(clientAccessOf(member(), link, null)).toEqual({ visible: false, permissions: [] });
    expect(seesAllFirmClients(member({ permissions: ['VIEW_ALL_CLIENTS'] }))).toBe(true);
    expect(clientAccessOf(member({ permissions: ['VIEW_ALL_CLIENTS'] }), link, null)).toEqual({ visible: true, permissions: [] });
    expect(clientAccessOf(member({ firmRole: 'ADMIN', firmId: 'another' }), link, { permissions: ['VIEW_PAYROLL'] }).visible).toBe(false);
    expect(clientAccessOf(member(), null, { permissions: ['VIEW_PAYROLL'] }).visible).toBe(false);
  });
});
