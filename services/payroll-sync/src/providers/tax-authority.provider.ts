/**
 * The tax authority, as payroll-sync sees it: tax cards (SPEC P6) and employer tax filings (P7).
 * Plain objects in and out; every failure is a ProviderError. A filing the authority rejects is
 * not an error: it is a result with status REJECTED and the authority's errors.
 */
export { ProviderError, type ProviderErrorKind } from './provider-error';

/** One employer's connection: its FEIN (NN-NNNNNNN) and the API key it gave us. */
export interface TaxAuthorityConnection {
  fein: string;
  apiKey: string;
}

export interface TaxAuthorityEmployer {
  fein: string;
  name: string;
}

/** An employee's withholding card for one calendar year. */
export interface TaxCard {
  id: string;
  /** Our employee's id. */
  externalRef: string;
  ssnLast4: string | null;
  firstName: string;
  lastName: string;
  /** 2200 = 22.00 %. */
  withholdingRateBasisPoints: number;
  year: number;
  issuedAt: string;
}

export interface EmployerFilingLine {
  externalRef: string;
  grossPayCents: number;
  taxWithheldCents: number;
}

/** The employer tax filing for one month (SPEC P7). */
export interface EmployerFiling {
  /** YYYY-MM */
  period: string;
  grossPayCents: number;
  taxWithheldCents: number;
  employerTaxCents: number;
  lines: EmployerFilingLine[];
}

export interface FilingError {
  code: string;
  message: string;
}

export interface FilingResult extends EmployerFiling {
  id: string;
  status: 'ACCEPTED' | 'REJECTED';
  /** Why a REJECTED filing was rejected (e.g. TOTALS_MISMATCH, NO_TAX_CARD, REJECTED_BY_AUTHORITY). */
  errors: FilingError[];
  receivedAt: string;
}

export interface TaxAuthorityProvider {
  /** Verifies a connection: UNAUTHORIZED when the key is not this employer's. */
  getEmployer(connection: TaxAuthorityConnection): Promise<TaxAuthorityEmployer>;
  /** SPEC P6: the employees' cards for a year. */
  listTaxCards(connection: TaxAuthorityConnection, year: number): Promise<TaxCard[]>;
  /**
   * SPEC P7: files a month. The same idempotency key for the same period returns the first
   * result (`replayed` true), so a filing retried after a time-out is never doubled.
   */
  submitFiling(connection: TaxAuthorityConnection, filing: EmployerFiling, idempotencyKey: string): Promise<{ filing: FilingResult; replayed: boolean }>;
  listFilings(connection: TaxAuthorityConnection, period?: string): Promise<FilingResult[]>;
}
