import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';
import type { PayLine, WithholdingSource } from '../../domain/pay';

/** BIGINT comes back from MySQL as a string; amounts stay integers of cents well inside 2^53. */
const cents: ValueTransformer = { to: (v: number) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

/** SPEC P7: a completed payroll run; the unique period id makes a period run once. */
@Entity('payroll_runs')
export class PayrollRunEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ name: 'period_id', type: 'varchar', length: 36, unique: true })
  periodId: string;

  @Column({ name: 'run_by', type: 'varchar', length: 80 })
  runBy: string;

  @Column({ name: 'gross_cents', type: 'bigint', transformer: cents })
  grossCents: number;

  @Column({ name: 'employer_tax_cents', type: 'bigint', transformer: cents })
  employerTaxCents: number;

  @Column({ name: 'contractor_cents', type: 'bigint', transformer: cents })
  contractorCents: number;

  /** Income tax withheld from the employees' pay (SPEC P6 tax cards, or the default rate). */
  @Column({ name: 'withheld_cents', type: 'bigint', transformer: cents })
  withheldCents: number;

  @Column({ name: 'completed_at', type: 'datetime', precision: 3 })
  completedAt: Date;
}

@Entity('payslips')
export class PayslipEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'run_id', type: 'varchar', length: 36 })
  runId: string;

  @Column({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ name: 'worker_id', type: 'varchar', length: 36 })
  workerId: string;

  @Column({ type: 'varchar', length: 24 })
  kind: 'PAYSLIP' | 'CONTRACTOR_PAYMENT';

  @Column({ name: 'pay_lines', type: 'simple-json' })
  lines: PayLine[];

  @Column({ name: 'total_cents', type: 'bigint', transformer: cents })
  totalCents: number;

  @Column({ name: 'employer_tax_cents', type: 'bigint', transformer: cents })
  employerTaxCents: number;

  /** Income tax withheld from a W2 payslip; 0 for a contractor. */
  @Column({ name: 'withheld_cents', type: 'bigint', transformer: cents })
  withheldCents: number;

  /** The rate it was withheld at (2200 = 22.00 %); null for a contractor (or a payslip before withholding). */
  @Column({ name: 'withholding_rate_bp', type: 'int', nullable: true })
  withholdingRateBasisPoints: number | null;

  /** TAX_CARD (the employee's fetched card, SPEC P6) or DEFAULT_RATE; null when nothing was withheld by rule. */
  @Column({ name: 'withholding_source', type: 'varchar', length: 16, nullable: true })
  withholdingSource: WithholdingSource | null;
}

/**
 * SPEC P7: the client's employer tax filing for a month, summed over the month's runs, and
 * submitted to the tax authority in the background (FilingService) after each run.
 */
@Entity('employer_tax_filings')
export class EmployerTaxFilingEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  /** YYYY-MM of the periods' pay date (the period's end). */
  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Column({ name: 'gross_cents', type: 'bigint', transformer: cents })
  grossCents: number;

  @Column({ name: 'employer_tax_cents', type: 'bigint', transformer: cents })
  employerTaxCents: number;

  /** The month's income tax withheld from employees, in cents. */
  @Column({ name: 'withheld_cents', type: 'bigint', transformer: cents })
  withheldCents: number;

  @Column({ type: 'int' })
  runs: number;

  /** NOT_SUBMITTED: waiting to be submitted (again, after another run of the month); then the authority's answer. */
  @Column({ type: 'varchar', length: 16 })
  status: 'NOT_SUBMITTED' | 'ACCEPTED' | 'REJECTED';

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  /** The authority's errors of a REJECTED filing. */
  @Column({ type: 'simple-json', nullable: true })
  errors?: Array<{ code: string; message: string }> | null;

  @Column({ name: 'authority_filing_id', type: 'varchar', length: 64, nullable: true })
  authorityFilingId?: string | null;

  /** Which version (its `runs`) the authority answered. */
  @Column({ name: 'submitted_runs', type: 'int', nullable: true })
  submittedRuns?: number | null;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3, nullable: true })
  submittedAt?: Date | null;

  /** Attempts to submit this version. */
  @Column({ type: 'int', default: 0 })
  attempts?: number;

  /** Why the last attempt did not reach an answer (the authority unreachable, not connected, …); retried. */
  @Column({ name: 'last_attempt_error', type: 'text', nullable: true })
  lastAttemptError?: string | null;

  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3, nullable: true })
  nextAttemptAt?: Date | null;

  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true })
  lockedUntil?: Date | null;

  @Column({ name: 'locked_by', type: 'varchar', length: 36, nullable: true })
  lockedBy?: string | null;
}

export const PAYROLL_RUN_ENTITIES = [PayrollRunEntity, PayslipEntity, EmployerTaxFilingEntity];
