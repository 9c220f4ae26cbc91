import type { Identity } from '@advisor/kit';
import type { ClientAccess } from '@advisor/rules';

/**
 * What someone does on a client's payroll, and the firm permission each needs (SPEC C2, C3):
 *  - VIEW: read timecards, pay periods, the sync report and the change log (`VIEW_PAYROLL`);
 *  - APPROVE: edit and approve timecards, send a shift again (`APPROVE_TIMECARDS`);
 *  - RUN: connect, disconnect and refresh time tracking, run payroll (`RUN_PAYROLL`);
 *  - MANAGE_WORKERS: add payroll members, change flags and pay rates (`MANAGE_EMPLOYEES`);
 *  - TAX_CARDS: fetch and read employees' tax cards (SPEC P6, `VIEW_TAX_DOCUMENTS`).
 */
export type PayrollAction = 'VIEW' | 'APPROVE' | 'RUN' | 'MANAGE_WORKERS' | 'TAX_CARDS';

const FIRM_PERMISSION_FOR: Record<PayrollAction, string> = {
  VIEW: 'VIEW_PAYROLL',
  APPROVE: 'APPROVE_TIMECARDS',
  RUN: 'RUN_PAYROLL',
  MANAGE_WORKERS: 'MANAGE_EMPLOYEES',
  TAX_CARDS: 'VIEW_TAX_DOCUMENTS',
};

/**
 * SPEC P "who may act" (with C3, C6): the one rule every payroll read and write goes through.
 * A client's own admins holding `MANAGE` may do everything on their own company; a firm member
 * may act on a client they see (C6) when their effective permissions there (assignment ∩ link,
 * C3) include the action's permission. Nobody else may do anything.
 * `access` is the firm member's access to `clientId` from the shared copy (clientAccessFromCopy).
 */
export function mayActOnPayroll(identity: Identity, clientId: string, action: PayrollAction, access: ClientAccess | undefined): boolean {
  if (identity.realm === 'client') return identity.clientId === clientId && identity.permissions.includes('MANAGE');
  if (identity.realm !== 'firm') return false;
  return !!access?.visible && (access.permissions as string[]).includes(FIRM_PERMISSION_FOR[action]);
}

/** Which permission an action needs, for refusal messages. */
export const permissionNeededFor = (identity: Identity, action: PayrollAction): string =>
  identity.realm === 'client' ? 'MANAGE' : FIRM_PERMISSION_FOR[action];
