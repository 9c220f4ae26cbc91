import type { Identity } from '@advisor/kit';
import type { InvitationsDomain } from './domain';

export interface InvitationsContext {
  identity: Identity;
  domain: InvitationsDomain;
}

export function createContext(domain: InvitationsDomain, identity: Identity): InvitationsContext {
  return { identity, domain };
}
