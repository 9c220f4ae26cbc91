import type { AccessTokenIssuer, Clock, Database } from '@advisor/kit';
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
}

export function createClientsDomain(db: Database, issuer: AccessTokenIssuer, clock: Clock): ClientsDomain {
  const directory = new ClientDirectoryService(db);
  const links = new LinkService(db, clock);
  const assignments = new AssignmentService(db, clock);
  return {
    directory,
    links,
    clientAdminSessions: new ClientAdminSessionService(db, issuer, clock),
    registry: new ClientRegistryService(db, clock),
    assignments,
    roster: new RosterService(),
    groups: new GroupService(db, clock, assignments, directory),
    onboarding: new OnboardingService(db, clock, links, directory),
    referrals: new ReferralService(db, clock),
    audit: new ClientAuditService(db),
  };
}
