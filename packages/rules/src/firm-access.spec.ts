import { ANONYMOUS, DomainError, PLATFORM, type ClientAdminIdentity, type FirmMemberIdentity } from '@advisor/kit';
import { clientAccessOf, effectiveClientPermissions, firmInView, holdsFirmPermission, requireFirmMember, requireFirmWriter, seesAllFirmClients } from './firm-access';

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

  const code = (fn: () => unknown) => {
    try {
      fn();
      return 'ok';
    } catch (err) {
      return (err as DomainError).code;
    }
  };
  const analyst = (extra: Partial<FirmMemberIdentity> = {}) => member({ firmRole: 'ANALYST', permissions: ['VIEW_ALL_CLIENTS'], ...extra });

  it('G3: an ANALYST sees every client of the firm, reads what the link lets the firm read, and holds nothing that changes anything', () => {
    const link = { firmId: member().firmId, permissions: ['VIEW_COMPANY', 'VIEW_PAYROLL', 'RUN_PAYROLL', 'APPROVE_TIMECARDS'] };
    expect(seesAllFirmClients(analyst())).toBe(true);
    expect(clientAccessOf(analyst(), link, null)).toEqual({ visible: true, permissions: ['VIEW_COMPANY', 'VIEW_PAYROLL'] });
    // Even assigned with write permissions, an analyst only reads.
    expect(clientAccessOf(analyst(), link, { permissions: ['RUN_PAYROLL', 'APPROVE_TIMECARDS'] }).permissions).toEqual(['VIEW_COMPANY', 'VIEW_PAYROLL']);
    expect(clientAccessOf(analyst({ firmId: 'another' }), link, null).visible).toBe(false);
    for (const p of ['MANAGE_FIRM', 'MANAGE_MEMBERS', 'MANAGE_CLIENTS', 'ASSIGN_CLIENTS'] as const) {
      expect(holdsFirmPermission(analyst({ permissions: [p, 'VIEW_ALL_CLIENTS'] }), p)).toBe(false);
    }
    expect(code(() => requireFirmWriter(analyst()))).toBe('FORBIDDEN');
    expect(code(() => requireFirmWriter(analyst(), 'MANAGE_CLIENTS'))).toBe('FORBIDDEN');
    expect(code(() => requireFirmWriter(member()))).toBe('ok');
    expect(code(() => requireFirmWriter({ realm: 'anonymous' }))).toBe('UNAUTHENTICATED');
  });

  it('G6: a service account (an ANALYST principal) sees nothing without the read scope and never writes', () => {
    const service = analyst({ permissions: [], serviceAccount: { name: 'exporter', scopes: ['events:read'] } });
    const link = { firmId: member().firmId, permissions: ['VIEW_COMPANY'] };
    expect(seesAllFirmClients(service)).toBe(false);
    expect(clientAccessOf(service, link, null).visible).toBe(false);
    expect(clientAccessOf(service, link, { permissions: ['VIEW_COMPANY'] }).visible).toBe(false);
    expect(code(() => requireFirmWriter(analyst({ serviceAccount: { name: 'x', scopes: ['read'] } })))).toBe('FORBIDDEN');
  });
});

describe('issue 13: whose firm and people a viewer may see (firms\' directory and clients\' roster copy alike)', () => {
  const linked = '00000000-0000-4000-8000-0000000000f2';
  const clientAdmin = { realm: 'client', clientAdminId: '00000000-0000-4000-8000-00000000000a', clientId: '00000000-0000-4000-8000-0000000000c1', email: 'a@client.example', permissions: ['MANAGE'] } as ClientAdminIdentity;
  const asked: string[] = [];
  const linkedFirmOf = async (clientId: string) => (asked.push(clientId), clientId === clientAdmin.clientId ? linked : null);

  it('a firm member their own firm, without reading any link; a client admin the firm linked to their company', async () => {
    expect(await firmInView(member(), linkedFirmOf)).toBe(member().firmId);
    expect(asked).toEqual([]);
    expect(await firmInView(clientAdmin, linkedFirmOf)).toBe(linked);
    expect(await firmInView({ ...clientAdmin, clientId: '00000000-0000-4000-8000-0000000000c2' }, linkedFirmOf)).toBeNull();
  });

  it('refused: the platform account and anonymous callers see no firm\'s people', async () => {
    expect(await firmInView(PLATFORM, linkedFirmOf)).toBeNull();
    expect(await firmInView(ANONYMOUS, linkedFirmOf)).toBeNull();
  });
});
