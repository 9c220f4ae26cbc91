import { ALL_EVENTS } from '@advisor/schema';
import {
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
import { AuditEntryEntity, SignInThrottleEntity } from '@advisor/rules';
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
import { memberJoinedHandler } from './events/handlers/member-joined.handler';
import { firmRenamedHandler } from './events/handlers/firm-renamed.handler';
import { payrollRunCompletedHandler } from './events/handlers/payroll-run-completed.handler';
import { FirmMemberEntity, FirmNameEntity } from './db/entities/firm-member.entity';
import { ClientGroupEntity, ClientGroupMemberEntity, GroupPeriodStatusEntity } from './db/entities/client-group.entity';
import { OnboardingStepEntity } from './db/entities/onboarding-step.entity';
import { PeoReferralEntity } from './db/entities/peo-referral.entity';
import { RosterGroupsOnboardingReferrals1763942400000 } from './db/migrations/1763942400000-roster-groups-onboarding-referrals';
import { AuditTrail1763856000000 } from './db/migrations/1763856000000-audit-trail';
import { CustomerSuccessContact1763856000001 } from './db/migrations/1763856000001-customer-success-contact';
import { OutboxClaims1764201600000 } from './db/migrations/1764201600000-outbox-claims';
import { SignInThrottle1764460800000 } from './db/migrations/1764460800000-sign-in-throttle';
import { AssignmentEndDates1764547200000 } from './db/migrations/1764547200000-assignment-end-dates';
import { RosterNames1764806400132 } from './db/migrations/1764806400132-roster-names';
import type { AccessExpiryOptions } from './domain';

export const CLIENTS_SERVICE = 'clients';

/** The clients service's tables and migrations (also opened by its integration tests). */
export const CLIENTS_ENTITIES = [
  ClientCompanyEntity,
  ClientAdminEntity,
  FirmLinkEntity,
  AssignmentEntity,
  AuditEntryEntity,
  FirmMemberEntity,
  FirmNameEntity,
  ClientGroupEntity,
  ClientGroupMemberEntity,
  GroupPeriodStatusEntity,
  OnboardingStepEntity,
  PeoReferralEntity,
  SignInThrottleEntity,
];
export const CLIENTS_MIGRATIONS = [CreateClients1763769600000, AuditTrail1763856000000, CustomerSuccessContact1763856000001, RosterGroupsOnboardingReferrals1763942400000, OutboxClaims1764201600000, SignInThrottle1764460800000, AssignmentEndDates1764547200000, RosterNames1764806400132];

export type RunningClientsService = RunningService & { domain: ClientsDomain };

export async function startClientsService(opts: {
  config: BaseServiceConfig;
  transport: EventTransport;
  issuer: AccessTokenIssuer;
  clock?: Clock;
  logger?: Logger;
  /** SPEC F10: how often to end access past its end date (default one minute). */
  accessExpiry?: AccessExpiryOptions;
}): Promise<RunningClientsService> {
  let domain: ClientsDomain | undefined;
  const running = await startService<ClientsContext>({
    name: CLIENTS_SERVICE,
    config: opts.config,
    transport: opts.transport,
    logger: opts.logger,
    entities: CLIENTS_ENTITIES,
    migrations: CLIENTS_MIGRATIONS,
    typeDefs: loadTypeDefs(__dirname),
    producesEvents: true,
    topics: ALL_EVENTS,
    build: (db) => {
      domain = createClientsDomain(db, opts.issuer, opts.clock ?? systemClock, opts.logger, opts.accessExpiry);
      const d = domain;
      return {
        resolvers,
        createContext: (identity, origin) => createContext(d, identity, origin),
        handlers: [invitationAcceptedHandler(d), memberJoinedHandler(d), firmRenamedHandler(d), memberDeactivatedHandler(d), payrollRunCompletedHandler(d)],
      };
    },
  });
  const clients = domain!;
  // SPEC F10: each replica sweeps; the claim inside makes every end happen once.
  clients.accessExpiry.start();
  // Taken before Object.assign replaces it: calling running.stop from the new stop would call itself.
  const stopService = running.stop;
  return Object.assign(running, {
    domain: clients,
    stop: async () => {
      await clients.accessExpiry.stop();
      await stopService();
    },
  });
}
