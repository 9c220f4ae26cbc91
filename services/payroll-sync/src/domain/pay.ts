/**
 * Pay arithmetic (SPEC P7). Money is integer cents, time is integer minutes; no floating-point
 * amount is ever stored or summed.
 *
 * The one rounding rule: each payslip line is `minutes × hourly rate in cents ÷ 60`, rounded
 * half up to a whole cent, once; every total (payslip, run, filing) is the sum of rounded lines.
 * The employer tax of a W2 payslip is its gross × 7.65 % (social security 6.2 % + Medicare
 * 1.45 %), rounded half up once per payslip. Withholding needs the tax cards (SPEC P6) and is not
 * computed here.
 */
export type PayLineKind = 'REGULAR' | 'ADJUSTMENT' | 'PTO' | 'HOLIDAY';
export type WorkerKind = 'W2' | 'CONTRACTOR';

export const EMPLOYER_TAX_BASIS_POINTS = 765;

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
export function payslipFor(input: { workerId: string; kind: WorkerKind; rateCents: number; minutes: Partial<Record<PayLineKind, number>> }): Payslip {
  const kinds: PayLineKind[] = input.kind === 'W2' ? ['REGULAR', 'ADJUSTMENT', 'PTO', 'HOLIDAY'] : ['REGULAR', 'ADJUSTMENT'];
  const lines = kinds
    .filter((k) => (input.minutes[k] ?? 0) > 0)
    .map((kind) => {
      const minutes = input.minutes[kind] ?? 0;
      return { kind, minutes, rateCents: input.rateCents, amountCents: amountForMinutes(minutes, input.rateCents) };
    });
  const totalCents = lines.reduce((sum, l) => sum + l.amountCents, 0);
  return {
    workerId: input.workerId,
    kind: input.kind === 'W2' ? 'PAYSLIP' : 'CONTRACTOR_PAYMENT',
    lines,
    totalCents,
    employerTaxCents: input.kind === 'W2' ? divideHalfUp(totalCents * EMPLOYER_TAX_BASIS_POINTS, 10_000) : 0,
  };
}
