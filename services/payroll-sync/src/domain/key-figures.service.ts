import { In, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { DomainError, CommonErrorCode, parseInput, type Clock, type Database, type Identity } from '@advisor/kit';
import { AssignmentCopyEntity, visibleClientIdsFromCopy } from '@advisor/rules';
import type { clientGroupMembershipChanged, PayloadOf } from '@advisor/schema';
import { GroupMemberCopyEntity, PayrollMonthFiguresEntity } from '../db/entities/key-figure.entities';
import { TimeTrackingIntegrationEntity } from '../db/entities/time-tracking-integration.entity';

/** SPEC P4: the partner overview's key figures for a month, over the clients the caller sees (C6). */
export interface KeyFigures {
  month: string;
  groupId: string | null;
  /** Visible clients with time tracking connected, or with pay in the month. */
  payrollClients: number;
  /** W2 employees with at least one payslip in the month. */
  employeesInService: number;
  payslipsSent: number;
  contractorPayments: number;
  absencesRegistered: number;
  shifts: number;
  shiftsAutomated: number;
  /** shiftsAutomated ÷ shifts; null when there were no shifts. */
  automationLevel: number | null;
  /** Employer tax filings of the month before that the authority rejected. */
  filingsWithErrorsLastMonth: number;
  /** W2 gross pay plus contractor payments, in cents. */
  totalPaidOutCents: number;
}

/** One client's figures for a month, counted from the payroll tables (what the stored row must equal). */
export type MonthFigures = Omit<PayrollMonthFiguresEntity, 'clientId' | 'month' | 'updatedAt'>;

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'is a month: YYYY-MM');
const figuresInput = z.object({ month: monthSchema, groupId: z.string().uuid().nullable().optional() });

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The months (YYYY-MM) of some local dates (YYYY-MM-DD). */
export const monthsOf = (dates: Iterable<string>): Set<string> => new Set([...dates].map((d) => d.slice(0, 7)));

/**
 * SPEC P4 "where the numbers come from": each client's figures per month are stored in
 * payroll_month_figures and refreshed inside the transaction of every change that moves them —
 * a payroll run (its period's month), synced shifts and time off, a shift sent again, a
 * timecard edited by hand — by counting that one client's month again (a few indexed statements,
 * whatever the size of the firm). The overview then sums one row per visible client: the same
 * number of statements at 10 or 1,000 clients, and no payslip is read on a request.
 */
export class KeyFigureService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Recounts the client's months inside the caller's transaction (the one making the change). */
  async refresh(em: EntityManager, clientId: string, months: Iterable<string>): Promise<void> {
    const now = this.clock.now();
    for (const month of new Set(months)) {
      const figures = await this.count(em, clientId, month);
      await em.upsert(PayrollMonthFiguresEntity, { clientId, month, ...figures, updatedAt: now }, ['clientId', 'month']);
    }
  }

  /** One client's month counted from payslips, shifts and timecards: the full recount the stored row must equal. */
  async count(em: EntityManager, clientId: string, month: string): Promise<MonthFigures> {
    const [from, to] = [`${month}-01`, `${month}-31`];
    const pay: Array<{ kind: string; n: number | string; workers: number | string; total: number | string; tax: number | string; withheld: number | string }> = await em.query(
      `SELECT p.kind AS kind, COUNT(*) AS n, COUNT(DISTINCT p.worker_id) AS workers, COALESCE(SUM(p.total_cents), 0) AS total, COALESCE(SUM(p.employer_tax_cents), 0) AS tax,
              COALESCE(SUM(p.withheld_cents), 0) AS withheld
         FROM payslips p JOIN payroll_runs r ON r.id = p.run_id JOIN pay_periods pp ON pp.id = r.period_id
        WHERE r.client_id = ? AND pp.end_date BETWEEN ? AND ? GROUP BY p.kind`,
      [clientId, from, to],
    );
    const [shifts]: Array<{ shifts: number | string; automated: number | string | null }> = await em.query(
      `SELECT COUNT(*) AS shifts, COALESCE(SUM(CASE WHEN s.status = 'SENT' AND s.resent = 0 AND t.edited = 0 THEN 1 ELSE 0 END), 0) AS automated
         FROM shift_syncs s
         LEFT JOIN timecard_entries e ON e.client_id = s.client_id AND e.shift_id = s.shift_id
         LEFT JOIN timecards t ON t.id = e.timecard_id
        WHERE s.client_id = ? AND s.local_date BETWEEN ? AND ?`,
      [clientId, from, to],
    );
    const [absences]: Array<{ n: number | string }> = await em.query(
      `SELECT COUNT(*) AS n FROM timecard_entries WHERE client_id = ? AND kind = 'PTO' AND work_date BETWEEN ? AND ?`,
      [clientId, from, to],
    );
    const slips = pay.find((p) => p.kind === 'PAYSLIP');
    const contractor = pay.find((p) => p.kind === 'CONTRACTOR_PAYMENT');
    return {
      payslips: Number(slips?.n ?? 0),
      employeesPaid: Number(slips?.workers ?? 0),
      contractorPayments: Number(contractor?.n ?? 0),
      grossCents: Number(slips?.total ?? 0),
      contractorCents: Number(contractor?.total ?? 0),
      employerTaxCents: pay.reduce((s, p) => s + Number(p.tax), 0),
      withheldCents: pay.reduce((s, p) => s + Number(p.withheld), 0),
      shifts: Number(shifts?.shifts ?? 0),
      shiftsAutomated: Number(shifts?.automated ?? 0),
      absences: Number(absences?.n ?? 0),
    };
  }

  /**
   * SPEC P4 for a firm member: the firm's (or one group's) key figures for a month, counted only
   * over the clients the caller sees (C6: assigned ones, or all with VIEW_ALL_CLIENTS). A client
   * admin has no partner overview (FORBIDDEN). Five statements, whatever the number of clients.
   */
  async keyFigures(identity: Identity, raw: { month: string; groupId?: string | null }): Promise<KeyFigures> {
    const input = parseInput(figuresInput, raw);
    const clientIds = await this.overviewClients(identity, input.groupId ?? null);
    const empty: KeyFigures = {
      month: input.month, groupId: input.groupId ?? null, payrollClients: 0, employeesInService: 0, payslipsSent: 0, contractorPayments: 0, absencesRegistered: 0,
      shifts: 0, shiftsAutomated: 0, automationLevel: null, filingsWithErrorsLastMonth: 0, totalPaidOutCents: 0,
    };
    if (clientIds.length === 0) return empty;
    const em = this.db.manager;
    const ids = clientIds;
    const [sums]: Array<Record<string, number | string | null>> = await em.query(
      `SELECT COALESCE(SUM(payslips), 0) AS payslips, COALESCE(SUM(employees_paid), 0) AS employees, COALESCE(SUM(contractor_payments), 0) AS contractor,
              COALESCE(SUM(absences), 0) AS absences, COALESCE(SUM(shifts), 0) AS shifts, COALESCE(SUM(shifts_automated), 0) AS automated,
              COALESCE(SUM(gross_cents + contractor_cents), 0) AS paid
         FROM payroll_month_figures WHERE month = ? AND client_id IN (${ids.map(() => '?').join(',')})`,
      [input.month, ...ids],
    );
    const inIds = ids.map(() => '?').join(',');
    const [connected]: Array<{ n: number | string }> = await em.query(
      `SELECT COUNT(*) AS n FROM (
         SELECT client_id FROM time_tracking_integrations WHERE status = 'CONNECTED' AND client_id IN (${inIds})
         UNION SELECT client_id FROM payroll_month_figures WHERE month = ? AND (payslips > 0 OR contractor_payments > 0) AND client_id IN (${inIds})
       ) paying`,
      [...ids, input.month, ...ids],
    );
    const [rejected]: Array<{ n: number | string }> = await em.query(
      `SELECT COUNT(*) AS n FROM employer_tax_filings WHERE month = ? AND status = 'REJECTED' AND client_id IN (${ids.map(() => '?').join(',')})`,
      [previousMonth(input.month), ...ids],
    );
    const shifts = Number(sums.shifts);
    const automated = Number(sums.automated);
    return {
      ...empty,
      payrollClients: Number(connected.n),
      employeesInService: Number(sums.employees),
      payslipsSent: Number(sums.payslips),
      contractorPayments: Number(sums.contractor),
      absencesRegistered: Number(sums.absences),
      shifts,
      shiftsAutomated: automated,
      automationLevel: shifts === 0 ? null : automated / shifts,
      filingsWithErrorsLastMonth: Number(rejected.n),
      totalPaidOutCents: Number(sums.paid),
    };
  }

  /**
   * SPEC C6 and C10: the clients the firm member sees, narrowed to one of the firm's groups as
   * the clients service last announced it. Two statements.
   */
  async overviewClients(identity: Identity, groupId: string | null): Promise<string[]> {
    if (identity.realm === 'anonymous') throw new DomainError(CommonErrorCode.Unauthenticated, 'Sign in first.');
    if (identity.realm !== 'firm') throw new DomainError(CommonErrorCode.Forbidden, 'The partner overview is for firm members.');
    const visible = await visibleClientIdsFromCopy(this.db.manager, identity);
    if (!groupId || visible.length === 0) return visible;
    const inGroup = await this.db.manager.find(GroupMemberCopyEntity, {
      where: { groupId, firmId: identity.firmId, active: true, clientId: In(visible) },
      select: { clientId: true },
    });
    return inGroup.map((m) => m.clientId);
  }

  /** SPEC C10 copy: the newest word per group and client wins, whatever the arrival order. */
  static async applyGroupMembership(em: EntityManager, event: PayloadOf<typeof clientGroupMembershipChanged>): Promise<void> {
    const changedAt = new Date(event.changedAt);
    const existing = new Map(
      (await em.find(GroupMemberCopyEntity, { where: { groupId: event.groupId, clientId: In(event.clientIds) } })).map((r) => [r.clientId, r]),
    );
    const active = event.change === 'ADDED';
    for (const clientId of new Set(event.clientIds)) {
      const row = existing.get(clientId);
      if (row && row.changedAt.getTime() > changedAt.getTime()) continue;
      if (row) await em.update(GroupMemberCopyEntity, { groupId: event.groupId, clientId }, { active, changedAt, firmId: event.firmId });
      else await em.insert(GroupMemberCopyEntity, { groupId: event.groupId, clientId, firmId: event.firmId, active, changedAt });
    }
  }
}
