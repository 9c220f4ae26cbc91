import { In } from 'typeorm';
import { DAY_MS, parseInput, type Clock, type Database, type Identity } from '@advisor/kit';
import { z } from 'zod';
import { EmployerTaxFilingEntity } from '../db/entities/payroll-run.entities';
import type { AttentionService } from './attention.service';
import type { PayrollAuthorizer } from './authorizer';
import { addDays, approvalDeadline, startOfLocalDate } from './pay-periods';
import { DEFAULT_TIME_ZONE } from './attention.service';
import { decodeCursor, encodeCursor } from './reports.service';

/** SPEC F12: what an alert is about; each kind names the rule whose state raises it. */
export type DeadlineAlertKind = 'TIMECARDS_TO_APPROVE' | 'HOURS_SYNC_ERRORS' | 'FILING_REJECTED' | 'TAX_CARD_FETCH_FAILED';

export interface DeadlineAlert {
  /** Stable while the state that raised it lasts: kind, client and what it is about. */
  id: string;
  kind: DeadlineAlertKind;
  clientId: string;
  /** When it must be resolved by; in the past for what is overdue or needs someone now. */
  dueAt: Date;
  /** Whether dueAt has passed. */
  overdue: boolean;
  /** What needs doing, in words. */
  summary: string;
  /** The web app's screen that resolves it. */
  link: string;
}

export interface DeadlineAlertPage {
  alerts: DeadlineAlert[];
  totalCount: number;
  /** Give it as `after` for the next page; null on the last. */
  nextCursor: string | null;
}

const pageInput = z.object({
  first: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100').default(20),
  after: z.string().max(300).nullish(),
});

/** SPEC P2 + F12: drafts raise an alert from 24 hours before the end of their deadline day (local), and stay while overdue. */
export const TIMECARD_ALERT_LEAD_MS = DAY_MS;

/**
 * SPEC F12, payroll part: one feed per member of what needs them soon, derived from payroll-sync's
 * own state at read time, never stored: an alert is there exactly while its state is (drafts not
 * approved, shifts in SEND or ERROR, a rejected filing, a client whose latest tax-card fetch
 * FAILED), so it clears itself the moment someone resolves it and there is no alerts table to
 * keep in step with the tables that hold the truth (one writer per table stays true).
 * Visibility is SPEC C6 with the permission each screen needs (VIEW_PAYROLL; VIEW_TAX_DOCUMENTS
 * for tax cards), from the access copy; a fixed number of statements whatever the firm's size.
 */
export class AlertsService {
  constructor(
    private readonly db: Database,
    private readonly auth: PayrollAuthorizer,
    private readonly attention: AttentionService,
    private readonly clock: Clock,
  ) {}

  /** The caller's alerts, soonest due first (then by id), a page at a time. */
  async page(identity: Identity, raw: { first?: number | null; after?: string | null }): Promise<DeadlineAlertPage> {
    const { first, after } = parseInput(pageInput, { first: raw.first ?? undefined, after: raw.after });
    const all = await this.alertsOf(identity);
    const parts = decodeCursor(after, 2);
    const cursor: Key | null = parts ? [Number(parts[0]), parts[1]] : null;
    const rest = cursor ? all.filter((a) => compareKey(keyOf(a), cursor) > 0) : all;
    const alerts = rest.slice(0, first);
    const last = alerts[alerts.length - 1];
    return { alerts, totalCount: all.length, nextCursor: rest.length > first && last ? encodeCursor([String(last.dueAt.getTime()), last.id]) : null };
  }

  /** Every alert of the caller, soonest due first; also what the digest and the subscription read. */
  async alertsOf(identity: Identity): Promise<DeadlineAlert[]> {
    const [payrollClients, taxCardClients] = await Promise.all([
      this.auth.clientsFor(identity, 'VIEW'),
      this.auth.clientsFor(identity, 'TAX_CARDS'),
    ]);
    const [attention, filings, fetches] = await Promise.all([
      this.attention.attentionOf(payrollClients),
      payrollClients.length ? this.db.manager.find(EmployerTaxFilingEntity, { where: { clientId: In(payrollClients), status: 'REJECTED' } }) : [],
      this.failedTaxCardFetches(taxCardClients),
    ]);
    const now = this.clock.now().getTime();
    const alerts: Array<Omit<DeadlineAlert, 'overdue'>> = [];
    for (const client of attention) {
      const payroll = `/clients/view/${client.clientId}/payroll`;
      for (const d of client.draftsDue) {
        // The deadline day ends at the next local midnight (SPEC P2: the client's local dates).
        const dueAt = startOfLocalDate(client.timeZone, addDays(d.deadline, 1));
        if (dueAt.getTime() - now > TIMECARD_ALERT_LEAD_MS) continue;
        alerts.push({
          id: `TIMECARDS_TO_APPROVE:${client.clientId}:${d.periodId}`,
          kind: 'TIMECARDS_TO_APPROVE',
          clientId: client.clientId,
          dueAt,
          summary: `${d.drafts} timecard${d.drafts === 1 ? '' : 's'} of ${d.startDate} – ${d.endDate} to approve by ${d.deadline}${d.overdue ? ' (overdue)' : ''}`,
          link: `${payroll}?tab=timecards&period=${encodeURIComponent(d.periodId)}`,
        });
      }
      for (const w of client.weeksWithErrors) {
        // Shifts that did not reach payroll must be fixed before that week's timecards are due.
        const dueAt = startOfLocalDate(client.timeZone, addDays(approvalDeadline(w.weekEnd), 1));
        const parts = [w.errors ? `${w.errors} shift${w.errors === 1 ? '' : 's'} in ERROR` : '', w.toSend ? `${w.toSend} to send again` : ''].filter(Boolean);
        alerts.push({
          id: `HOURS_SYNC_ERRORS:${client.clientId}:${w.weekStart}`,
          kind: 'HOURS_SYNC_ERRORS',
          clientId: client.clientId,
          dueAt,
          summary: `Hours sync, week of ${w.weekStart}: ${parts.join(', ')}`,
          link: `${payroll}?tab=hours&week=${w.weekStart}`,
        });
      }
    }
    for (const f of filings) {
      alerts.push({
        id: `FILING_REJECTED:${f.clientId}:${f.month}`,
        kind: 'FILING_REJECTED',
        clientId: f.clientId,
        // A monthly employer filing is due by the 15th of the month after.
        dueAt: startOfLocalDate(DEFAULT_TIME_ZONE, `${nextMonth(f.month)}-15`),
        summary: `The employer tax filing for ${f.month} was rejected by the tax authority`,
        link: `/clients/view/${f.clientId}/payroll?tab=filings`,
      });
    }
    for (const f of fetches) {
      alerts.push({
        id: `TAX_CARD_FETCH_FAILED:${f.clientId}:${f.fetchId}`,
        kind: 'TAX_CARD_FETCH_FAILED',
        clientId: f.clientId,
        // Failed already: it needs a retry now.
        dueAt: f.failedAt,
        summary: `Tax cards could not be fetched: ${f.reason ?? 'the tax authority did not answer'}`,
        link: `/tax-cards?fetch=${encodeURIComponent(f.fetchId)}`,
      });
    }
    return alerts
      .map((a) => ({ ...a, overdue: a.dueAt.getTime() < now }))
      .sort((a, b) => compareKey(keyOf(a), keyOf(b)));
  }

  /** SPEC P6: clients whose latest tax-card fetch ended FAILED (a later FETCHED, or a retry under way, clears it). One statement. */
  private async failedTaxCardFetches(clientIds: string[]): Promise<Array<{ clientId: string; fetchId: string; reason: string | null; failedAt: Date }>> {
    if (clientIds.length === 0) return [];
    const marks = clientIds.map(() => '?').join(', ');
    const rows: Array<{ client_id: string; fetch_id: string; reason: string | null; updated_at: Date | string }> = await this.db.manager.query(
      `SELECT c.client_id, c.fetch_id, c.reason, c.updated_at
         FROM tax_card_fetch_clients c
        WHERE c.client_id IN (${marks}) AND c.status = 'FAILED'
          AND NOT EXISTS (SELECT 1 FROM tax_card_fetch_clients later
                           WHERE later.client_id = c.client_id
                             AND (later.updated_at > c.updated_at OR (later.updated_at = c.updated_at AND later.fetch_id > c.fetch_id)))`,
      clientIds,
    );
    return rows.map((r) => ({ clientId: r.client_id, fetchId: r.fetch_id, reason: r.reason, failedAt: new Date(r.updated_at) }));
  }
}

type Key = [number, string];
const keyOf = (a: DeadlineAlert): Key => [a.dueAt.getTime(), a.id];
const compareKey = (a: Key, b: Key) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};
