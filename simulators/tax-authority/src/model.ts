/**
 * The tax authority's own data (SPEC P6 tax cards, P7 employer tax filings). Money in integer
 * cents, rates in basis points (2200 = 22.00 %), instants as ISO-8601 UTC strings, periods as
 * YYYY-MM. Employers are known by their FEIN, `NN-NNNNNNN`.
 */
export interface Employer {
  fein: string;
  name: string;
  createdAt: string;
}

export interface EmployerRecord extends Employer {
  apiKeySha256: string;
  /** An admin rule: the next filings are rejected with this reason (`remaining` null: until cleared). */
  rejectFilings: { reason: string; remaining: number | null } | null;
}

/** A withholding card for one employee of one employer, valid for one calendar year. */
export interface TaxCard {
  id: string;
  fein: string;
  externalRef: string;
  ssnLast4: string | null;
  firstName: string;
  lastName: string;
  withholdingRateBasisPoints: number;
  year: number;
  issuedAt: string;
}

export interface FilingLine {
  externalRef: string;
  grossPayCents: number;
  taxWithheldCents: number;
}

export type FilingStatus = 'ACCEPTED' | 'REJECTED';

export interface FilingError {
  code: string;
  message: string;
}

export interface Filing {
  id: string;
  fein: string;
  period: string;
  grossPayCents: number;
  taxWithheldCents: number;
  employerTaxCents: number;
  lines: FilingLine[];
  status: FilingStatus;
  errors: FilingError[];
  receivedAt: string;
  idempotencyKey: string | null;
}

/** Stored with the filing: what was sent, so a reused idempotency key with another body is refused. */
export interface FilingRecord extends Filing {
  requestSha256: string;
}

export interface TaxAuthorityState {
  version: 1;
  employers: EmployerRecord[];
  taxCards: TaxCard[];
  filings: FilingRecord[];
}

export const emptyState = (): TaxAuthorityState => ({ version: 1, employers: [], taxCards: [], filings: [] });
