/**
 * Pay arithmetic (SPEC P7). Money is integer cents, time is integer minutes; no floating-point
 * amount is ever stored or summed.
 *
 * The one rounding rule: each payslip line is `minutes × hourly rate in cents ÷ 60`, rounded
 * half up to a whole cent, once; every total (payslip, run, filing) is the sum of rounded lines.
 * The employer tax of a W2 payslip is its gross × 7.65 % (social security 6.2 % + Medicare
 * 1.45 %), rounded half up once per payslip.
 *
 * Income tax withheld (SPEC P5 term report, P6): a W2 payslip's gross × the employee's
 * withholding rate, rounded half up once per payslip. The rate is the one on the employee's tax
 * card for the year of the pay date, as last fetched from the tax authority (P6); an employee
 * without a fetched card is withheld at DEFAULT_WITHHOLDING_BASIS_POINTS, and the payslip says
 * which (`withholdingSource`), so a payroll person sees whose card is missing. Contractors (1099)
 * are not withheld from.
 */
export type PayLineKind = 'REGULAR' | 'ADJUSTMENT' | 'PTO' | 'HOLIDAY';
export type WorkerKind = 'W2' | 'CONTRACTOR';

export const EMPLOYER_TAX_BASIS_POINTS = 765;

/**
 * The rate withheld from an employee without a fetched tax card: 22 %, the IRS's flat rate for
 * federal income tax withholding on supplemental wages — the flat rate US payroll uses when no
 * per-employee figure applies. Fetching the client's tax cards (SPEC P6) replaces it with each
 * employee's own rate from the next payroll run on.
 */
export const DEFAULT_WITHHOLDING_BASIS_POINTS = 2200;

/** Where a payslip's withholding rate came from. */
export type WithholdingSource = 'TAX_CARD' | 'DEFAULT_RATE';

export interface Withholding {
  rateBasisPoints: number;
  source: WithholdingSource;
}

/** The employee's rate from their tax card when there is one, else the default. */
export const withholdingFrom = (card: { withholdingRateBasisPoints: number } | undefined): Withholding =>
  card ? { rateBasisPoints: card.withholdingRateBasisPoints, source: 'TAX_CARD' } : { rateBasisPoints: DEFAULT_WITHHOLDING_BASIS_POINTS, source: 'DEFAULT_RATE' };

export interface PayLine {
  kind: PayLineKind;
  minutes: number;
  rateCents: number;
  amountCents: number;
}

export interface Payslip {
  workerId: string;
  /** PAYSLIP for W2 employees; CONTRACTOR_PAYMENT for 1099 contractors. */
  kind: 'PAYSLIP' | 'CONTRACTOR_PAYMENT';
  lines: PayLine[];
  totalCents: number;
  employerTaxCents: number;
  /** Income tax withheld; 0 for a contractor. */
  withheldCents: number;
  /** The rate and its source for a W2 payslip; null for a contractor. */
  withholding: Withholding | null;
}

/** Integer division rounding half up, for non-negative integers. */
export function divideHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || numerator < 0) throw new RangeError(`not a non-negative safe integer: ${numerator}`);
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

export const amountForMinutes = (minutes: number, rateCents: number): number => divideHalfUp(minutes * rateCents, 60);

/**
 * A worker's pay for one approved timecard: one line per kind of minutes (shifts of the period,
 * late shifts of earlier periods as adjustments, PTO, holidays). Contractors are paid for the
 * shifts they worked only: PTO and holiday pay are employee benefits.
 */
export function payslipFor(input: {
  workerId: string;
  kind: WorkerKind;
  rateCents: number;
  minutes: Partial<Record<PayLineKind, number>>;
  /** The employee's withholding (withholdingFrom); ignored for a contractor. */
  withholding: Withholding;
}): Payslip {
  const kinds: PayLineKind[] = input.kind === 'W2' ? ['REGULAR', 'ADJUSTMENT', 'PTO', 'HOLIDAY'] : ['REGULAR', 'ADJUSTMENT'];
  const lines = kinds
    .filter((k) => (input.minutes[k] ?? 0) > 0)
    .map((kind) => {
      const minutes = input.minutes[kind] ?? 0;
      return { kind, minutes, rateCents: input.rateCents, amountCents: amountForMinutes(minutes, input.rateCents) };
    });
  const totalCents = lines.reduce((sum, l) => sum + l.amountCents, 0);
  const w2 = input.kind === 'W2';
  return {
    workerId: input.workerId,
    kind: w2 ? 'PAYSLIP' : 'CONTRACTOR_PAYMENT',
    lines,
    totalCents,
    employerTaxCents: w2 ? divideHalfUp(totalCents * EMPLOYER_TAX_BASIS_POINTS, 10_000) : 0,
    withheldCents: w2 ? divideHalfUp(totalCents * input.withholding.rateBasisPoints, 10_000) : 0,
    withholding: w2 ? input.withholding : null,
  };
}
