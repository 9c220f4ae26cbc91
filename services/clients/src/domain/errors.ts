/** Error codes of the clients domain (`extensions.code`). */
export enum ClientErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  /** SPEC C1: FEIN not in NN-NNNNNNN form or with a prefix the IRS never assigns. */
  InvalidFein = 'INVALID_FEIN',
  /** SPEC C1: FEIN already registered on that platform. */
  FeinTaken = 'CLIENT_FEIN_TAKEN',
}
