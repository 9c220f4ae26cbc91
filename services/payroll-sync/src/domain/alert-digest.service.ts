import { randomUUID } from 'node:crypto';
import { LessThan, type EntityManager } from 'typeorm';
import { DomainError, forbidden, type Clock, type Database, type FirmMemberIdentity, type Identity, type Logger, type Mailer } from '@advisor/kit';
import { requireFirmMember } from '@advisor/rules';
import type { memberAccessChanged, PayloadOf } from '@advisor/schema';
import { AlertDigestEntity } from '../db/entities/alert-digest.entity';
import type { AlertsService, DeadlineAlert } from './alerts.service';
import { DEFAULT_TIME_ZONE } from './attention.service';
import { localDateIn } from './pay-periods';
import { PayrollErrorCode } from './errors';

export interface AlertDigestOptions {
  /** How often each replica looks for digests due (default one minute; the service's loop reads it). */
  tickMs: number;
  /** A claimed digest is another replica's after this (its sender died). Default 5 minutes. */
  leaseMs: number;
  /** The local hour (in `timeZone`) from which the day's digests go out. Default 7. */
  sendFromHour: number;
  /** Whose days the digest follows (default America/New_York, as the support hours). */
  timeZone: string;
  /** Base of the links in the email (the web app). */
  appUrl: string;
}

export const DEFAULT_ALERT_DIGEST_OPTIONS: Omit<AlertDigestOptions, 'appUrl'> = {
  tickMs: 60_000,
  leaseMs: 5 * 60_000,
  sendFromHour: 7,
  timeZone: DEFAULT_TIME_ZONE,
};

export interface AlertDigestSettings {
  optedIn: boolean;
  /** Opted in, but paused: the member's role or permissions changed since (opt in again to resume). */
  suspended: boolean;
  lastSentOn: string | null;
}

/**
 * SPEC F12: the opt-in daily email digest of a member's alerts. A member opts in (or out) for
 * themself; every replica runs the loop (the kit's `LeasedWorkLoop`), and each day's digest of each member is claimed from
 * MySQL with a lease (`SELECT … FOR UPDATE SKIP LOCKED`, `locked_until`), sent, then marked done
 * for the day only while the claim is still held, so two replicas never both send it. A sender
 * that dies after claiming leaves the day to the next replica once the lease lapses. The only
 * writer of `alert_digests`.
 */
export class AlertDigestService {
  readonly options: AlertDigestOptions;

  constructor(
    private readonly db: Database,
    private readonly alerts: AlertsService,
    private readonly clock: Clock,
    private readonly mailer: Mailer | null,
    private readonly logger: Logger,
    options: Partial<AlertDigestOptions> = {},
  ) {
    this.options = { ...DEFAULT_ALERT_DIGEST_OPTIONS, appUrl: 'http://localhost:4000', ...options };
  }

  /** SPEC F12: opt in (or out) of the daily digest; as the caller, with the identity they hold now. */
  async setOptIn(identity: Identity, optIn: boolean): Promise<AlertDigestSettings> {
    const member = this.digestMember(identity);
    if (!optIn) {
      await this.db.manager.delete(AlertDigestEntity, { memberId: member.memberId });
      return { optedIn: false, suspended: false, lastSentOn: null };
    }
    const now = this.clock.now();
    const identityColumns = { firmId: member.firmId, email: member.email, firmRole: member.firmRole, permissions: member.permissions, suspended: false, updatedAt: now };
    await this.db.transaction(async (em) => {
      const existing = await em.findOne(AlertDigestEntity, { where: { memberId: member.memberId } });
      if (existing) await em.update(AlertDigestEntity, { memberId: member.memberId }, identityColumns);
      else await em.insert(AlertDigestEntity, { memberId: member.memberId, ...identityColumns, lastSentOn: null, lockedUntil: null, lockedBy: null });
    });
    return this.settings(identity);
  }

  async settings(identity: Identity): Promise<AlertDigestSettings> {
    const member = this.digestMember(identity);
    const row = await this.db.manager.findOne(AlertDigestEntity, { where: { memberId: member.memberId } });
    return row ? { optedIn: true, suspended: row.suspended, lastSentOn: row.lastSentOn } : { optedIn: false, suspended: false, lastSentOn: null };
  }

  /**
   * `member.access-changed` (from firms): after a role or permission change the stored identity
   * may see more than the member now does (SPEC C6), so the digest pauses until they opt in again;
   * a deactivated member's opt-in ends (SPEC F7).
   */
  async applyAccessChanged(em: EntityManager, event: PayloadOf<typeof memberAccessChanged>): Promise<void> {
    if (event.reason === 'DEACTIVATED' || event.reason === 'SERVICE_ACCOUNT_REVOKED') {
      await em.delete(AlertDigestEntity, { memberId: event.memberId });
    } else if (event.reason === 'ROLE_OR_PERMISSIONS_CHANGED') {
      // An opt-in made after the change (with a token of the new identity) stays as it is.
      await em.update(AlertDigestEntity, { memberId: event.memberId, updatedAt: LessThan(new Date(event.changedAt)) }, { suspended: true });
    }
  }

  /**
   * One batch for the loop (`LeasedWorkLoop`, started by the service): claims up to 20 digests due
   * today and sends them; returns how many it claimed (0: nothing due, the sweep ends).
   */
  async runBatch(): Promise<number> {
    const held = await this.claim(20);
    for (const row of held) await this.sendOne(row);
    return held.length;
  }

  /** Claims digests not yet handled today (local day of the digest), from the sending hour on. */
  private async claim(limit: number): Promise<Array<AlertDigestEntity & { token: string; today: string }>> {
    const now = this.clock.now();
    const today = localDateIn(this.options.timeZone, now);
    if (localHourIn(this.options.timeZone, now) < this.options.sendFromHour) return [];
    const token = randomUUID();
    const lockedUntil = new Date(now.getTime() + this.options.leaseMs);
    return this.db.transaction(async (em) => {
      const rows: Array<{ member_id: string }> = await em.query(
        `SELECT member_id FROM alert_digests
          WHERE suspended = ? AND (last_sent_on IS NULL OR last_sent_on < ?) AND (locked_until IS NULL OR locked_until < ?)
          ORDER BY member_id LIMIT ${Math.max(1, Math.floor(limit))}${this.db.skipLocked}`,
        [false, today, this.db.timeParam(now)],
      );
      const held: Array<AlertDigestEntity & { token: string; today: string }> = [];
      for (const r of rows) {
        await em.update(AlertDigestEntity, { memberId: r.member_id }, { lockedUntil, lockedBy: token });
        const row = await em.findOneOrFail(AlertDigestEntity, { where: { memberId: r.member_id } });
        held.push({ ...row, token, today });
      }
      return held;
    });
  }

  /** Sends one member's digest (none when nothing needs them), then marks the day done if the claim still holds. */
  private async sendOne(row: AlertDigestEntity & { token: string; today: string }): Promise<boolean> {
    const identity: FirmMemberIdentity = {
      realm: 'firm', memberId: row.memberId, firmId: row.firmId, email: row.email, firmRole: row.firmRole, permissions: row.permissions,
    };
    try {
      const alerts = await this.alerts.alertsOf(identity);
      if (alerts.length > 0) await this.mailer!.send(this.message(row.email, row.today, alerts));
    } catch (err) {
      // The lease lapses and another pass tries again.
      this.logger.warn({ err, memberId: row.memberId }, 'alert digest not sent; retried after the lease');
      return false;
    }
    const marked = await this.db.manager.update(
      AlertDigestEntity,
      { memberId: row.memberId, lockedBy: row.token },
      { lastSentOn: row.today, lockedUntil: null, lockedBy: null },
    );
    return Boolean(marked.affected);
  }

  private message(to: string, day: string, alerts: DeadlineAlert[]) {
    const lines = alerts.map((a) => `- ${a.overdue ? 'OVERDUE ' : ''}${a.summary} (due ${a.dueAt.toISOString()})\n  ${this.options.appUrl}${a.link}`);
    return {
      to,
      template: 'alert-digest',
      subject: `Advisor Dashboard: ${alerts.length} thing${alerts.length === 1 ? '' : 's'} need${alerts.length === 1 ? 's' : ''} you (${day})`,
      text: `What needs you soon across your clients, soonest first:\n\n${lines.join('\n')}\n\nAll alerts: ${this.options.appUrl}/alerts\nStop these emails on that page.\n`,
    };
  }

  /** SPEC F12: firm members opt in for themselves; service accounts have no mailbox. */
  private digestMember(identity: Identity): FirmMemberIdentity {
    const member = requireFirmMember(identity, undefined, 'Only firm members receive the alert digest.');
    if (member.serviceAccount) throw forbidden('Service accounts receive no email.');
    if (!this.mailer) throw new DomainError(PayrollErrorCode.DigestUnavailable, 'Email is not configured for this installation.');
    return member;
  }
}

function localHourIn(timeZone: string, at: Date): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(at));
}
