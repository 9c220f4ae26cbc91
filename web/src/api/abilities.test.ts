import { describe, expect, it } from 'vitest';
import { clientMay, firmMay, isReadOnly, type FirmAction } from './abilities';
import { member } from '../test-support/signed-in';

const ACTIONS: FirmAction[] = ['manageFirm', 'manageMembers', 'manageClients', 'assignClients', 'manageServiceAccounts', 'fetchTaxCards'];
const ALL_CLIENT = ['VIEW_COMPANY', 'MANAGE_EMPLOYEES', 'VIEW_PAYROLL', 'RUN_PAYROLL', 'APPROVE_TIMECARDS', 'VIEW_REPORTS', 'VIEW_TAX_DOCUMENTS'];
const offered = (me: ReturnType<typeof member>) => ACTIONS.filter((a) => firmMay(me, a));

describe('G3 an analyst sees read-only screens', () => {
  it('G3: an ANALYST is offered no firm action, even holding permissions', () => {
    const analyst = member('ANALYST');
    expect(isReadOnly(analyst)).toBe(true);
    expect(offered(analyst)).toEqual([]);
    expect(offered({ ...analyst, permissions: ['MANAGE_FIRM', 'MANAGE_MEMBERS', 'MANAGE_CLIENTS', 'ASSIGN_CLIENTS'] })).toEqual([]);
  });

  it('G3: on a client an ANALYST reads payroll but is offered no change, whatever the client permissions say', () => {
    expect(clientMay(member('ANALYST'), ALL_CLIENT)).toEqual({ view: true, approve: false, run: false, manageMembers: false, fetchTaxCards: false });
    expect(clientMay(member('ANALYST'), ['VIEW_COMPANY']).view).toBe(false);
  });
});

describe('F6 firm actions by permission', () => {
  it('F6: a MEMBER is offered exactly what their firm permissions allow; service accounts stay with ADMINs (G6)', () => {
    expect(offered(member('MEMBER'))).toEqual(['fetchTaxCards']);
    expect(offered(member('MEMBER', ['MANAGE_MEMBERS']))).toEqual(['manageMembers', 'fetchTaxCards']);
    expect(offered(member('MEMBER', ['MANAGE_CLIENTS', 'ASSIGN_CLIENTS']))).toEqual(['manageClients', 'assignClients', 'fetchTaxCards']);
    expect(offered(member('MEMBER', ['MANAGE_FIRM', 'VIEW_ALL_CLIENTS']))).toEqual(['manageFirm', 'fetchTaxCards']);
    expect(isReadOnly(member('MEMBER'))).toBe(false);
  });

  it('F6, G6: an ADMIN is offered everything', () => {
    expect(offered(member('ADMIN'))).toEqual(ACTIONS);
  });
});

describe('C3 payroll actions by effective permissions on the client', () => {
  it('C3: a member is offered on a client what assignment ∩ link gives them', () => {
    const m = member('MEMBER');
    expect(clientMay(m, ['VIEW_COMPANY', 'VIEW_PAYROLL'])).toEqual({ view: true, approve: false, run: false, manageMembers: false, fetchTaxCards: false });
    expect(clientMay(m, ['VIEW_PAYROLL', 'APPROVE_TIMECARDS'])).toMatchObject({ approve: true, run: false });
    expect(clientMay(m, ['VIEW_PAYROLL', 'RUN_PAYROLL', 'MANAGE_EMPLOYEES', 'VIEW_TAX_DOCUMENTS'])).toEqual({ view: true, approve: false, run: true, manageMembers: true, fetchTaxCards: true });
    // An ADMIN's firm role gives nothing on a client beyond its effective permissions.
    expect(clientMay(member('ADMIN'), ['VIEW_COMPANY'])).toEqual({ view: false, approve: false, run: false, manageMembers: false, fetchTaxCards: false });
  });
});
