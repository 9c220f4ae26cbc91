import type { FirmPermission, FirmRole } from '../gql/graphql';
import { payrollAbilities, type PayrollAbilities } from '../pages/payroll/payroll-logic';

/**
 * What the signed-in firm member may do, decided in this one place from what the API tells about
 * them (`me`: firm role and permissions; a client's `myPermissions`). The screens only show the
 * actions the API would accept; the API still decides (a hidden button is a courtesy, not a lock).
 *
 *  - SPEC G3: an `ANALYST` is read-only: no action that changes anything, whatever it holds.
 *  - SPEC F6: a member acts on the firm by firm permission; an `ADMIN` holds every one.
 *  - SPEC G6: only an `ADMIN` manages service accounts.
 *  - SPEC C3, P: on one client, by the caller's effective permissions there (assignment ∩ link).
 */
export type FirmAction =
  /** Edit the firm's details (MANAGE_FIRM). */
  | 'manageFirm'
  /** Invite, edit, deactivate members, resend or revoke invitations (MANAGE_MEMBERS). */
  | 'manageMembers'
  /** Add, refer and withdraw clients, send firm invitations, onboarding steps, groups (MANAGE_CLIENTS). */
  | 'manageClients'
  /** Assign members to clients, edit and end their access (ASSIGN_CLIENTS). */
  | 'assignClients'
  /** Create and revoke service accounts (ADMIN). */
  | 'manageServiceAccounts'
  /** Start a tax-card fetch or retry one (any member who may change something; per client VIEW_TAX_DOCUMENTS). */
  | 'fetchTaxCards';

const NEEDS: Record<Exclude<FirmAction, 'manageServiceAccounts' | 'fetchTaxCards'>, FirmPermission> = {
  manageFirm: 'MANAGE_FIRM',
  manageMembers: 'MANAGE_MEMBERS',
  manageClients: 'MANAGE_CLIENTS',
  assignClients: 'ASSIGN_CLIENTS',
};

/** The caller as `me` describes them. */
export interface Caller {
  firmRole: FirmRole;
  permissions: readonly FirmPermission[];
}

/** SPEC G3: an analyst only reads. */
export function isReadOnly(caller: Caller): boolean {
  return caller.firmRole === 'ANALYST';
}

/** May the caller do `action` in their firm? */
export function firmMay(caller: Caller, action: FirmAction): boolean {
  if (isReadOnly(caller)) return false;
  if (action === 'manageServiceAccounts') return caller.firmRole === 'ADMIN';
  if (action === 'fetchTaxCards') return true;
  return caller.firmRole === 'ADMIN' || caller.permissions.includes(NEEDS[action]);
}

/** What the caller may do on one client they see, from that client's `myPermissions` (SPEC C3). */
export function clientMay(caller: Caller, myPermissions: readonly string[]): PayrollAbilities & { fetchTaxCards: boolean } {
  const payroll = payrollAbilities({ realm: 'firm', effectivePermissions: myPermissions });
  if (isReadOnly(caller)) return { view: payroll.view, approve: false, run: false, manageMembers: false, fetchTaxCards: false };
  return { ...payroll, fetchTaxCards: myPermissions.includes('VIEW_TAX_DOCUMENTS') };
}
