import { forbidden, unauthenticated, type ClientAdminIdentity, type FirmMemberIdentity, type Identity } from '@advisor/kit';
import { requireFirmMember as requireFirmMemberWith } from '@advisor/rules';

/**
 * Who may do what with invitations. Every domain operation calls one of these first, so the rule
 * holds whichever resolver (or reference) reaches it.
 */

/** SPEC I1, I3, I4: the client admins who may invite a firm, and who receive and answer firm requests. */
export const INVITATION_ADMIN_PERMISSIONS = ['MANAGE', 'MANAGE_EMPLOYEES'] as const;

export function holdsInvitationAdminPermissions(permissions: readonly string[]): boolean {
  return INVITATION_ADMIN_PERMISSIONS.every((p) => permissions.includes(p));
}

/** A signed-in client admin holding both MANAGE and MANAGE_EMPLOYEES; anyone else is refused. */
export function requireInvitationAdmin(viewer: Identity, message: string): ClientAdminIdentity {
  if (viewer.realm === 'anonymous') throw unauthenticated();
  if (viewer.realm !== 'client' || !holdsInvitationAdminPermissions(viewer.permissions)) throw forbidden(message);
  return viewer;
}

/** Any signed-in client admin (their own notifications). */
export function requireClientAdmin(viewer: Identity, message: string): ClientAdminIdentity {
  if (viewer.realm === 'anonymous') throw unauthenticated();
  if (viewer.realm !== 'client') throw forbidden(message);
  return viewer;
}

/** Any signed-in member of a firm. */
export const requireFirmMember = (viewer: Identity, message: string): FirmMemberIdentity => requireFirmMemberWith(viewer, undefined, message);

/** SPEC F6: adding clients and sending firm invitations needs MANAGE_CLIENTS (the shared firm-permission rule). */
export const requireClientManager = (viewer: Identity, message: string): FirmMemberIdentity =>
  requireFirmMemberWith(viewer, 'MANAGE_CLIENTS', message);
