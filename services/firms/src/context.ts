import DataLoader from 'dataloader';
import type { Identity, RequestOrigin } from '@advisor/kit';
import type { FirmsDomain } from './domain';
import type { Firm, Member } from './domain/member';

/** Per request: who is asking, the domain, and fresh loaders (no cache shared between callers). */
export interface FirmsContext {
  identity: Identity;
  /** Where the request came from, as the gateway saw it (sign-in throttling). */
  origin: RequestOrigin;
  domain: FirmsDomain;
  loaders: {
    member: DataLoader<string, Member | null>;
    firm: DataLoader<string, Firm | null>;
    firmOfVisibleMember: DataLoader<string, Firm | null>;
    /** SPEC F9: whether members have an authenticator (only asked of members the viewer may see). */
    twoFactorEnabled: DataLoader<string, boolean>;
  };
}

export function createContext(domain: FirmsDomain, identity: Identity, origin: RequestOrigin = {}): FirmsContext {
  return {
    identity,
    origin,
    domain,
    loaders: {
      member: new DataLoader((ids) => domain.directory.membersByIds(ids, identity)),
      firm: new DataLoader((ids) => domain.directory.firmsByIds(ids, identity)),
      firmOfVisibleMember: new DataLoader((ids) => domain.directory.firmsOfVisibleMembers(ids)),
      twoFactorEnabled: new DataLoader((ids) => domain.twoFactor.enabledFor(ids)),
    },
  };
}
