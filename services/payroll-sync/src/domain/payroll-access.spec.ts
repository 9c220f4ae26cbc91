import type { ClientAdminIdentity, FirmMemberIdentity } from '@advisor/kit';
import { mayActOnPayroll, type PayrollAction } from './payroll-access';

const CLIENT = '11111111-1111-4111-8111-111111111111';
const member: FirmMemberIdentity = { realm: 'firm', memberId: '22222222-2222-4222-8222-222222222222', firmId: '33333333-3333-4333-8333-333333333333', email: 'm@f.example', firmRole: 'MEMBER', permissions: [] };
const admin = (permissions: string[], clientId = CLIENT): ClientAdminIdentity => ({ realm: 'client', clientAdminId: '44444444-4444-4444-8444-444444444444', clientId, email: 'a@c.example', permissions });
const ACTIONS: PayrollAction[] = ['VIEW', 'APPROVE', 'RUN', 'MANAGE_WORKERS'];

describe('who may act on payroll (SPEC P, C3, C6)', () => {
  it('P: a firm member acts by the effective permission each action needs, on a client they see', () => {
    const can = (permissions: string[], visible = true) => ACTIONS.filter((a) => mayActOnPayroll(member, CLIENT, a, { visible, permissions: permissions as never }));
    expect(can(['VIEW_PAYROLL'])).toEqual(['VIEW']);
    expect(can(['APPROVE_TIMECARDS'])).toEqual(['APPROVE']);
    expect(can(['RUN_PAYROLL'])).toEqual(['RUN']);
    expect(can(['MANAGE_EMPLOYEES'])).toEqual(['MANAGE_WORKERS']);
    expect(can(['VIEW_PAYROLL', 'RUN_PAYROLL', 'APPROVE_TIMECARDS', 'MANAGE_EMPLOYEES'], false)).toEqual([]);
    expect(ACTIONS.filter((a) => mayActOnPayroll(member, CLIENT, a, undefined))).toEqual([]);
  });

  it('P: a client admin with MANAGE acts on their own company only; without MANAGE, or anonymous, never', () => {
    expect(ACTIONS.every((a) => mayActOnPayroll(admin(['MANAGE']), CLIENT, a, undefined))).toBe(true);
    expect(ACTIONS.some((a) => mayActOnPayroll(admin(['MANAGE_EMPLOYEES']), CLIENT, a, undefined))).toBe(false);
    expect(ACTIONS.some((a) => mayActOnPayroll(admin(['MANAGE'], '55555555-5555-4555-8555-555555555555'), CLIENT, a, undefined))).toBe(false);
    expect(ACTIONS.some((a) => mayActOnPayroll({ realm: 'anonymous' }, CLIENT, a, { visible: true, permissions: ['RUN_PAYROLL'] }))).toBe(false);
  });
});
