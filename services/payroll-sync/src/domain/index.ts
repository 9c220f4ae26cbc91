import { LeasedWorkLoop, type Clock, type Database, type Logger, type Mailer } from '@advisor/kit';
import type { TaxAuthorityProvider, TimeTrackingProvider } from '../providers';
import { AttentionService } from './attention.service';
import { PayrollAuthorizer } from './authorizer';
import { PayrollRunService } from './payroll-run.service';
import { SyncScheduler, type SchedulerOptions } from './sync-scheduler';
import { SyncService } from './sync.service';
import { TimecardPlacement } from './timecard-placement';
import { TimecardService } from './timecard.service';
import { TimeTrackingService } from './time-tracking.service';
import { TaxCardService, type TaxCardRunnerOptions } from './tax-card.service';
import { KeyFigureService } from './key-figures.service';
import { PayrollReportService } from './reports.service';
import { FilingService, type FilingRunnerOptions } from './filing.service';
import { AlertsService } from './alerts.service';
import { AlertDigestService, type AlertDigestOptions } from './alert-digest.service';

export interface PayrollDomain {
  auth: PayrollAuthorizer;
  sync: SyncService;
  scheduler: SyncScheduler;
  timeTracking: TimeTrackingService;
  timecards: TimecardService;
  runs: PayrollRunService;
  attention: AttentionService;
  /** SPEC F12: the payroll part of each member's deadline alerts. */
  alerts: AlertsService;
  /** SPEC F12: the opt-in daily digest (its loop is started by the service). */
  alertDigests: AlertDigestService;
  /** SPEC F12: every replica's loop over the digests due (started by the service when mail is configured). */
  alertDigestLoop: LeasedWorkLoop;
  taxCards: TaxCardService;
  figures: KeyFigureService;
  reports: PayrollReportService;
  filings: FilingService;
}

/** payroll-sync's domain services over one database; the scheduler is created stopped. */
export function createPayrollDomain(opts: {
  db: Database;
  provider: TimeTrackingProvider | null;
  clock: Clock;
  logger: Logger;
  scheduler?: Partial<SchedulerOptions>;
  /** SPEC P6: the tax authority; null: connecting and fetching tax cards are refused or fail with a reason. */
  taxAuthority?: TaxAuthorityProvider | null;
  taxCardRunner?: Partial<TaxCardRunnerOptions>;
  /** SPEC P7: submitting filings to the tax authority in the background. */
  filingRunner?: Partial<FilingRunnerOptions>;
  /** SPEC F12: the mail transport of the daily digest; absent: opting in is refused and nothing is sent. */
  mailer?: Mailer | null;
  alertDigest?: Partial<AlertDigestOptions>;
}): PayrollDomain {
  const { db, clock, logger } = opts;
  const auth = new PayrollAuthorizer(db);
  const figures = new KeyFigureService(db, clock);
  const sync = new SyncService(db, opts.provider, new TimecardPlacement(db), clock, logger.child({ component: 'sync' }), figures);
  const filings = new FilingService(db, opts.taxAuthority ?? null, clock, logger.child({ component: 'filings' }), opts.filingRunner);
  const attention = new AttentionService(db, auth, clock);
  const alerts = new AlertsService(db, auth, attention, clock);
  const alertDigests = new AlertDigestService(db, alerts, clock, opts.mailer ?? null, logger.child({ component: 'alert-digest' }), opts.alertDigest);
  const scheduler = new SyncScheduler(db, sync, clock, logger.child({ component: 'sync-scheduler' }), opts.scheduler);
  return {
    auth,
    sync,
    scheduler,
    timeTracking: new TimeTrackingService(db, auth, sync, scheduler, clock),
    timecards: new TimecardService(db, auth, sync, clock, figures),
    runs: new PayrollRunService(db, auth, clock, figures, filings),
    filings,
    figures,
    reports: new PayrollReportService(db, figures),
    attention,
    alerts,
    alertDigests,
    alertDigestLoop: new LeasedWorkLoop({
      name: 'alert-digest',
      intervalMs: alertDigests.options.tickMs,
      runBatch: () => alertDigests.runBatch(),
      itemsLabel: 'claimed',
      logger: logger.child({ component: 'alert-digest' }),
    }),
    taxCards: new TaxCardService(db, auth, opts.taxAuthority ?? null, clock, logger.child({ component: 'tax-cards' }), opts.taxCardRunner),
  };
}
