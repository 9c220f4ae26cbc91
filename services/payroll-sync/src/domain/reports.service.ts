import { z } from 'zod';
import { DomainError, CommonErrorCode, parseInput, type Database, type Identity } from '@advisor/kit';
import { AssignmentCopyEntity } from '@advisor/rules';
import { PayrollMonthFiguresEntity } from '../db/entities/key-figure.entities';
import { TimeTrackingIntegrationEntity } from '../db/entities/time-tracking-integration.entity';
import { monthSchema, type KeyFigureService } from './key-figures.service';

/** SPEC P5: one row of the usage log and automation report: one client's month. */
export interface ClientMonthRow {
  clientId: string;
  month: string;
  payslips: number;
  contractorPayments: number;
  absences: number;
  shifts: number;
  shiftsAutomated: number;
  automationLevel: number | null;
  totalPaidOutCents: number;
}

/** SPEC P5 "my clients": a client where the caller is RESPONSIBLE or COLLABORATOR, with its payroll status. */
export interface MyPayrollClientRow {
  clientId: string;
  role: 'RESPONSIBLE' | 'COLLABORATOR';
  timeTrackingStatus: 'CONNECTED' | 'NOT_CONNECTED';
  lastSyncStatus: 'SUCCEEDED' | 'FAILED' | null;
  lastSyncedAt: Date | null;
}

export interface ReportPage<T> {
  rows: T[];
  /** Pass as `after` for the next page; null on the last one. */
  nextCursor: string | null;
}

/**
 * SPEC P5 term report: one client's two-month term (Jan–Feb = T1, Mar–Apr = T2, … Nov–Dec = T6),
 * summed from its months' figures: pay counts in the month its pay period ends, as in the
 * employer's monthly filing.
 */
export interface TermRow {
  clientId: string;
  /** YYYY-Tn. */
  term: string;
  /** The term's first and last month, YYYY-MM. */
  fromMonth: string;
  toMonth: string;
  payslips: number;
  /** W2 gross pay, in cents. */
  grossCents: number;
  /** Income tax withheld from it (SPEC P6 tax cards, or the default rate; see pay.ts). */
  withheldCents: number;
  /** Employer tax (7.65 % of W2 gross). */
  employerTaxCents: number;
  /** 1099 contractor payments, in cents. */
  contractorCents: number;
}

const termSchema = z.string().regex(/^\d{4}-T[1-6]$/, 'is a two-month term: YYYY-Tn, n from 1 (Jan–Feb) to 6 (Nov–Dec)');

/** The term (YYYY-Tn) of a month (YYYY-MM). */
export function termOf(month: string): string {
  return `${month.slice(0, 4)}-T${Math.ceil(Number(month.slice(5, 7)) / 2)}`;
}

/** A term's first and last month. */
export function monthsOfTerm(term: string): { fromMonth: string; toMonth: string } {
  const [year, n] = [term.slice(0, 4), Number(term.slice(6))];
  return { fromMonth: `${year}-${String(2 * n - 1).padStart(2, '0')}`, toMonth: `${year}-${String(2 * n).padStart(2, '0')}` };
}

export const MAX_REPORT_PAGE = 200;
/** What every report takes: a group of the firm (C10), a page size and the cursor of the page before. */
const pageInput = {
  groupId: z.string().uuid().nullable().optional(),
  first: z.number().int().min(1).max(MAX_REPORT_PAGE).default(50),
  after: z.string().max(200).nullable().optional(),
};
const reportInput = z
  .object({ fromMonth: monthSchema, toMonth: monthSchema, ...pageInput })
  .refine((i) => i.fromMonth <= i.toMonth, { message: 'fromMonth must not be after toMonth', path: ['toMonth'] });
const termInput = z
  .object({ fromTerm: termSchema, toTerm: termSchema, ...pageInput })
  .refine((i) => i.fromTerm <= i.toTerm, { message: 'fromTerm must not be after toTerm', path: ['toTerm'] });

export const encodeCursor = (parts: string[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
export function decodeCursor(cursor: string | null | undefined, size: number): string[] | null {
  if (!cursor) return null;
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === size && parts.every((p) => typeof p === 'string')) return parts;
  } catch {
    // fall through
  }
  throw new DomainError(CommonErrorCode.BadUserInput, 'The cursor is not one this report gave.');
}

/**
 * SPEC P5 reports across the clients the caller sees (C6), filterable by group (C10), one page at
 * a time (keyset pagination, at most 200 rows): the usage log with the automation level per client
 * and month, read from the same per-month figures as P4, and "my clients".
 */
export class PayrollReportService {
  constructor(
    private readonly db: Database,
    private readonly figures: KeyFigureService,
  ) {}

  async usage(identity: Identity, raw: unknown): Promise<ReportPage<ClientMonthRow>> {
    const input = parseInput(reportInput, raw);
    const after = decodeCursor(input.after, 2);
    const clientIds = await this.figures.overviewClients(identity, input.groupId ?? null);
    if (clientIds.length === 0) return { rows: [], nextCursor: null };
    const qb = this.db.manager
      .createQueryBuilder(PayrollMonthFiguresEntity, 'f')
      .where('f.client_id IN (:...clientIds) AND f.month BETWEEN :from AND :to', { clientIds, from: input.fromMonth, to: input.toMonth })
      .orderBy('f.client_id', 'ASC')
      .addOrderBy('f.month', 'ASC')
      .take(input.first + 1);
    if (after) qb.andWhere('(f.client_id > :c OR (f.client_id = :c AND f.month > :m))', { c: after[0], m: after[1] });
    const rows = await qb.getMany();
    const page = rows.slice(0, input.first);
    const last = page[page.length - 1];
    return {
      rows: page.map((f) => ({
        clientId: f.clientId, month: f.month, payslips: f.payslips, contractorPayments: f.contractorPayments, absences: f.absences, shifts: f.shifts,
        shiftsAutomated: f.shiftsAutomated, automationLevel: f.shifts === 0 ? null : f.shiftsAutomated / f.shifts, totalPaidOutCents: Number(f.grossCents) + Number(f.contractorCents),
      })),
      nextCursor: rows.length > input.first && last ? encodeCursor([last.clientId, last.month]) : null,
    };
  }

  /** SPEC P5 "my clients": where the caller is responsible or collaborator (C5), among the clients they see, with status. */
  async myClients(identity: Identity, raw: { groupId?: string | null; first?: number | null; after?: string | null }): Promise<ReportPage<MyPayrollClientRow>> {
    const input = parseInput(z.object(pageInput), {
      ...raw, first: raw.first ?? undefined,
    });
    const after = decodeCursor(input.after, 1);
    const visible = await this.figures.overviewClients(identity, input.groupId ?? null);
    if (visible.length === 0 || identity.realm !== 'firm') return { rows: [], nextCursor: null };
    const qb = this.db.manager
      .createQueryBuilder(AssignmentCopyEntity, 'a')
      .leftJoin(TimeTrackingIntegrationEntity, 'i', 'i.client_id = a.client_id')
      .select(['a.client_id AS clientId', 'a.role AS role', 'i.status AS status', 'i.last_sync_status AS lastSyncStatus', 'i.last_synced_at AS lastSyncedAt'])
      .where('a.member_id = :memberId AND a.firm_id = :firmId AND a.active = :active AND a.role IS NOT NULL AND a.client_id IN (:...visible)', {
        memberId: identity.memberId, firmId: identity.firmId, active: true, visible,
      })
      .orderBy('a.client_id', 'ASC')
      .limit(input.first + 1);
    if (after) qb.andWhere('a.client_id > :after', { after: after[0] });
    const rows: Array<{ clientId: string; role: 'RESPONSIBLE' | 'COLLABORATOR'; status: string | null; lastSyncStatus: 'SUCCEEDED' | 'FAILED' | null; lastSyncedAt: Date | string | null }> = await qb.getRawMany();
    const page = rows.slice(0, input.first);
    return {
      rows: page.map((r) => ({
        clientId: r.clientId, role: r.role, timeTrackingStatus: r.status === 'CONNECTED' ? 'CONNECTED' : 'NOT_CONNECTED', lastSyncStatus: r.lastSyncStatus ?? null,
        lastSyncedAt: r.lastSyncedAt ? new Date(r.lastSyncedAt) : null,
      })),
      nextCursor: rows.length > input.first ? encodeCursor([page[page.length - 1].clientId]) : null,
    };
  }

  /**
   * SPEC P5 term report: per client and two-month term, gross pay, tax withheld and employer tax,
   * over the clients the caller sees (C6), optionally one group's (C10); terms with pay only. Reads
   * the month figures in (client, month) order, at most two rows a term, so a page of `first` terms
   * is one statement of 2 × (first + 1) rows; the cursor is the page's last client and month.
   */
  async terms(identity: Identity, raw: unknown): Promise<ReportPage<TermRow>> {
    const input = parseInput(termInput, raw);
    const after = decodeCursor(input.after, 2);
    const clientIds = await this.figures.overviewClients(identity, input.groupId ?? null);
    if (clientIds.length === 0) return { rows: [], nextCursor: null };
    const qb = this.db.manager
      .createQueryBuilder(PayrollMonthFiguresEntity, 'f')
      .where('f.client_id IN (:...clientIds) AND f.month BETWEEN :from AND :to AND (f.payslips > 0 OR f.contractor_payments > 0)', {
        clientIds, from: monthsOfTerm(input.fromTerm).fromMonth, to: monthsOfTerm(input.toTerm).toMonth,
      })
      .orderBy('f.client_id', 'ASC')
      .addOrderBy('f.month', 'ASC')
      .take(2 * (input.first + 1));
    if (after) qb.andWhere('(f.client_id > :c OR (f.client_id = :c AND f.month > :m))', { c: after[0], m: after[1] });
    const terms: TermRow[] = [];
    for (const f of await qb.getMany()) {
      const term = termOf(f.month);
      let row = terms[terms.length - 1];
      if (!row || row.clientId !== f.clientId || row.term !== term) {
        row = { clientId: f.clientId, term, ...monthsOfTerm(term), payslips: 0, grossCents: 0, withheldCents: 0, employerTaxCents: 0, contractorCents: 0 };
        terms.push(row);
      }
      row.payslips += f.payslips;
      row.grossCents += Number(f.grossCents);
      row.withheldCents += Number(f.withheldCents);
      row.employerTaxCents += Number(f.employerTaxCents);
      row.contractorCents += Number(f.contractorCents);
    }
    // With 2 × (first + 1) rows there are more than `first` terms whenever the read was cut, so the
    // first `first` are whole: only the last term read can miss its second month.
    const page = terms.slice(0, input.first);
    const last = page[page.length - 1];
    return { rows: page, nextCursor: terms.length > input.first && last ? encodeCursor([last.clientId, last.toMonth]) : null };
  }
}
