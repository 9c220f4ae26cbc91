import { createLogger, type AccessTokenIssuer, type Clock, type Database, type Logger } from '@advisor/kit';
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
import { AccessExpiry, type AccessExpiryOptions } from './access-expiry';

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
  /** SPEC F10: ends access past its end date (started by the service). */
  accessExpiry: AccessExpiry;
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
  const links = new LinkService(db, clock, assignments);
  return {
    directory,
    links,
    clientAdminSessions: new ClientAdminSessionService(db, issuer, clock, new SignInThrottle(db, clock, logger, 'client')),
    registry: new ClientRegistryService(db, clock),
    assignments,
    roster: new RosterService(),
    groups: new GroupService(db, clock, assignments, directory),
    onboarding: new OnboardingService(db, clock, links, directory, assignments),
    referrals: new ReferralService(db, clock),
    audit: new ClientAuditService(db),
    accessExpiry: new AccessExpiry(assignments, logger.child({ component: 'access-expiry' }), accessExpiry),
  };
}
