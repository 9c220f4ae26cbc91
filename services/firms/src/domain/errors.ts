/** Error codes of the firms domain: stable, part of the API (`extensions.code`). */
export enum FirmErrorCode {
  /** SPEC F2: public email domain, or a member's email not on the firm's domain. */
  DomainNotAllowed = 'FIRM_DOMAIN_NOT_ALLOWED',
  /** SPEC F3: a firm already exists for this email domain. */
  FirmAlreadyExists = 'FIRM_ALREADY_EXISTS',
  /** SPEC F4. */
  UsernameTaken = 'USERNAME_TAKEN',
  UsernameIsEmail = 'USERNAME_IS_EMAIL',
  WeakPassword = 'WEAK_PASSWORD',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  EmailTaken = 'MEMBER_EMAIL_TAKEN',
}

export const MESSAGES = {
  domainNotAllowed: 'Your firm members must share the same email domain. This domain is not allowed.',
  firmAlreadyExists:
    "It looks like your firm is already on Advisor Dashboard. Contact your firm administrator to access your firm's account.",
  invalidCredentials: 'The username or password is not correct.',
} as const;
