import {
  AuditEntryEntity,
  loadTypeDefs,
  startService,
  systemClock,
  type AccessTokenIssuer,
  type BaseServiceConfig,
  type Clock,
  type EventTransport,
  type Logger,
  type RunningService,
} from '@advisor/kit';
import { ClientCompanyEntity } from './db/entities/client-company.entity';
import { ClientAdminEntity } from './db/entities/client-admin.entity';
import { FirmLinkEntity } from './db/entities/firm-link.entity';
import { AssignmentEntity } from './db/entities/assignment.entity';
import { CreateClients1763769600000 } from './db/migrations/1763769600000-create-clients';
import { createClientsDomain, type ClientsDomain } from './domain';
import { createContext, type ClientsContext } from './context';
import { resolvers } from './resolvers';
import { invitationAcceptedHandler } from './events/handlers/invitation-accepted.handler';
import { memberDeactivatedHandler } from './events/handlers/member-deactivated.handler';
import { AuditTrail1763856000000 } from './db/migrations/1763856000000-audit-trail';
import { CustomerSuccessContact1763856000001 } from './db/migrations/1763856000001-customer-success-contact';

export const CLIENTS_SERVICE = 'clients';

export type RunningClientsService = RunningService & { domain: ClientsDomain };

export async function startClientsService(opts: {
  config: BaseServiceConfig;
  transport: EventTransport;
  issuer: AccessTokenIssuer;
  clock?: Clock;
  logger?: Logger;
}): Promise<RunningClientsService> {
  let domain: ClientsDomain | undefined;
  const running = await startService<ClientsContext>({
    name: CLIENTS_SERVICE,
    config: opts.config,
    transport: opts.transport,
    logger: opts.logger,
    entities: [ClientCompanyEntity, ClientAdminEntity, FirmLinkEntity, AssignmentEntity, AuditEntryEntity],
    migrations: [CreateClients1763769600000, AuditTrail1763856000000, CustomerSuccessContact1763856000001],
    typeDefs: loadTypeDefs(__dirname),
    producesEvents: true,
    build: (db) => {
      domain = createClientsDomain(db, opts.issuer, opts.clock ?? systemClock);
      const d = domain;
      return {
        resolvers,
        createContext: (identity) => createContext(d, identity),
        handlers: [invitationAcceptedHandler(d), memberDeactivatedHandler(d)],
      };
    },
  });
  return Object.assign(running, { domain: domain! });
}
