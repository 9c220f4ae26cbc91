import DataLoader from 'dataloader';
import type { Identity } from '@advisor/kit';
import type { ClientsDomain } from './domain';
import type { Assignment, ClientCompany, FirmLink } from './domain/model';

export interface ClientsContext {
  identity: Identity;
  domain: ClientsDomain;
  loaders: {
    client: DataLoader<string, ClientCompany | null>;
    companyOfVisibleAdmin: DataLoader<string, ClientCompany | null>;
    link: DataLoader<string, FirmLink | null>;
    assignments: DataLoader<string, Assignment[]>;
  };
}

export function createContext(domain: ClientsDomain, identity: Identity): ClientsContext {
  return {
    identity,
    domain,
    loaders: {
      client: new DataLoader((ids) => domain.directory.clientsByIds(ids, identity)),
      companyOfVisibleAdmin: new DataLoader((ids) => domain.directory.companiesOfVisibleAdmins(ids)),
      link: new DataLoader((ids) => domain.directory.linksByClientIds(ids)),
      assignments: new DataLoader((ids) => domain.directory.assignmentsByClientIds(ids, identity)),
    },
  };
}
