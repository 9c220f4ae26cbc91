/**
 * What can go wrong when payroll-sync reaches an outside system (time tracking, the tax
 * authority), in the terms the sync acts on:
 *  - TIMEOUT: no answer in time (the change may still have happened on their side);
 *  - UNAVAILABLE: network failure, 5xx, 408/429, or an answer we cannot read;
 *  - REFUSED: the system answered and said no (4xx with a code, e.g. UNKNOWN_WORKER);
 *  - UNAUTHORIZED: the stored API key is not (or no longer) accepted (401/403).
 * `retryable` tells a retry with backoff may succeed (SPEC P1); a refusal needs a person (P3).
 */
export type ProviderErrorKind = 'TIMEOUT' | 'UNAVAILABLE' | 'REFUSED' | 'UNAUTHORIZED';

export class ProviderError extends Error {
  readonly retryable: boolean;
  /** The HTTP status, when the system answered. */
  readonly status?: number;
  /** From a Retry-After header, when the system sent one. */
  readonly retryAfterMs?: number;

  constructor(
    /** Which outside system: 'time-tracking' or 'tax-authority'. */
    readonly provider: string,
    readonly kind: ProviderErrorKind,
    /** The system's own code (e.g. UNKNOWN_WORKER) or ours (TIMEOUT, NETWORK_ERROR, BAD_RESPONSE, HTTP_<status>). */
    readonly code: string,
    message: string,
    options: { status?: number; retryable?: boolean; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProviderError';
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.retryable = options.retryable ?? (kind === 'TIMEOUT' || kind === 'UNAVAILABLE');
  }
}
