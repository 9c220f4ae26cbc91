/** Error codes of the clients domain (`extensions.code`). */
export enum ClientErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  /** SPEC C1: FEIN not in NN-NNNNNNN form or with a prefix the IRS never assigns. */
  InvalidFein = 'INVALID_FEIN',
  /** SPEC C1: FEIN already registered on that platform. */
  FeinTaken = 'CLIENT_FEIN_TAKEN',
  /** SPEC C2: the client has no linked firm (nothing to edit or end). */
  NoLinkedFirm = 'NO_LINKED_FIRM',
  /** SPEC C3: the member is not an active member of the caller's firm. */
  NotAFirmMember = 'NOT_A_FIRM_MEMBER',
  /** SPEC C3: the client is not linked to the caller's firm. */
  ClientNotLinked = 'CLIENT_NOT_LINKED_TO_FIRM',
  AlreadyAssigned = 'ALREADY_ASSIGNED',
  /** SPEC F10: an access end date must lie in the future (`END_DATE_IN_PAST`, decided in @advisor/rules). */
  NotAssigned = 'NOT_ASSIGNED',
  /** SPEC C8. */
  NotEnrolling = 'CLIENT_NOT_ENROLLING',
  /** SPEC C10. */
  GroupNameTaken = 'GROUP_NAME_TAKEN',
  ClientNotInGroup = 'CLIENT_NOT_IN_GROUP',
  /** SPEC C1: a client admin's email is already another admin's (they sign in with it). */
  AdminEmailTaken = 'CLIENT_ADMIN_EMAIL_TAKEN',
  /** SPEC C1: a client company always keeps at least one admin. */
  LastClientAdmin = 'LAST_CLIENT_ADMIN',
}
