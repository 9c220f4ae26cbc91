import { forbidden, type FirmMemberIdentity, type Identity } from '@advisor/kit';
import { holdsFirmPermission, isReadOnlyFirmPrincipal, requireFirmMember, seesAllFirmClients } from './firm-access';

/**
 * SPEC F11: who may read a member's leaver report. The report names every client the member can
 * reach, so its reader must see every client of the firm (C6) as well as manage members (F6):
 * MANAGE_MEMBERS and VIEW_ALL_CLIENTS, both of which an ADMIN holds. A member with
 * MANAGE_MEMBERS alone would otherwise learn of clients C6 hides from them. Analysts and service
 * accounts never hold MANAGE_MEMBERS. Each subgraph contributing to the report asks this, and
 * also keeps to the reader's own firm.
 */
export function requireLeaverReportReader(identity: Identity): FirmMemberIdentity {
  const reader = requireFirmMember(identity, 'MANAGE_MEMBERS', LEAVER_REPORT_FORBIDDEN);
  if (!holdsFirmPermission(reader, 'VIEW_ALL_CLIENTS')) throw forbidden(LEAVER_REPORT_FORBIDDEN);
  return reader;
}

export const LEAVER_REPORT_FORBIDDEN =
  'The leaver report needs the MANAGE_MEMBERS and VIEW_ALL_CLIENTS permissions (a firm admin holds both).';

/**
 * SPEC F11, C6: what about a member's firm role decides which clients they reach, as the firms
 * service (which owns roles) hands it to the subgraphs that own the clients.
 */
export interface ReachBasis {
  /** SPEC C6: ADMIN or VIEW_ALL_CLIENTS: every client linked to the firm. */
  seesAllClients: boolean;
  /** SPEC G3: an ANALYST reads what the link lets the firm read, never more. */
  readOnly: boolean;
}

export function reachBasisOf(member: Pick<FirmMemberIdentity, 'firmRole' | 'permissions'>): ReachBasis {
  return { seesAllClients: seesAllFirmClients(member), readOnly: isReadOnlyFirmPrincipal(member) };
}

/**
 * The principal `clientAccessOf` decides for, rebuilt from a reach basis: same visibility and
 * permissions as the member themself (an ADMIN reaches what a VIEW_ALL_CLIENTS member does).
 */
export function principalOfReach(memberId: string, firmId: string, basis: ReachBasis): FirmMemberIdentity {
  return {
    realm: 'firm',
    memberId,
    firmId,
    email: 'leaver-report@invalid.example',
    firmRole: basis.readOnly ? 'ANALYST' : 'MEMBER',
    permissions: basis.seesAllClients ? ['VIEW_ALL_CLIENTS'] : [],
  };
}
