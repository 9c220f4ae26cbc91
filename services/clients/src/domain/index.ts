import { LeasedWorkLoop, createLogger, type AccessTokenIssuer, type Clock, type Database, type Logger } from '@advisor/kit';
import { SignInThrottle } from '@advisor/rules';
import { ClientDirectoryService } from './client-directory.service';
import { LinkService } from './link.service';
import { ClientAdminSessionService } from './client-admin-session.service';
import { ClientRegistryService } from './client-registry.service';
import { AssignmentService } from './assignment.service';
import { RosterService } from './roster.service';
import { GroupService } from './group.service';
import { OnboardingService } from './onboarding.service';
import { ReferralService } from './referral.service';
import { ClientAuditService } from './audit.service';

export interface AccessExpiryOptions {
  /** How often each replica looks for access past its end date (default one minute). */
  intervalMs: number;
}
import { LeaverReportService } from './leaver-report.service';

export interface ClientsDomain {
  directory: ClientDirectoryService;
  links: LinkService;
  clientAdminSessions: ClientAdminSessionService;
  registry: ClientRegistryService;
  assignments: AssignmentService;
  roster: RosterService;
  groups: GroupService;
  onboarding: OnboardingService;
  referrals: ReferralService;
  audit: ClientAuditService;
  /**
   * SPEC F10: ends access past its end date (started by the service). Every replica sweeps; the
   * claim inside `AssignmentService.endExpired` (FOR UPDATE SKIP LOCKED, ended in the same
   * transaction) ends each assignment once across replicas.
   */
  accessExpiry: LeasedWorkLoop;
  /** SPEC F11: the clients part of a member's leaver report. */
  leaverReports: LeaverReportService;
}

export function createClientsDomain(
  db: Database,
  issuer: AccessTokenIssuer,
  clock: Clock,
  logger: Logger = createLogger({ name: 'clients' }),
  accessExpiry?: AccessExpiryOptions,
): ClientsDomain {
  const directory = new ClientDirectoryService(db);
  const assignments = new AssignmentService(db, clock);
  const roster = new RosterService(db);
  const links = new LinkService(db, clock, assignments, roster);
  return {
    directory,
    links,
    clientAdminSessions: new ClientAdminSessionService(db, issuer, clock, new SignInThrottle(db, clock, logger, 'client')),
    registry: new ClientRegistryService(db, clock),
    assignments,
    roster,
    groups: new GroupService(db, clock, assignments, directory),
    onboarding: new OnboardingService(db, clock, links, directory, assignments),
    referrals: new ReferralService(db, clock),
    audit: new ClientAuditService(db),
    accessExpiry: new LeasedWorkLoop({
      name: 'access-expiry',
      intervalMs: accessExpiry?.intervalMs ?? 60_000,
      runBatch: () => assignments.endExpired(),
      itemsLabel: 'ended',
      logger: logger.child({ component: 'access-expiry' }),
    }),
    leaverReports: new LeaverReportService(db),
  };
}
