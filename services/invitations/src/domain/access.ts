import { forbidden, unauthenticated, type ClientAdminIdentity, type FirmMemberIdentity, type Identity } from '@advisor/kit';

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
export function requireFirmMember(viewer: Identity, message: string): FirmMemberIdentity {
  if (viewer.realm === 'anonymous') throw unauthenticated();
  if (viewer.realm !== 'firm') throw forbidden(message);
  return viewer;
}

/** SPEC F6: adding clients and sending firm invitations needs MANAGE_CLIENTS; an ADMIN holds every permission. */
export function canManageClients(viewer: FirmMemberIdentity): boolean {
  return viewer.firmRole === 'ADMIN' || viewer.permissions.includes('MANAGE_CLIENTS');
}

export function requireClientManager(viewer: Identity, message: string): FirmMemberIdentity {
  const member = requireFirmMember(viewer, message);
  if (!canManageClients(member)) throw forbidden(message);
  return member;
}
