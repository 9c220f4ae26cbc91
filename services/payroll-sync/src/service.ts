import { ALL_EVENTS, clientGroupMembershipChanged, memberAccessChanged } from '@advisor/schema';
import {
  createLogger,
  createMailer,
  handleEvent,
  loadTypeDefs,
  startService,
  systemClock,
  type BaseServiceConfig,
  type Clock,
  type EventTransport,
  type Logger,
  type Mailer,
  type RunningService,
} from '@advisor/kit';
import { AuditEntryEntity, CLIENT_ACCESS_COPY_ENTITIES, clientAccessCopyHandlers } from '@advisor/rules';
import { TimeTrackingIntegrationEntity } from './db/entities/time-tracking-integration.entity';
import { SyncChangeEntity, SyncJobEntity, SyncRunEntity, TimeTrackingCredentialEntity } from './db/entities/sync.entities';
import { WorkerEntity } from './db/entities/worker.entity';
import { PayPeriodEntity, ShiftSyncEntity, TimecardEntity, TimecardEntryEntity } from './db/entities/timecard.entities';
import { PAYROLL_RUN_ENTITIES } from './db/entities/payroll-run.entities';
import { TAX_CARD_ENTITIES } from './db/entities/tax-card.entities';
import { KEY_FIGURE_ENTITIES } from './db/entities/key-figure.entities';
import { AlertDigestEntity } from './db/entities/alert-digest.entity';
import { KeyFigureService } from './domain/key-figures.service';
import { CreatePayrollSync1763769600000 } from './db/migrations/1763769600000-create-payroll-sync';
import { ClientAccessCopy1764115200000 } from './db/migrations/1764115200000-client-access-copy';
import { OutboxClaims1764201600000 } from './db/migrations/1764201600000-outbox-claims';
import { Payroll1764374400000 } from './db/migrations/1764374400000-payroll';
import { TaxCards1764460800000 } from './db/migrations/1764460800000-tax-cards';
import { KeyFigures1764633600000 } from './db/migrations/1764633600000-key-figures';
import { TaxWithheld1764720000123 } from './db/migrations/1764720000123-tax-withheld';
import { FilingSubmissions1764720000124 } from './db/migrations/1764720000124-filing-submissions';
import { AlertDigests1764806400400 } from './db/migrations/1764806400400-alert-digests';
import { createPayrollDomain, type PayrollDomain } from './domain';
import type { SchedulerOptions } from './domain/sync-scheduler';
import type { TaxCardRunnerOptions } from './domain/tax-card.service';
import type { FilingRunnerOptions } from './domain/filing.service';
import { HttpTaxAuthorityProvider, HttpTimeTrackingProvider, type TaxAuthorityProvider, type TimeTrackingProvider } from './providers';
import { createContext, type PayrollSyncContext } from './context';
import { resolvers } from './resolvers';

export const PAYROLL_SYNC_SERVICE = 'payroll-sync';

export const PAYROLL_SYNC_ENTITIES = [
  ...CLIENT_ACCESS_COPY_ENTITIES,
  AuditEntryEntity,
  TimeTrackingIntegrationEntity,
  TimeTrackingCredentialEntity,
  SyncJobEntity,
  SyncRunEntity,
  SyncChangeEntity,
  WorkerEntity,
  PayPeriodEntity,
  TimecardEntity,
  TimecardEntryEntity,
  ShiftSyncEntity,
  ...PAYROLL_RUN_ENTITIES,
  ...TAX_CARD_ENTITIES,
  ...KEY_FIGURE_ENTITIES,
  AlertDigestEntity,
];
export const PAYROLL_SYNC_MIGRATIONS = [CreatePayrollSync1763769600000, ClientAccessCopy1764115200000, OutboxClaims1764201600000, Payroll1764374400000, TaxCards1764460800000, KeyFigures1764633600000, TaxWithheld1764720000123, FilingSubmissions1764720000124, AlertDigests1764806400400];

/** SPEC P1: how payroll-sync reaches the client's time tracking (the simulator in the demo and the tests). */
export interface TimeTrackingSettings {
  /** e.g. http://127.0.0.1:4101; or a provider object (another implementation of the adapter interface). */
  url?: string;
  provider?: TimeTrackingProvider;
  timeoutMs?: number;
}

/** SPEC P6: how payroll-sync reaches the tax authority (its simulator in the demo and the tests). */
export interface TaxAuthoritySettings {
  /** e.g. http://127.0.0.1:4102; or a provider object. */
  url?: string;
  provider?: TaxAuthorityProvider;
  timeoutMs?: number;
}

/** SPEC F12: the daily alert digest's mail; absent: opting in is refused and nothing is sent. */
export interface AlertDigestSettings {
  appUrl: string;
  mailDir: string;
  smtpUrl?: string;
  mailFrom: string;
  /** A transport of the caller's (else one from the settings above). */
  mailer?: Mailer;
  /** `enabled: false` leaves the loop stopped (it can be run by hand); tests shorten the tick. */
  enabled?: boolean;
  tickMs?: number;
  sendFromHour?: number;
}

export interface PayrollSyncOptions {
  config: BaseServiceConfig;
  transport: EventTransport;
  logger?: Logger;
  clock?: Clock;
  /** Absent: no time-tracking system; connecting is refused and the scheduler does not start. */
  timeTracking?: TimeTrackingSettings;
  /** Scheduler settings (tests shorten them); `enabled: false` leaves it stopped (it can be started by hand). */
  scheduler?: Partial<SchedulerOptions> & { enabled?: boolean };
  /** Absent: no tax authority; connecting it is refused and fetched clients end FAILED with that reason. */
  taxAuthority?: TaxAuthoritySettings;
  /** SPEC P6 background fetches (tests shorten the lease); `enabled: false` leaves the runner stopped. */
  taxCardRunner?: Partial<TaxCardRunnerOptions> & { enabled?: boolean };
  /** SPEC P7 background filing submissions; `enabled: false` leaves the runner stopped. */
  filingRunner?: Partial<FilingRunnerOptions> & { enabled?: boolean };
  alertDigest?: AlertDigestSettings;
}

export interface RunningPayrollSyncService extends RunningService {
  domain: PayrollDomain;
}

export async function startPayrollSyncService(opts: PayrollSyncOptions): Promise<RunningPayrollSyncService> {
  const logger = opts.logger ?? createLogger({ name: PAYROLL_SYNC_SERVICE });
  const provider =
    opts.timeTracking?.provider ??
    (opts.timeTracking?.url ? new HttpTimeTrackingProvider({ baseUrl: opts.timeTracking.url, timeoutMs: opts.timeTracking.timeoutMs }) : null);
  const taxAuthority =
    opts.taxAuthority?.provider ??
    (opts.taxAuthority?.url ? new HttpTaxAuthorityProvider({ baseUrl: opts.taxAuthority.url, timeoutMs: opts.taxAuthority.timeoutMs }) : null);
  let domain: PayrollDomain | undefined;
  const running = await startService<PayrollSyncContext>({
    name: PAYROLL_SYNC_SERVICE,
    config: opts.config,
    transport: opts.transport,
    logger,
    entities: PAYROLL_SYNC_ENTITIES,
    migrations: PAYROLL_SYNC_MIGRATIONS,
    typeDefs: loadTypeDefs(__dirname),
    producesEvents: true,
    topics: ALL_EVENTS,
    build: (db) => {
      const digest = opts.alertDigest;
      domain = createPayrollDomain({
        db, provider, clock: opts.clock ?? systemClock, logger, scheduler: opts.scheduler, taxAuthority, taxCardRunner: opts.taxCardRunner, filingRunner: opts.filingRunner,
        mailer: digest ? (digest.mailer ?? createMailer({ ...digest, logger: logger.child({ component: 'mail' }) })) : null,
        alertDigest: digest ? { appUrl: digest.appUrl, ...(digest.tickMs ? { tickMs: digest.tickMs } : {}), ...(digest.sendFromHour !== undefined ? { sendFromHour: digest.sendFromHour } : {}) } : undefined,
      });
      const d = domain;
      return {
        resolvers,
        createContext: (identity) => createContext(d, identity),
        // SPEC C6: the shared copy of links and assignments; a newly linked client gets its integration.
        handlers: [
          ...clientAccessCopyHandlers({ onLinked: (em, event) => d.timeTracking.openIntegration(em, event) }),
          // SPEC C10: group membership, to filter the partner overview by group (P4, P5).
          handleEvent(clientGroupMembershipChanged, KeyFigureService.applyGroupMembership),
          // SPEC F12, C6: a digest never goes out as an identity the member no longer has.
          handleEvent(memberAccessChanged, (em, event) => d.alertDigests.applyAccessChanged(em, event)),
        ],
      };
    },
  });
  const payroll = domain!;
  // SPEC P1: the 24-hour syncs and the short poll, claimed from the database (once across replicas).
  if (provider && opts.scheduler?.enabled !== false) payroll.scheduler.start();
  // SPEC P6: fetches left running by a stopped replica are resumed (their leases lapse).
  if (opts.taxCardRunner?.enabled !== false) payroll.taxCards.start();
  // SPEC P7: filings waiting to be submitted (also those a stopped replica held) go to the tax authority.
  if (opts.filingRunner?.enabled !== false) payroll.filings.start();
  // SPEC F12: the daily digests, each member's day claimed once across replicas.
  if (opts.alertDigest && opts.alertDigest.enabled !== false) payroll.alertDigestLoop.start();
  return {
    ...running,
    domain: payroll,
    stop: async () => {
      await Promise.all([payroll.scheduler.stop(), payroll.taxCards.stop(), payroll.filings.stop(), payroll.alertDigestLoop.stop()]);
      await running.stop();
    },
  };
}
