import { ALL_EVENTS } from '@advisor/schema';
import {
  createMailer,
  loadTypeDefs,
  startService,
  systemClock,
  createLogger,
  type BaseServiceConfig,
  type Clock,
  type EventTransport,
  type Logger,
  type Mailer,
  type RunningService,
} from '@advisor/kit';
import { AuditEntryEntity, linkCopyHandlers } from '@advisor/rules';
import { InvitationEntity } from './db/entities/invitation.entity';
import { ClientDirectoryEntity } from './db/entities/client-directory.entity';
import { ClientLinkEntity, EndedLinkEntity, LinkClaimEntity } from './db/entities/client-link.entity';
import { NotificationEntity } from './db/entities/notification.entity';
import { CreateInvitations1763769600000 } from './db/migrations/1763769600000-create-invitations';
import { AuditTrail1763856000000 } from './db/migrations/1763856000000-audit-trail';
import { FirmInvitations1763942400000 } from './db/migrations/1763942400000-firm-invitations';
import { LinkClaims1764115200000 } from './db/migrations/1764115200000-link-claims';
import { OutboxClaims1764201600000 } from './db/migrations/1764201600000-outbox-claims';
import { createInvitationsDomain } from './domain';
import { clientCompanyChangedHandler } from './events/handlers/client-company-changed.handler';
import { createContext, type InvitationsContext } from './context';
import { resolvers } from './resolvers';

export const INVITATIONS_SERVICE = 'invitations';

export interface InvitationsConfig extends BaseServiceConfig {
  /** Where links in emails point (the web app). */
  appUrl: string;
  /** Folder of the file mail sink (used when no SMTP URL is set). */
  mailDir: string;
  /** SPEC I7: SMTP when configured. */
  smtpUrl?: string;
  mailFrom: string;
}

/** The invitations service's tables and migrations (also opened by its integration tests). */
export const INVITATIONS_ENTITIES = [InvitationEntity, ClientDirectoryEntity, ClientLinkEntity, EndedLinkEntity, NotificationEntity, AuditEntryEntity, LinkClaimEntity];
export const INVITATIONS_MIGRATIONS = [CreateInvitations1763769600000, AuditTrail1763856000000, FirmInvitations1763942400000, LinkClaims1764115200000, OutboxClaims1764201600000];

export function startInvitationsService(opts: {
  config: InvitationsConfig;
  transport: EventTransport;
  mailer?: Mailer;
  clock?: Clock;
  logger?: Logger;
}): Promise<RunningService> {
  const logger = opts.logger ?? createLogger({ name: INVITATIONS_SERVICE });
  return startService<InvitationsContext>({
    name: INVITATIONS_SERVICE,
    config: opts.config,
    transport: opts.transport,
    logger,
    entities: INVITATIONS_ENTITIES,
    migrations: INVITATIONS_MIGRATIONS,
    typeDefs: loadTypeDefs(__dirname),
    producesEvents: true,
    topics: ALL_EVENTS,
    build: (db) => {
      const domain = createInvitationsDomain({
        db,
        mailer: opts.mailer ?? createMailer({ ...opts.config, logger: logger.child({ component: 'mail' }) }),
        clock: opts.clock ?? systemClock,
        appUrl: opts.config.appUrl,
        logger,
      });
      return {
        resolvers,
        createContext: (identity) => createContext(domain, identity),
        handlers: [
          clientCompanyChangedHandler(domain),
          // SPEC I2, C2: the shared link copy; a confirmed link replaces this service's claim.
          ...linkCopyHandlers({ onLinked: (em, event) => domain.replicas.dropClaim(em, event.clientId) }),
        ],
      };
    },
  });
}
