import type { Clock, Database, Identity } from '@advisor/kit';
import type { PayrollAuthorizer } from './authorizer';
import { addDays, daysBetween, localDateIn } from './pay-periods';

/** Where a client's dates are local when its time tracking has not said (SPEC P2). */
export const DEFAULT_TIME_ZONE = 'America/New_York';

export interface DraftsDue {
  periodId: string;
  startDate: string;
  endDate: string;
  deadline: string;
  drafts: number;
  /** Whole days from the client's today to the deadline; negative once it has passed. */
  daysLeft: number;
  overdue: boolean;
}

export interface WeekWithErrors {
  weekStart: string;
  weekEnd: string;
  errors: number;
  toSend: number;
}

export interface ClientAttention {
  clientId: string;
  /** The client's time zone (IANA): its dates (deadlines, weeks) are local there. */
  timeZone: string;
  draftsDue: DraftsDue[];
  weeksWithErrors: WeekWithErrors[];
}

/**
 * The firm-wide view of payroll that needs someone (SPEC P2, P3 across clients, C6): per client
 * the caller may read payroll of, its SAVED_DRAFT timecards with their approval deadline (in the
 * client's local date) and its weeks with shifts in SEND or ERROR. A constant number of SQL
 * statements, whatever the number of clients: the caller's clients (three), drafts per period
 * (one), weeks with errors (one).
 */
export class AttentionService {
  constructor(
    private readonly db: Database,
    private readonly auth: PayrollAuthorizer,
    private readonly clock: Clock,
  ) {}

  async payrollAttention(identity: Identity): Promise<ClientAttention[]> {
    return this.attentionOf(await this.auth.clientsFor(identity, 'VIEW'));
  }

  /** The same, over clients the caller was already allowed to read payroll of. */
  async attentionOf(clientIds: readonly string[]): Promise<ClientAttention[]> {
    if (clientIds.length === 0) return [];
    const marks = clientIds.map(() => '?').join(', ');
    const [drafts, weeks]: [
      Array<{ client_id: string; period_id: string; start_date: string; end_date: string; deadline: string; time_zone: string | null; drafts: string | number }>,
      Array<{ client_id: string; week_start: string; time_zone: string | null; errors: string | number; to_send: string | number }>,
    ] = await Promise.all([
      this.db.manager.query(
        `SELECT t.client_id, p.id AS period_id, p.start_date, p.end_date, p.deadline, i.time_zone, COUNT(*) AS drafts
           FROM timecards t
           JOIN pay_periods p ON p.id = t.period_id
           LEFT JOIN time_tracking_integrations i ON i.client_id = t.client_id
          WHERE t.client_id IN (${marks}) AND t.status = 'SAVED_DRAFT'
          GROUP BY t.client_id, p.id, p.start_date, p.end_date, p.deadline, i.time_zone`,
        clientIds,
      ),
      this.db.manager.query(
        `SELECT s.client_id, s.week_start, i.time_zone, SUM(CASE WHEN s.status = 'ERROR' THEN 1 ELSE 0 END) AS errors, SUM(CASE WHEN s.status = 'SEND' THEN 1 ELSE 0 END) AS to_send
           FROM shift_syncs s
           LEFT JOIN time_tracking_integrations i ON i.client_id = s.client_id
          WHERE s.client_id IN (${marks}) AND s.status IN ('ERROR', 'SEND')
          GROUP BY s.client_id, s.week_start, i.time_zone`,
        clientIds,
      ),
    ]);
    const now = this.clock.now();
    const byClient = new Map<string, ClientAttention>();
    const of = (clientId: string, timeZone: string | null = null) => {
      let c = byClient.get(clientId);
      if (!c) byClient.set(clientId, (c = { clientId, timeZone: timeZone ?? DEFAULT_TIME_ZONE, draftsDue: [], weeksWithErrors: [] }));
      return c;
    };
    for (const d of drafts) {
      const today = localDateIn(d.time_zone ?? DEFAULT_TIME_ZONE, now);
      const daysLeft = daysBetween(today, d.deadline);
      of(d.client_id, d.time_zone).draftsDue.push({
        periodId: d.period_id, startDate: d.start_date, endDate: d.end_date, deadline: d.deadline, drafts: Number(d.drafts), daysLeft, overdue: daysLeft < 0,
      });
    }
    for (const w of weeks) {
      of(w.client_id, w.time_zone).weeksWithErrors.push({ weekStart: w.week_start, weekEnd: addDays(w.week_start, 6), errors: Number(w.errors), toSend: Number(w.to_send) });
    }
    const soonest = (c: ClientAttention) => c.draftsDue.reduce((m, d) => (d.deadline < m ? d.deadline : m), '9999-12-31');
    for (const c of byClient.values()) {
      c.draftsDue.sort((a, b) => a.deadline.localeCompare(b.deadline));
      c.weeksWithErrors.sort((a, b) => b.weekStart.localeCompare(a.weekStart));
    }
    return [...byClient.values()].sort((a, b) => soonest(a).localeCompare(soonest(b)) || a.clientId.localeCompare(b.clientId));
  }
}
