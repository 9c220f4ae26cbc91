import DataLoader from 'dataloader';
import type { Identity, RequestOrigin } from '@advisor/kit';
import { firmInView } from '@advisor/rules';
import type { ClientsDomain } from './domain';
import type { Assignment, ClientAdmin, ClientCompany, FirmLink } from './domain/model';
import type { ClientGroup } from './domain/group.service';
import type { OnboardingProgress } from './domain/onboarding.service';
import type { RosterMember } from './domain/roster.service';

/** Per request: who is asking, the domain, and fresh loaders (nothing cached across callers). */
export interface ClientsContext {
  identity: Identity;
  /** Where the request came from, as the gateway saw it (sign-in throttling). */
  origin: RequestOrigin;
  domain: ClientsDomain;
  loaders: {
    client: DataLoader<string, ClientCompany | null>;
    companyOfVisibleAdmin: DataLoader<string, ClientCompany | null>;
    link: DataLoader<string, FirmLink | null>;
    assignments: DataLoader<string, Assignment[]>;
    groups: DataLoader<string, ClientGroup[]>;
    groupClients: DataLoader<string, ClientCompany[]>;
    admins: DataLoader<string, ClientAdmin[]>;
    onboarding: DataLoader<string, OnboardingProgress[]>;
    /** Issue 13: names from the roster copy, so the client list needs no call to firms. */
    rosterMember: DataLoader<string, RosterMember | null>;
    firmName: DataLoader<string, string | null>;
  };
  /** The one firm whose name and people the caller may see (the shared rule, @advisor/rules); read once per request. */
  firmInView(): Promise<string | null>;
}

export function createContext(domain: ClientsDomain, identity: Identity, origin: RequestOrigin = {}): ClientsContext {
  const link = new DataLoader<string, FirmLink | null>((ids) => domain.directory.linksByClientIds(ids));
  // The assignments' links come through the same loader as FirmLink fields: read once per request.
  const linksOf = async (ids: readonly string[]) =>
    (await link.loadMany(ids)).map((l) => {
      if (l instanceof Error) throw l;
      return l;
    });
  let inView: Promise<string | null> | undefined;
  return {
    identity,
    origin,
    domain,
    firmInView: () => (inView ??= firmInView(identity, async (clientId) => (await link.load(clientId))?.firmId ?? null)),
    loaders: {
      client: new DataLoader((ids) => domain.directory.clientsByIds(ids, identity)),
      companyOfVisibleAdmin: new DataLoader((ids) => domain.directory.companiesOfVisibleAdmins(ids)),
      link,
      assignments: new DataLoader((ids) => domain.directory.assignmentsByClientIds(ids, identity, linksOf)),
      groups: new DataLoader((ids) =>
        identity.realm === 'firm' ? domain.groups.groupsOfClients(identity.firmId, ids) : Promise.resolve(ids.map(() => [])),
      ),
      onboarding: new DataLoader((ids) => domain.onboarding.progressOf(ids)),
      groupClients: new DataLoader((ids) => domain.groups.clientsOfGroups(identity, ids)),
      admins: new DataLoader((ids) => domain.directory.adminsOfClients(ids, identity)),
      rosterMember: new DataLoader((ids) => domain.roster.membersByIds(ids)),
      firmName: new DataLoader((ids) => domain.roster.firmNamesByIds(ids)),
    },
  };
}
