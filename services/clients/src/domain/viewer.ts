import { forbidden, unauthenticated, type ClientAdminIdentity, type FirmMemberIdentity, type Identity } from '@advisor/kit';

/**
 * Who is asking, checked in the domain. Firm permissions come from the access token, which the
 * gateway refuses as soon as the member's role or permissions change (`member.access-changed`).
 */
export function firmMember(identity: Identity, permission?: string): FirmMemberIdentity {
  if (identity.realm === 'anonymous') throw unauthenticated();
  if (identity.realm !== 'firm') throw forbidden('Only firm members can do this.');
  if (permission && identity.firmRole !== 'ADMIN' && !identity.permissions.includes(permission)) {
    throw forbidden(`You need the ${permission} permission to do this.`);
  }
  return identity;
}

/** SPEC C6/H: admins and members with VIEW_ALL_CLIENTS see every client linked to the firm. */
export function seesAllFirmClients(viewer: FirmMemberIdentity): boolean {
  return viewer.firmRole === 'ADMIN' || viewer.permissions.includes('VIEW_ALL_CLIENTS');
}

/** A client admin, holding every one of `permissions` in their company's own account. */
export function clientAdmin(identity: Identity, ...permissions: string[]): ClientAdminIdentity {
  if (identity.realm === 'anonymous') throw unauthenticated();
  if (identity.realm !== 'client') throw forbidden('Only client admins can do this.');
  if (!permissions.every((p) => identity.permissions.includes(p))) {
    throw forbidden(`You need the ${permissions.join(' and ')} permission${permissions.length > 1 ? 's' : ''} to do this.`);
  }
  return identity;
}
