import { randomBytes, randomUUID } from 'node:crypto';
import {
  EVENT_ENTITIES,
  createLogger,
  createMailer,
  dropMysqlDatabase,
  ensureMysqlDatabase,
  openDatabase,
  type ClientAdminIdentity,
  type Clock,
  type Database,
  type FirmMemberIdentity,
} from '@advisor/kit';
import { applyAssignmentChangedToCopy, applyClientLinkedToCopy } from '@advisor/rules';
import { spawnTimeTrackingSimulator, type SpawnedSimulator } from '@advisor/time-tracking-sim';
import { spawnTaxAuthoritySimulator } from '@advisor/tax-authority-sim';
import { PAYROLL_SYNC_ENTITIES, PAYROLL_SYNC_MIGRATIONS } from '../../src/service';
import { createPayrollDomain, type PayrollDomain } from '../../src/domain';
import { HttpTaxAuthorityProvider, HttpTimeTrackingProvider } from '../../src/providers';
import type { TaxCardRunnerOptions } from '../../src/domain/tax-card.service';
import { localDateIn, weekStartOf, addDays } from '../../src/domain/pay-periods';
import type { SchedulerOptions } from '../../src/domain/sync-scheduler';
import { TEST_MYSQL_URL } from '../../../../test/support/env';

/** A clock the tests move forward (retries, leases); real time otherwise. */
export class MovableClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/** Calls the simulator's admin API (loopback, no key) the way the demo and the tests drive it. */
export async function simAdmin<T = any>(base: string, method: string, path: string, body?: unknown): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export const TIME_ZONE = 'America/New_York';
/** Mondays of the last two full weeks before this one, in the client's time zone (periods that have ended). */
export function pastWeeks(): { week1: string; week2: string; thisWeek: string } {
  const thisWeek = weekStartOf(localDateIn(TIME_ZONE, new Date()));
  return { week1: addDays(thisWeek, -14), week2: addDays(thisWeek, -7), thisWeek };
}
/** 9:00–17:00 New York time on a date (14:00Z in winter, 13:00Z in summer: whole 8 hours either way). */
export function dayShift(date: string, fromHour = 9, hours = 8): { start: string; end: string } {
  const probe = new Date(`${date}T12:00:00Z`);
  const offsetHours = Number(new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, hour: 'numeric', hourCycle: 'h23' }).format(probe)) - 12;
  const start = new Date(Date.parse(`${date}T00:00:00Z`) + (fromHour - offsetHours) * 3_600_000);
  return { start: start.toISOString(), end: new Date(start.getTime() + hours * 3_600_000).toISOString() };
}

export interface PayrollHarness {
  db: Database;
  url: string;
  sim: SpawnedSimulator;
  /** SPEC P6: the tax-authority simulator, when the harness was asked for it. */
  tax: SpawnedSimulator | null;
  clock: MovableClock;
  domain: PayrollDomain;
  firmId: string;
  /** A second domain on its own connection: another replica. */
  replica(): Promise<{ db: Database; domain: PayrollDomain }>;
  /** A client linked to the firm, with `memberId` assigned with these permissions (SPEC C3 copy). */
  linkClient(member: FirmMemberIdentity, permissions: string[], linkPermissions?: string[]): Promise<string>;
  /** Assigns another member to a linked client (SPEC C3 copy). */
  assign(member: FirmMemberIdentity, clientId: string, permissions: string[]): Promise<void>;
  member(overrides?: Partial<FirmMemberIdentity>): FirmMemberIdentity;
  clientAdmin(clientId: string, permissions?: string[]): ClientAdminIdentity;
  /** A company in the simulator for a client, with its API key. */
  company(clientId: string): Promise<{ companyId: string; apiKey: string }>;
  events(topicPart: string): Promise<any[]>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

/** payroll-sync's domain on a MySQL database of its own, with the time-tracking simulator as its own process. */
export async function startPayrollHarness(
  name: string,
  scheduler: Partial<SchedulerOptions> = {},
  extras: { taxAuthority?: boolean; taxCardRunner?: Partial<TaxCardRunnerOptions>; alertDigest?: { mailDir: string } } = {},
): Promise<PayrollHarness> {
  const url = `${TEST_MYSQL_URL}/t${randomBytes(4).toString('hex')}_${name}`;
  await ensureMysqlDatabase(url);
  const logger = createLogger({ name, level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const open = () =>
    openDatabase({ name, config: { kind: 'mysql', url }, entities: [...PAYROLL_SYNC_ENTITIES, ...EVENT_ENTITIES], migrations: PAYROLL_SYNC_MIGRATIONS, logger });
  const db = await open();
  const [sim, tax] = await Promise.all([spawnTimeTrackingSimulator(), extras.taxAuthority ? spawnTaxAuthoritySimulator() : Promise.resolve(null)]);
  const clock = new MovableClock();
  const options = { retryBaseMs: 1_000, leaseMs: 60_000, pollIntervalMs: 1_000, ...scheduler };
  const make = (d: Database) =>
    createPayrollDomain({
      db: d, provider: new HttpTimeTrackingProvider({ baseUrl: sim.url, timeoutMs: 1_000 }), clock, logger, scheduler: options,
      taxAuthority: tax ? new HttpTaxAuthorityProvider({ baseUrl: tax.url, timeoutMs: 2_000 }) : null, taxCardRunner: extras.taxCardRunner,
      // SPEC F12: the digest writes to a mail folder of the test's (the file sink), from any hour.
      mailer: extras.alertDigest ? createMailer({ mailDir: extras.alertDigest.mailDir, mailFrom: 'test@advisor.test', logger }) : null,
      alertDigest: { appUrl: 'http://app.test', sendFromHour: 0 },
    });
  const domain = make(db);
  const domains = [domain];
  const firmId = randomUUID();
  const extra: Database[] = [];
  return {
    db,
    url,
    sim,
    tax,
    clock,
    domain,
    firmId,
    replica: async () => {
      const d = await open();
      extra.push(d);
      const replica = make(d);
      domains.push(replica);
      return { db: d, domain: replica };
    },
    assign: (member, clientId, permissions) =>
      db.transaction((em) =>
        applyAssignmentChangedToCopy(em, {
          assignmentId: randomUUID(), clientId, firmId, memberId: member.memberId, change: 'ASSIGNED', role: 'COLLABORATOR', permissions: permissions as never, changedAt: new Date().toISOString(),
        }),
      ),
    member: (overrides = {}) => ({ realm: 'firm', memberId: randomUUID(), firmId, email: 'm@firm.example', firmRole: 'MEMBER', permissions: [], ...overrides }),
    clientAdmin: (clientId, permissions = ['MANAGE', 'MANAGE_EMPLOYEES']) => ({ realm: 'client', clientAdminId: randomUUID(), clientId, email: 'admin@client.example', permissions }),
    linkClient: async (member, permissions, linkPermissions) => {
      const clientId = randomUUID();
      const at = new Date().toISOString();
      await db.transaction(async (em) => {
        await applyClientLinkedToCopy(em, {
          linkId: randomUUID(), clientId, firmId, linkedAt: at, invitationId: null,
          permissions: (linkPermissions ?? ['VIEW_COMPANY', 'VIEW_PAYROLL', 'RUN_PAYROLL', 'APPROVE_TIMECARDS', 'MANAGE_EMPLOYEES']) as never,
        });
        await applyAssignmentChangedToCopy(em, {
          assignmentId: randomUUID(), clientId, firmId, memberId: member.memberId, change: 'ASSIGNED', role: 'RESPONSIBLE', permissions: permissions as never, changedAt: at,
        });
      });
      return clientId;
    },
    company: async (clientId) => {
      const { apiKey } = await simAdmin<{ apiKey: string }>(sim.url, 'POST', '/admin/companies', { id: clientId, name: `Co ${clientId.slice(0, 4)}`, timeZone: TIME_ZONE });
      return { companyId: clientId, apiKey };
    },
    events: async (topicPart) =>
      ((await db.manager.query('SELECT envelope FROM outbox_events WHERE topic LIKE ? ORDER BY seq', [`%${topicPart}%`])) as Array<{ envelope: string }>).map(
        (r) => JSON.parse(r.envelope).payload,
      ),
    close: async () => {
      for (const d of domains) await Promise.all([d.scheduler.stop(), d.taxCards.stop(), d.alertDigestLoop.stop()]);
      await Promise.all([sim.stop(), tax?.stop()]);
      for (const d of extra) await d.close();
      await db.close();
      await dropMysqlDatabase(url);
    },
  };
}

/** Expects a domain refusal with this code. */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code) return code;
    throw err;
  }
  throw new Error('expected a refusal');
}

/**
 * A client with time tracking connected (weekly periods): a manager, an employee with a rate
 * (Ann) and one without (Cy), synced once; `member` is assigned with `permissions`.
 */
export async function connectedPayrollClient(
  h: PayrollHarness,
  permissions: string[] = ['VIEW_PAYROLL', 'RUN_PAYROLL', 'APPROVE_TIMECARDS', 'MANAGE_EMPLOYEES'],
) {
  const member = h.member();
  const clientId = await h.linkClient(member, permissions);
  const { companyId, apiKey } = await h.company(clientId);
  const sim = (method: string, path: string, body?: unknown) => simAdmin(h.sim.url, method, `/admin/companies/${clientId}${path}`, body);
  const manager = await sim('POST', '/workers', { firstName: 'Max', lastName: 'Roe', email: 'max@co.test', kind: 'W2', isManager: true, payRateCents: 3000 });
  const ann = await sim('POST', '/workers', { firstName: 'Ann', lastName: 'Lee', email: 'ann@co.test', kind: 'W2', payRateCents: 2500 });
  const cy = await sim('POST', '/workers', { firstName: 'Cy', lastName: 'Po', email: 'cy@co.test', kind: 'W2' });
  await h.domain.timeTracking.connect(member, { clientId, providerCompanyId: companyId, apiKey, payFrequency: 'WEEKLY' });
  await h.domain.timeTracking.refresh(member, clientId);
  const approvedShift = async (workerId: string, date: string, fromHour = 9, hours = 8) => {
    const shift = await sim('POST', '/shifts', { workerId, ...dayShift(date, fromHour, hours), breakMinutes: 30 });
    await sim('POST', `/shifts/${shift.id}/approve`, { approvedBy: manager.id });
    return shift as { id: string };
  };
  /** The short poll, as the scheduler runs it (SPEC P2). */
  const poll = () => h.domain.sync.run({ clientId, kind: 'POLL', leaseToken: 'test', attempt: 1, nextOnSuccess: new Date(), retryAfterMs: 1_000 }, 'POLL', null);
  return { member, clientId, sim, manager, ann, cy, approvedShift, poll };
}
