/** Error codes of the payroll-sync domain (`extensions.code`), besides the common ones (FORBIDDEN, NOT_FOUND, …). */
export enum PayrollErrorCode {
  /** SPEC P1: connect needs the provider's company id and an API key it accepts. */
  ProviderRejectedKey = 'TIME_TRACKING_KEY_REJECTED',
  /** SPEC P1: time tracking could not be reached (time-out, 5xx); nothing was changed. */
  ProviderUnavailable = 'TIME_TRACKING_UNAVAILABLE',
  AlreadyConnected = 'TIME_TRACKING_ALREADY_CONNECTED',
  NotConnected = 'TIME_TRACKING_NOT_CONNECTED',
  /** SPEC P1: a refresh while this client's sync runs. */
  SyncAlreadyRunning = 'SYNC_ALREADY_RUNNING',
  /** SPEC P2: hours below zero. */
  NegativeHours = 'NEGATIVE_HOURS',
  /** SPEC P2: more than 24 hours on one day for one worker. */
  HoursOverDayLimit = 'HOURS_OVER_24_PER_DAY',
  /** SPEC P2: a date outside the timecard's pay period. */
  DateOutsidePeriod = 'DATE_OUTSIDE_PERIOD',
  /** SPEC P2: approved timecards are locked. */
  TimecardLocked = 'TIMECARD_APPROVED_LOCKED',
  /** SPEC P7: a run needs every timecard of the period approved. */
  PeriodHasDrafts = 'PERIOD_HAS_DRAFTS',
  /** SPEC P7: a period with no timecards has nothing to pay. */
  NothingToRun = 'PERIOD_HAS_NO_TIMECARDS',
  /** SPEC P7: a period runs once. */
  PeriodAlreadyRun = 'PERIOD_ALREADY_RUN',
  /** SPEC P7: a period that has not ended yet cannot be paid. */
  PeriodNotEnded = 'PERIOD_NOT_ENDED',
  /** SPEC P7: a worker on the period's timecards has no pay rate. */
  WorkerWithoutPayRate = 'WORKER_WITHOUT_PAY_RATE',
  /** SPEC P1: a payroll member with that email already exists for the client. */
  DuplicateWorker = 'DUPLICATE_WORKER',
  /** SPEC P6: the tax authority did not accept the FEIN and API key. */
  TaxAuthorityKeyRejected = 'TAX_AUTHORITY_KEY_REJECTED',
  /** SPEC P6: the tax authority could not be reached; nothing was changed. */
  TaxAuthorityUnavailable = 'TAX_AUTHORITY_UNAVAILABLE',
  /** SPEC P6: a client already in a running tax-card fetch cannot be fetched again until it ends. */
  TaxCardFetchRunning = 'TAX_CARD_FETCH_RUNNING',
  /** SPEC P6: a retry needs FAILED clients the caller may fetch. */
  TaxCardFetchNothingToRetry = 'TAX_CARD_FETCH_NOTHING_TO_RETRY',
  /** SPEC F12: no mail transport is configured, so there is no digest to opt in to. */
  DigestUnavailable = 'ALERT_DIGEST_UNAVAILABLE',
}
