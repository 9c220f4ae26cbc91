import type { ClientGrantedPermission } from '@advisor/schema';

export type Platform = 'PEO' | 'PAYROLL';
export type ClientStatus = 'ENROLLING' | 'ACTIVE';
export type ClientRole = 'RESPONSIBLE' | 'COLLABORATOR';
export const CLIENT_ADMIN_PERMISSIONS = ['MANAGE', 'MANAGE_EMPLOYEES', 'MANAGE_PAYMENTS', 'MANAGE_BENEFITS'] as const;
export type ClientAdminPermission = (typeof CLIENT_ADMIN_PERMISSIONS)[number];

/** Plain objects handed out by the domain. */
export interface ClientCompany {
  id: string;
  businessName: string;
  fein: string;
  platform: Platform;
  status: ClientStatus;
  /** The viewer's effective permissions (SPEC C3), computed for whoever asked. */
  viewerPermissions: ClientGrantedPermission[];
}

export interface FirmLink {
  id: string;
  clientId: string;
  firmId: string;
  permissions: ClientGrantedPermission[];
  linkedAt: Date;
}

export interface Assignment {
  clientId: string;
  memberId: string;
  role: ClientRole;
  permissions: ClientGrantedPermission[];
  /** Assignment ∩ the link's current permissions (SPEC C3). */
  effectivePermissions: ClientGrantedPermission[];
  assignedAt: Date;
}

export interface ClientAdmin {
  id: string;
  clientId: string;
  firstName: string;
  lastName: string;
  email: string;
  permissions: ClientAdminPermission[];
}

/** SPEC C3: a member may do what both the firm assigned and the client still grants. */
export function effectivePermissions(
  assigned: readonly string[],
  granted: readonly string[],
): ClientGrantedPermission[] {
  const grantedSet = new Set(granted);
  return assigned.filter((p) => grantedSet.has(p)) as ClientGrantedPermission[];
}
