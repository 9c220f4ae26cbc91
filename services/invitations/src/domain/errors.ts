/** Error codes of the invitations domain (`extensions.code`). */
export enum InvitationErrorCode {
  /** SPEC I1: the acknowledgement of firm-wide access was not given. */
  AcknowledgementRequired = 'ACKNOWLEDGEMENT_REQUIRED',
  /** SPEC I2: the client already has a pending firm invitation (or, for a firm's request, any pending invitation). */
  FirmInvitationPending = 'FIRM_INVITATION_ALREADY_PENDING',
  /** SPEC I2, C2: the client already has a linked accountant firm. */
  ClientAlreadyHasFirm = 'CLIENT_ALREADY_HAS_FIRM',
  /** SPEC I3: the FEIN matches no client company on that platform; nothing was sent. */
  ClientNotFoundOnPlatform = 'CLIENT_NOT_FOUND_ON_PLATFORM',
  /** Accountants sign up with a firm's work email; public domains can never accept. */
  AccountantEmailNotAllowed = 'ACCOUNTANT_EMAIL_NOT_ALLOWED',
  // SPEC I6's codes (INVITATION_NOT_FOUND, INVITATION_EXPIRED, INVITATION_ALREADY_USED) are the
  // invitation lifecycle's, shared with team invitations: `InvitationLifecycleCode` in @advisor/rules.
  /** The invitation was sent to someone at another firm. */
  InvitationForAnotherFirm = 'INVITATION_FOR_ANOTHER_FIRM',
}
