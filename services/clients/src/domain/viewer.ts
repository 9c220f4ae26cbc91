import { forbidden, unauthenticated, type ClientAdminIdentity, type Identity } from '@advisor/kit';
import { requireFirmMember, requireFirmWriter, seesAllFirmClients, type FirmPermission } from '@advisor/rules';

export { seesAllFirmClients };

/**
 * Who is asking, checked in the domain. Firm permissions come from the access token, which the
 * gateway refuses as soon as the member's role or permissions change (`member.access-changed`);
 * the rule itself (SPEC F6, C6) is the shared one in @advisor/rules.
 */
export const firmMember = (identity: Identity, permission?: FirmPermission) => requireFirmMember(identity, permission);

/** A firm member who may change something (SPEC G3, G6: never an analyst or a service account). */
export const firmWriter = (identity: Identity, permission?: FirmPermission) => requireFirmWriter(identity, permission);

/** A client admin, holding every one of `permissions` in their company's own account. */
export function clientAdmin(identity: Identity, ...permissions: string[]): ClientAdminIdentity {
  if (identity.realm === 'anonymous') throw unauthenticated();
  if (identity.realm !== 'client') throw forbidden('Only client admins can do this.');
  if (!permissions.every((p) => identity.permissions.includes(p))) {
    throw forbidden(`You need the ${permissions.join(' and ')} permission${permissions.length > 1 ? 's' : ''} to do this.`);
  }
  return identity;
}
