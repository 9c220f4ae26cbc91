import type { AccessTokenIssuer, Clock, Database } from '@advisor/kit';
import { ClientDirectoryService } from './client-directory.service';
import { LinkService } from './link.service';
import { ClientAdminSessionService } from './client-admin-session.service';
import { ClientRegistryService } from './client-registry.service';
import { AssignmentService } from './assignment.service';

export interface ClientsDomain {
  directory: ClientDirectoryService;
  links: LinkService;
  clientAdminSessions: ClientAdminSessionService;
  registry: ClientRegistryService;
  assignments: AssignmentService;
}

export function createClientsDomain(db: Database, issuer: AccessTokenIssuer, clock: Clock): ClientsDomain {
  return {
    directory: new ClientDirectoryService(db),
    links: new LinkService(db),
    clientAdminSessions: new ClientAdminSessionService(db, issuer, clock),
    registry: new ClientRegistryService(db, clock),
    assignments: new AssignmentService(),
  };
}
