import type { AccessTokenIssuer, Clock, Database, Logger, Mailer } from '@advisor/kit';
import { SignInThrottle } from '@advisor/rules';
import { DirectoryService } from './directory.service';
import { FirmSignUpService } from './firm-signup.service';
import { SessionService } from './session.service';
import { FirmAccess } from './firm-access';
import { AuditService } from './audit.service';
import { MemberInvitationService } from './member-invitation.service';
import { MemberAdminService } from './member-admin.service';
import { ServiceAccountService } from './service-account.service';

/** SPEC F8: who helps the firm with Advisor Dashboard itself. */
export interface AdvisorSupport {
  email: string;
  hours: string;
  responseTime: string;
  escalationContact: { name: string; email: string; phone: string | null };
}

export interface FirmsDomain {
  signUp: FirmSignUpService;
  sessions: SessionService;
  directory: DirectoryService;
  invitations: MemberInvitationService;
  members: MemberAdminService;
  audit: AuditService;
  serviceAccounts: ServiceAccountService;
  access: FirmAccess;
  support: AdvisorSupport;
}

export function createFirmsDomain(deps: {
  db: Database;
  issuer: AccessTokenIssuer;
  clock: Clock;
  mailer: Mailer;
  appUrl: string;
  support: AdvisorSupport;
  logger: Logger;
}): FirmsDomain {
  const { db, clock } = deps;
  const access = new FirmAccess(db);
  const audit = new AuditService(db, access);
  const sessions = new SessionService(db, deps.issuer, clock, new SignInThrottle(db, clock, deps.logger, 'firm'), audit);
  return {
    signUp: new FirmSignUpService(db, clock, sessions, audit, deps.mailer, deps.appUrl, deps.logger),
    sessions,
    directory: new DirectoryService(db),
    invitations: new MemberInvitationService(db, access, sessions, audit, deps.mailer, clock, deps.appUrl, deps.logger),
    members: new MemberAdminService(db, access, sessions, audit, clock),
    audit,
    serviceAccounts: new ServiceAccountService(db, access, audit, deps.issuer, clock),
    access,
    support: deps.support,
  };
}
