import { LeasedWorkLoop, SecretBox, type AccessTokenIssuer, type Clock, type Database, type Logger, type Mailer } from '@advisor/kit';
import { SignInThrottle } from '@advisor/rules';
import { DirectoryService } from './directory.service';
import { FirmSignUpService } from './firm-signup.service';
import { SessionService } from './session.service';
import { FirmAccess } from './firm-access';
import { AuditService } from './audit.service';
import { MemberInvitationService } from './member-invitation.service';
import { MemberAdminService } from './member-admin.service';
import { ServiceAccountService } from './service-account.service';
import { TwoFactorService } from './two-factor.service';
import { SignInChallenges } from './second-factor-policy';
import { LeaverReportService } from './leaver-report.service';

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
  /** SPEC F10: ends service accounts past their end date (started by the service; once across replicas). */
  serviceAccountExpiry: LeasedWorkLoop;
  /** SPEC F9: enrolment, the code step of sign-in, an ADMIN's reset. */
  twoFactor: TwoFactorService;
  /** SPEC F11: the firms part of a member's leaver report. */
  leaverReports: LeaverReportService;
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
  /** SPEC F9: the key (32 bytes, base64) that seals members' TOTP secrets. */
  twoFactorKey: string;
  /** SPEC F10: how often each replica looks for service accounts past their end date (default one minute). */
  expirySweepIntervalMs?: number;
}): FirmsDomain {
  const { db, clock } = deps;
  const access = new FirmAccess(db);
  const audit = new AuditService(db, access);
  const challenges = new SignInChallenges(db, clock);
  const sessions = new SessionService(db, deps.issuer, clock, new SignInThrottle(db, clock, deps.logger, 'firm'), audit, challenges);
  const serviceAccounts = new ServiceAccountService(db, access, audit, deps.issuer, clock);
  return {
    signUp: new FirmSignUpService(db, clock, sessions, audit, deps.mailer, deps.appUrl, deps.logger),
    sessions,
    directory: new DirectoryService(db),
    invitations: new MemberInvitationService(db, access, sessions, audit, deps.mailer, clock, deps.appUrl, deps.logger),
    members: new MemberAdminService(db, access, sessions, audit, clock),
    audit,
    serviceAccounts,
    serviceAccountExpiry: new LeasedWorkLoop({
      name: 'service-account-expiry',
      intervalMs: deps.expirySweepIntervalMs ?? 60_000,
      runBatch: () => serviceAccounts.endExpired(),
      itemsLabel: 'ended',
      logger: deps.logger.child({ component: 'service-account-expiry' }),
    }),
    twoFactor: new TwoFactorService(
      db,
      new SecretBox(deps.twoFactorKey),
      clock,
      new SignInThrottle(db, clock, deps.logger, 'firm', 'second-factor'),
      challenges,
      sessions,
      access,
      audit,
    ),
    leaverReports: new LeaverReportService(db, access, clock),
    access,
    support: deps.support,
  };
}
