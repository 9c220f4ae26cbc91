import { ALL_EVENTS } from '@advisor/schema';
import {
  createMailer,
  createLogger,
  loadTypeDefs,
  startService,
  systemClock,
  type AccessTokenIssuer,
  type BaseServiceConfig,
  type Clock,
  type EventTransport,
  type Logger,
  type Mailer,
  type RunningService,
} from '@advisor/kit';
import { AuditEntryEntity, LINK_COPY_ENTITIES, SignInThrottleEntity, linkCopyHandlers } from '@advisor/rules';
import { FirmEntity } from './db/entities/firm.entity';
import { MemberEntity } from './db/entities/member.entity';
import { CredentialEntity } from './db/entities/credential.entity';
import { SessionEntity } from './db/entities/session.entity';
import { MemberInvitationEntity } from './db/entities/member-invitation.entity';
import { CreateFirms1763769600000 } from './db/migrations/1763769600000-create-firms';
import { SessionsInvitationsAudit1763856000000 } from './db/migrations/1763856000000-sessions-invitations-audit';
import { ClientLinkCopy1764028800000 } from './db/migrations/1764028800000-client-link-copy';
import { LinkCopyPermissions1764115200000 } from './db/migrations/1764115200000-link-copy-permissions';
import { OutboxClaims1764201600000 } from './db/migrations/1764201600000-outbox-claims';
import { SignInThrottle1764460800000 } from './db/migrations/1764460800000-sign-in-throttle';
import { RefreshTokenFamilies1764460800001 } from './db/migrations/1764460800001-refresh-token-families';
import { RetiredRefreshTokenEntity } from './db/entities/retired-refresh-token.entity';
import { FirmSignUpEntity } from './db/entities/firm-sign-up.entity';
import { SignUpProofEntity } from './db/entities/sign-up-proof.entity';
import { VerifiedSignUp1764547200000 } from './db/migrations/1764547200000-verified-sign-up';
import { signUpProofHandler } from './events/sign-up-proof.handler';
import { ServiceAccountEntity } from './db/entities/service-account.entity';
import { ServiceAccounts1764633600000 } from './db/migrations/1764633600000-service-accounts';
import { RecoveryCodeEntity, SecondFactorEntity, SignInChallengeEntity } from './db/entities/second-factor.entity';
import { TwoFactorAndAccountEndDates1764720009000 } from './db/migrations/1764720009000-two-factor-and-account-end-dates';
import { AnnounceNames1764806400131 } from './db/migrations/1764806400131-announce-names';
import { createFirmsDomain, type AdvisorSupport, type FirmsDomain } from './domain';
import { createContext, type FirmsContext } from './context';
import { resolvers } from './resolvers';

export const FIRMS_SERVICE = 'firms';

export interface FirmsConfig extends BaseServiceConfig {
  /** Where links in emails point (the web app). */
  appUrl: string;
  /** Folder of the file mail sink (used when no SMTP URL is set). */
  mailDir: string;
  /** SPEC I7: SMTP when configured. */
  smtpUrl?: string;
  mailFrom: string;
  support: AdvisorSupport;
  /** SPEC F9: 32 random bytes (base64) sealing members' TOTP secrets (TWO_FACTOR_KEY). */
  twoFactorKey: string;
  /** SPEC F10: how often each replica ends service accounts past their end date (default one minute). */
  expirySweepIntervalMs?: number;
}

export const DEFAULT_ADVISOR_SUPPORT: AdvisorSupport = {
  email: 'advisor-support@advisor-dashboard.example',
  hours: 'Monday to Friday, 9:00 to 18:00 ET',
  responseTime: 'within 24 business hours',
  escalationContact: { name: 'Advisor Dashboard escalations', email: 'escalations@advisor-dashboard.example', phone: null },
};

export type RunningFirmsService = RunningService & { domain: FirmsDomain };

export async function startFirmsService(opts: {
  config: FirmsConfig;
  transport: EventTransport;
  issuer: AccessTokenIssuer;
  mailer?: Mailer;
  clock?: Clock;
  logger?: Logger;
}): Promise<RunningFirmsService> {
  const logger = opts.logger ?? createLogger({ name: FIRMS_SERVICE });
  let built: FirmsDomain | undefined;
  const running = await startService<FirmsContext>({
    name: FIRMS_SERVICE,
    config: opts.config,
    transport: opts.transport,
    logger,
    entities: [FirmEntity, MemberEntity, CredentialEntity, SessionEntity, MemberInvitationEntity, AuditEntryEntity, SignInThrottleEntity, RetiredRefreshTokenEntity, FirmSignUpEntity, SignUpProofEntity, ServiceAccountEntity, SecondFactorEntity, RecoveryCodeEntity, SignInChallengeEntity, ...LINK_COPY_ENTITIES],
    migrations: [CreateFirms1763769600000, SessionsInvitationsAudit1763856000000, ClientLinkCopy1764028800000, LinkCopyPermissions1764115200000, OutboxClaims1764201600000, SignInThrottle1764460800000, RefreshTokenFamilies1764460800001, VerifiedSignUp1764547200000, ServiceAccounts1764633600000, TwoFactorAndAccountEndDates1764720009000, AnnounceNames1764806400131],
    typeDefs: loadTypeDefs(__dirname),
    producesEvents: true,
    topics: ALL_EVENTS,
    build: (db) => {
      const domain = (built = createFirmsDomain({
        db,
        issuer: opts.issuer,
        clock: opts.clock ?? systemClock,
        mailer: opts.mailer ?? createMailer({ ...opts.config, logger: logger.child({ component: 'mail' }) }),
        appUrl: opts.config.appUrl,
        support: opts.config.support,
        logger,
        twoFactorKey: opts.config.twoFactorKey,
        expirySweepIntervalMs: opts.config.expirySweepIntervalMs,
      }));
      return {
        resolvers,
        createContext: (identity, origin) => createContext(domain, identity, origin),
        // The shared link copy (SPEC C2): a client admin sees the firm linked to their company;
        // client invitations' sign-up proofs (SPEC I5, F3).
        handlers: [...linkCopyHandlers(), signUpProofHandler],
      };
    },
  });
  const domain = built!;
  // SPEC F10: each replica sweeps; the claim inside makes every end happen once.
  domain.serviceAccountExpiry.start();
  // Taken before Object.assign replaces it: calling running.stop from the new stop would call itself.
  const stopService = running.stop;
  return Object.assign(running, {
    domain,
    stop: async () => {
      await domain.serviceAccountExpiry.stop();
      await stopService();
    },
  });
}
