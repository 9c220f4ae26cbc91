/** Error codes of the firms domain: stable, part of the API (`extensions.code`). */
export enum FirmErrorCode {
  /** SPEC F2: public email domain, or a member's email not on the firm's domain. */
  DomainNotAllowed = 'FIRM_DOMAIN_NOT_ALLOWED',
  /** SPEC F3: a firm already exists for this email domain. */
  FirmAlreadyExists = 'FIRM_ALREADY_EXISTS',
  /** SPEC F3: the sign-up confirmation link is unknown, expired (24 hours) or already used. */
  SignUpNotFound = 'SIGN_UP_NOT_FOUND',
  SignUpExpired = 'SIGN_UP_EXPIRED',
  SignUpAlreadyConfirmed = 'SIGN_UP_ALREADY_CONFIRMED',
  /** SPEC F3, G7: too many sign-ups already wait for this work email's confirmation. */
  SignUpPending = 'SIGN_UP_PENDING',
  /** SPEC F4. */
  UsernameTaken = 'USERNAME_TAKEN',
  UsernameIsEmail = 'USERNAME_IS_EMAIL',
  WeakPassword = 'WEAK_PASSWORD',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  EmailTaken = 'MEMBER_EMAIL_TAKEN',
  /** Sessions. */
  SessionExpired = 'SESSION_EXPIRED',
  /** SPEC F5. */
  InvitationPending = 'MEMBER_INVITATION_ALREADY_PENDING',
  // SPEC I6's INVITATION_NOT_FOUND, INVITATION_EXPIRED and INVITATION_ALREADY_USED are the shared
  // invitation lifecycle's (`InvitationLifecycleCode` in @advisor/rules).
  InvitationVoided = 'INVITATION_VOIDED',
  /** SPEC F6: only an ADMIN may grant VIEW_ALL_CLIENTS, make or change an ADMIN. */
  AdminRequired = 'ADMIN_REQUIRED',
  /** SPEC F6: a firm always keeps at least one active ADMIN. */
  LastAdmin = 'LAST_ACTIVE_ADMIN',
  CannotDeactivateSelf = 'CANNOT_DEACTIVATE_SELF',
  MemberInactive = 'MEMBER_INACTIVE',
  /** SPEC G6: an unknown or revoked service account secret. */
  InvalidServiceAccountSecret = 'INVALID_SERVICE_ACCOUNT_SECRET',
  /** SPEC G6: a firm holds at most MAX_ACTIVE_SERVICE_ACCOUNTS service accounts. */
  ServiceAccountLimit = 'SERVICE_ACCOUNT_LIMIT_REACHED',
  /** SPEC F9: this member signs in in two steps (signIn, then completeSignIn); logIn cannot sign them in. */
  TwoFactorRequired = 'TWO_FACTOR_REQUIRED',
  /** SPEC F9: the firm requires two-factor sign-in and the member has not enrolled: sign in to enrol first. */
  TwoFactorEnrolmentRequired = 'TWO_FACTOR_ENROLMENT_REQUIRED',
  /** SPEC F9: a wrong, expired or already used code (TOTP or recovery code), or a throttled attempt. */
  InvalidTwoFactorCode = 'INVALID_TWO_FACTOR_CODE',
  /** SPEC F9: the sign-in challenge is unknown, expired, used, or had too many wrong codes: sign in again. */
  SignInChallengeExpired = 'SIGN_IN_CHALLENGE_EXPIRED',
  /** SPEC F9: the member already has an authenticator; an ADMIN resets it to enrol another. */
  TwoFactorAlreadyEnabled = 'TWO_FACTOR_ALREADY_ENABLED',
  /** SPEC F9: confirming an enrolment that was never begun or has expired. */
  TwoFactorEnrolmentNotStarted = 'TWO_FACTOR_ENROLMENT_NOT_STARTED',
  /** SPEC F9: an ADMIN requiring two-factor sign-in must have it first (or they would lock themselves out). */
  TwoFactorNotEnabled = 'TWO_FACTOR_NOT_ENABLED',
}

export const MESSAGES = {
  domainNotAllowed: 'Your firm members must share the same email domain. This domain is not allowed.',
  firmAlreadyExists:
    "It looks like your firm is already on Advisor Dashboard. Contact your firm administrator to access your firm's account.",
  invalidCredentials: 'The username or password is not correct.',
  invalidTwoFactorCode: 'This code is not valid. Enter the current code from your authenticator app, or an unused recovery code.',
  challengeExpired: 'This sign-in has expired. Sign in again with your username and password.',
} as const;
