import type { ClientGrantedPermission } from '@advisor/schema';

export type Platform = 'PEO' | 'PAYROLL';
export type ClientStatus = 'ENROLLING' | 'ACTIVE';
export type ClientRole = 'RESPONSIBLE' | 'COLLABORATOR';
export const CLIENT_ADMIN_PERMISSIONS = ['MANAGE', 'MANAGE_EMPLOYEES', 'MANAGE_PAYMENTS', 'MANAGE_BENEFITS'] as const;
export type ClientAdminPermission = (typeof CLIENT_ADMIN_PERMISSIONS)[number];

/** Plain objects handed out by the domain. */
export interface CustomerSuccessContact {
  name: string;
  phone: string;
  email: string;
}

export interface ClientCompany {
  id: string;
  businessName: string;
  fein: string;
  platform: Platform;
  status: ClientStatus;
  /** SPEC F8; null only for companies registered before contacts were recorded. */
  customerSuccess: CustomerSuccessContact | null;
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
  /** SPEC F10: when this access ends by itself; null: until someone ends it. */
  endsAt: Date | null;
}

export interface ClientAdmin {
  id: string;
  clientId: string;
  firstName: string;
  lastName: string;
  email: string;
  permissions: ClientAdminPermission[];
}

/** SPEC C3: a member may do what both the firm assigned and the client still grants (the shared rule). */
export { effectiveClientPermissions as effectivePermissions } from '@advisor/rules';

/** SPEC F8: payroll support Monday to Friday 9:00–18:00 ET; PEO support around the clock. */
export function supportHoursOf(platform: Platform) {
  return platform === 'PEO'
    ? { description: 'Every day, 24 hours', alwaysOpen: true, days: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'], opens: null, closes: null, timeZone: 'America/New_York' }
    : { description: 'Monday to Friday, 9:00 to 18:00 ET', alwaysOpen: false, days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], opens: '09:00', closes: '18:00', timeZone: 'America/New_York' };
}

export function toClientCompany(c: {
  id: string; businessName: string; fein: string; platform: Platform; status: ClientStatus;
  csName: string | null; csPhone: string | null; csEmail: string | null;
}, viewerPermissions: ClientGrantedPermission[]): ClientCompany {
  return {
    id: c.id,
    businessName: c.businessName,
    fein: c.fein,
    platform: c.platform,
    status: c.status,
    customerSuccess: c.csName && c.csEmail ? { name: c.csName, phone: c.csPhone ?? '', email: c.csEmail } : null,
    viewerPermissions,
  };
}
