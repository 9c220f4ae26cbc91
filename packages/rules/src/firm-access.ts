import { forbidden, unauthenticated, type FirmMemberIdentity, type Identity } from '@advisor/kit';
import type { ClientGrantedPermission } from '@advisor/schema';

/**
 * Who at a firm may do what, decided in one place for every service (SPEC F6, C3, C6).
 * `grep "SPEC C6"` lands here; the services call these and never re-code the rule.
 */

export const FIRM_PERMISSIONS = ['MANAGE_FIRM', 'MANAGE_MEMBERS', 'MANAGE_CLIENTS', 'ASSIGN_CLIENTS', 'VIEW_ALL_CLIENTS'] as const;
export type FirmPermission = (typeof FIRM_PERMISSIONS)[number];

type FirmRoleHolder = Pick<FirmMemberIdentity, 'firmRole' | 'permissions'>;

/**
 * SPEC G3, G6: who may read but never change anything: analysts (the firm role `ANALYST`) and
 * firms' service accounts, which act as analysts of their firm.
 */
export function isReadOnlyFirmPrincipal(member: Pick<FirmMemberIdentity, 'firmRole'>): boolean {
  return member.firmRole === 'ANALYST';
}

/**
 * SPEC F6: an ADMIN holds every firm permission; anyone else holds what they were granted.
 * SPEC G3: an ANALYST (and a service account, G6) holds at most VIEW_ALL_CLIENTS, never a
 * permission that changes something.
 */
export function holdsFirmPermission(member: FirmRoleHolder, permission: FirmPermission): boolean {
  if (member.firmRole === 'ADMIN') return true;
  if (isReadOnlyFirmPrincipal(member)) return permission === 'VIEW_ALL_CLIENTS' && member.permissions.includes(permission);
  return member.permissions.includes(permission);
}

/** SPEC C6 (and H's partner admin): ADMINs and members with VIEW_ALL_CLIENTS see every client linked to the firm. */
export function seesAllFirmClients(member: FirmRoleHolder): boolean {
  return holdsFirmPermission(member, 'VIEW_ALL_CLIENTS');
}

/**
 * A signed-in firm member, holding `permission` when one is named; anyone else is refused
 * (UNAUTHENTICATED when nobody signed in, FORBIDDEN otherwise).
 */
export function requireFirmMember(identity: Identity, permission?: FirmPermission, message?: string): FirmMemberIdentity {
  if (identity.realm === 'anonymous') throw unauthenticated();
  if (identity.realm !== 'firm') throw forbidden(message ?? 'Only firm members can do this.');
  if (permission && !holdsFirmPermission(identity, permission)) {
    throw forbidden(message ?? `You need the ${permission} permission to do this.`);
  }
  return identity;
}

/**
 * SPEC G3, G6: the one gate of every change a firm member makes: FORBIDDEN for analysts and
 * service accounts, whatever they hold. Every firm-side mutation passes through it (directly,
 * or through a permission analysts never hold).
 */
export function requireFirmWriter(identity: Identity, permission?: FirmPermission, message?: string): FirmMemberIdentity {
  const member = requireFirmMember(identity, undefined, message);
  if (isReadOnlyFirmPrincipal(member)) {
    throw forbidden(member.serviceAccount ? 'Service accounts have read-only access.' : 'Analysts have read-only access.');
  }
  return permission ? requireFirmMember(identity, permission, message) : member;
}

/** SPEC C2: the permissions of a link that only let someone look. */
export const READ_ONLY_CLIENT_PERMISSIONS: readonly ClientGrantedPermission[] = ['VIEW_COMPANY', 'VIEW_PAYROLL', 'VIEW_REPORTS', 'VIEW_TAX_DOCUMENTS'];

/** SPEC C3: a member may do what both the firm assigned and the client still grants the firm. */
export function effectiveClientPermissions(assigned: readonly string[], granted: readonly string[]): ClientGrantedPermission[] {
  const grantedSet = new Set(granted);
  return assigned.filter((p) => grantedSet.has(p)) as ClientGrantedPermission[];
}

export interface ClientAccess {
  /** SPEC C6: whether the member sees the client at all. */
  visible: boolean;
  /** SPEC C3: assignment ∩ link; empty for a VIEW_ALL_CLIENTS member who is not assigned. */
  permissions: ClientGrantedPermission[];
}

const NO_ACCESS: ClientAccess = Object.freeze({ visible: false, permissions: [] });

/**
 * SPEC C6 and C3 for one client: a firm member sees a client linked to their firm when they are
 * assigned to it, or when they see all of the firm's clients; what they may do there is their
 * assignment's permissions intersected with the link's.
 */
export function clientAccessOf(
  member: FirmMemberIdentity,
  link: { firmId: string; permissions: readonly string[] } | null | undefined,
  assignment: { permissions: readonly string[] } | null | undefined,
): ClientAccess {
  if (!link || link.firmId !== member.firmId) return NO_ACCESS;
  if (!assignment && !seesAllFirmClients(member)) return NO_ACCESS;
  // SPEC G3, G6: an analyst or service account reads what the link lets the firm read (key
  // figures, reports), assigned or not, and never holds a permission that changes something.
  if (isReadOnlyFirmPrincipal(member)) {
    if (!seesAllFirmClients(member)) return NO_ACCESS;
    return { visible: true, permissions: effectiveClientPermissions(READ_ONLY_CLIENT_PERMISSIONS, link.permissions) };
  }
  return { visible: true, permissions: effectiveClientPermissions(assignment?.permissions ?? [], link.permissions) };
}

/**
 * The one firm whose name and people (members' names) the viewer may see: a firm member (or
 * analyst, service account) their own firm; a client admin the firm linked to their company;
 * nobody else any. Decided here for firms' directory and for the names clients shows from its
 * roster copy (issue 13), so both answer alike. `linkedFirmOf` reads the company's current link.
 */
export async function firmInView(viewer: Identity, linkedFirmOf: (clientId: string) => Promise<string | null>): Promise<string | null> {
  if (viewer.realm === 'firm') return viewer.firmId;
  if (viewer.realm === 'client') return linkedFirmOf(viewer.clientId);
  return null;
}
