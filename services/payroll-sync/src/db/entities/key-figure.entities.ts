import { Column, Entity, PrimaryColumn } from 'typeorm';

const bigint = { type: 'bigint' as const, transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } };

/**
 * SPEC P4, P5: one client's payroll figures for one month (YYYY-MM), kept in the transaction of
 * each change. Pay counts in the month its pay period ends (like the employer filing); shifts and
 * absences in the month of their local date.
 */
@Entity('payroll_month_figures')
export class PayrollMonthFiguresEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  /** W2 payslips sent. */
  @Column({ type: 'int' })
  payslips: number;

  /** W2 employees with at least one payslip in the month. */
  @Column({ name: 'employees_paid', type: 'int' })
  employeesPaid: number;

  @Column({ name: 'contractor_payments', type: 'int' })
  contractorPayments: number;

  @Column({ name: 'gross_cents', ...bigint })
  grossCents: number;

  @Column({ name: 'contractor_cents', ...bigint })
  contractorCents: number;

  @Column({ name: 'employer_tax_cents', ...bigint })
  employerTaxCents: number;

  /** Income tax withheld from the W2 payslips (SPEC P5 term report). */
  @Column({ name: 'withheld_cents', ...bigint })
  withheldCents: number;

  /** Approved shifts synced from time tracking (whatever their status). */
  @Column({ type: 'int' })
  shifts: number;

  /** Of those, shifts that reached a timecard by the sync alone: not sent again by hand, on a timecard nobody edited. */
  @Column({ name: 'shifts_automated', type: 'int' })
  shiftsAutomated: number;

  /** Approved time off (PTO, sick) on timecards. */
  @Column({ type: 'int' })
  absences: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** SPEC C10: which of a firm's groups a client is in, as the clients service last announced it. */
@Entity('group_member_copies')
export class GroupMemberCopyEntity {
  @PrimaryColumn({ name: 'group_id', type: 'varchar', length: 36 })
  groupId: string;

  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ name: 'firm_id', type: 'varchar', length: 36 })
  firmId: string;

  /** False once removed: kept so that an older ADDED arriving late does not bring it back. */
  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'changed_at', type: 'datetime', precision: 3 })
  changedAt: Date;
}

export const KEY_FIGURE_ENTITIES = [PayrollMonthFiguresEntity, GroupMemberCopyEntity];
