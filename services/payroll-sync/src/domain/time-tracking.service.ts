import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { CommonErrorCode, DomainError, parseInput, type Clock, type Database, type Identity } from '@advisor/kit';
import { recordAudit } from '@advisor/rules';
import type { clientLinked, PayloadOf } from '@advisor/schema';
import { z } from 'zod';
import { TimeTrackingIntegrationEntity } from '../db/entities/time-tracking-integration.entity';
import { SyncChangeEntity, SyncJobEntity, SyncRunEntity, TimeTrackingCredentialEntity } from '../db/entities/sync.entities';
import { WorkerEntity } from '../db/entities/worker.entity';
import { ProviderError } from '../providers';
import { actorRef, parseActorRef, type PayrollAuthorizer } from './authorizer';
import { PayrollErrorCode } from './errors';
import { DEFAULT_PERIOD_ANCHOR, dayOfWeek, isLocalDate, type PayFrequency } from './pay-periods';
import { SyncAlreadyRunning, type SyncScheduler } from './sync-scheduler';
import type { SyncOutcome, SyncService } from './sync.service';
import { mayActOnPayroll } from './payroll-access';

export interface TimeTrackingIntegration {
  clientId: string;
  status: 'NOT_CONNECTED' | 'CONNECTED';
  lastSyncedAt: Date | null;
  /** The rest is shown only to callers who may read the client's payroll (VIEW_PAYROLL). */
  details: IntegrationDetails | null;
}

export interface IntegrationDetails {
  providerCompanyId: string | null;
  timeZone: string | null;
  payFrequency: PayFrequency | null;
  connectedAt: Date | null;
  connectedBy: { realm: 'firm' | 'client'; id: string } | null;
  lastSyncStatus: 'SUCCEEDED' | 'FAILED' | null;
  lastSyncError: string | null;
  nextSyncAt: Date | null;
  syncRunning: boolean;
  retryAttempts: number;
}

const connectInput = z.object({
  clientId: z.string().uuid(),
  providerCompanyId: z.string().trim().min(1).max(64),
  apiKey: z.string().min(8).max(255),
  payFrequency: z.enum(['WEEKLY', 'BIWEEKLY']),
  periodAnchor: z
    .string()
    .refine(isLocalDate, 'must be a date YYYY-MM-DD')
    .refine((d) => !isLocalDate(d) || dayOfWeek(d) === 1, 'must be a Monday')
    .optional()
    .nullable(),
});

const workerInput = z.object({
  clientId: z.string().uuid(),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  email: z.string().trim().toLowerCase().email().max(255),
  kind: z.enum(['W2', 'CONTRACTOR']),
  isManager: z.boolean().default(false),
  isAdmin: z.boolean().default(false),
  payRateCents: z.number().int().min(0).max(100_000_00).nullable().optional(),
});

const workerPatch = z.object({
  isManager: z.boolean().optional(),
  isAdmin: z.boolean().optional(),
  payRateCents: z.number().int().min(0).max(100_000_00).nullable().optional(),
});

export type PayrollWorker = Pick<WorkerEntity, 'id' | 'clientId' | 'firstName' | 'lastName' | 'email' | 'kind' | 'isManager' | 'isAdmin' | 'payRateCents' | 'removedAt'> & {
  linked: boolean;
  pendingSync: boolean;
};
const workerView = (w: WorkerEntity): PayrollWorker => ({
  id: w.id, clientId: w.clientId, firstName: w.firstName, lastName: w.lastName, email: w.email, kind: w.kind, isManager: w.isManager,
  isAdmin: w.isAdmin, payRateCents: w.payRateCents, removedAt: w.removedAt, linked: !!w.ttWorkerId, pendingSync: w.pendingPush || !w.ttWorkerId,
});

export interface SyncRunView {
  id: string;
  clientId: string;
  cause: SyncRunEntity['cause'];
  startedBy: { realm: 'firm' | 'client'; id: string } | null;
  startedAt: Date;
  finishedAt: Date | null;
  status: SyncRunEntity['status'];
  error: string | null;
  attempt: number;
  changes: number;
  shiftsSent: number;
}
const runView = (r: SyncRunEntity): SyncRunView => ({ ...r, startedBy: parseActorRef(r.startedBy) });

/**
 * SPEC P1: a client's time-tracking integration: connect and disconnect, the manual refresh,
 * payroll members on the payroll side, and the record of every sync with its change log.
 */
export class TimeTrackingService {
  constructor(
    private readonly db: Database,
    private readonly auth: PayrollAuthorizer,
    private readonly sync: SyncService,
    private readonly scheduler: SyncScheduler,
    private readonly clock: Clock,
  ) {}

  /** A newly linked client gets its (not yet connected) integration; the access copy is the shared one's. */
  async openIntegration(em: EntityManager, event: PayloadOf<typeof clientLinked>): Promise<void> {
    if (await em.exists(TimeTrackingIntegrationEntity, { where: { clientId: event.clientId } })) return;
    await em.insert(TimeTrackingIntegrationEntity, { clientId: event.clientId, status: 'NOT_CONNECTED', lastSyncedAt: null, createdAt: new Date(event.linkedAt) });
  }

  /**
   * Integrations of the given clients (SPEC C6): whether it is connected shows to everyone who sees
   * the client (as before); the details need what reading payroll needs (SPEC P "who may act").
   * Null for everyone else. Four statements, whatever the number of clients.
   */
  async integrationsFor(clientIds: readonly string[], viewer: Identity): Promise<Array<TimeTrackingIntegration | null>> {
    if (clientIds.length === 0 || viewer.realm === 'anonymous') return clientIds.map(() => null);
    const access = await this.auth.accessOf(viewer, clientIds);
    const sees = (id: string) => (viewer.realm === 'client' ? viewer.clientId === id && viewer.permissions.includes('MANAGE') : !!access.get(id)?.visible);
    const allowed = clientIds.filter(sees);
    if (allowed.length === 0) return clientIds.map(() => null);
    const [rows, jobs] = await Promise.all([
      this.db.manager.find(TimeTrackingIntegrationEntity, { where: { clientId: In(allowed) } }),
      this.db.manager.find(SyncJobEntity, { where: { clientId: In(allowed), kind: 'SYNC' } }),
    ]);
    const byClient = new Map(rows.map((r) => [r.clientId, r]));
    const jobOf = new Map(jobs.map((j) => [j.clientId, j]));
    const now = this.clock.now().getTime();
    return clientIds.map((id) => {
      const r = byClient.get(id);
      if (!r) {
        // A client admin's own company before any firm is linked: not connected yet.
        return viewer.realm === 'client' && sees(id) ? { clientId: id, status: 'NOT_CONNECTED', lastSyncedAt: null, details: null } : null;
      }
      const job = jobOf.get(id);
      const details: IntegrationDetails | null = mayActOnPayroll(viewer, id, 'VIEW', access.get(id))
        ? {
            providerCompanyId: r.providerCompanyId, timeZone: r.timeZone, payFrequency: r.payFrequency, connectedAt: r.connectedAt,
            connectedBy: parseActorRef(r.connectedBy), lastSyncStatus: r.lastSyncStatus, lastSyncError: r.lastSyncError,
            nextSyncAt: job?.nextRunAt ?? null, syncRunning: !!job?.lockedUntil && job.lockedUntil.getTime() >= now, retryAttempts: job?.attempts ?? 0,
          }
        : null;
      return { clientId: r.clientId, status: r.status, lastSyncedAt: r.lastSyncedAt, details };
    });
  }

  /**
   * SPEC P1 connect: an admin (a client admin with MANAGE, or a member with effective RUN_PAYROLL)
   * gives the provider's company id and an API key; time tracking must accept the key. The key
   * is stored apart, never returned and never logged. The first full sync starts at once.
   */
  async connect(identity: Identity, raw: unknown): Promise<TimeTrackingIntegration> {
    const input = parseInput(connectInput, raw);
    await this.auth.require(identity, input.clientId, 'RUN');
    const existing = await this.db.manager.findOne(TimeTrackingIntegrationEntity, { where: { clientId: input.clientId } });
    if (existing?.status === 'CONNECTED') throw new DomainError(PayrollErrorCode.AlreadyConnected, 'Time tracking is already connected for this client; disconnect it first to use another account.');
    if (!this.sync.provider) throw new DomainError(PayrollErrorCode.ProviderUnavailable, 'No time-tracking system is configured for this installation.');
    let company;
    try {
      company = await this.sync.provider.getCompany({ companyId: input.providerCompanyId, apiKey: input.apiKey });
    } catch (err) {
      if (err instanceof ProviderError && (err.kind === 'UNAUTHORIZED' || err.kind === 'REFUSED')) {
        throw new DomainError(PayrollErrorCode.ProviderRejectedKey, 'Time tracking did not accept this company id and API key.');
      }
      if (err instanceof ProviderError) throw new DomainError(PayrollErrorCode.ProviderUnavailable, 'Time tracking could not be reached; nothing was changed. Try again in a moment.');
      throw err;
    }
    const now = this.clock.now();
    const by = actorRef(identity);
    await this.db.transaction(async (em) => {
      const row = {
        status: 'CONNECTED' as const, providerCompanyId: company.id, timeZone: company.timeZone, payFrequency: input.payFrequency,
        periodAnchor: input.periodAnchor ?? DEFAULT_PERIOD_ANCHOR, connectedAt: now, connectedBy: by,
        workersCursor: 0, shiftsCursor: 0, timeOffCursor: 0, lastSyncStatus: null, lastSyncError: null,
      };
      if (existing) await em.update(TimeTrackingIntegrationEntity, { clientId: input.clientId }, row);
      else await em.insert(TimeTrackingIntegrationEntity, { clientId: input.clientId, lastSyncedAt: null, createdAt: now, ...row });
      await em.delete(TimeTrackingCredentialEntity, { clientId: input.clientId });
      await em.insert(TimeTrackingCredentialEntity, { clientId: input.clientId, apiKey: input.apiKey, storedAt: now });
      await this.scheduler.scheduleClient(em, input.clientId);
      await this.audit(em, identity, input.clientId, 'TIME_TRACKING_CONNECTED', null, { providerCompanyId: company.id, payFrequency: input.payFrequency, timeZone: company.timeZone });
    });
    return (await this.integrationsFor([input.clientId], identity))[0]!;
  }

  /** SPEC P1 disconnect: no more syncs, the key is deleted; timecards, runs and the log stay. */
  async disconnect(identity: Identity, clientId: string): Promise<TimeTrackingIntegration> {
    await this.auth.require(identity, clientId, 'RUN');
    await this.db.transaction(async (em) => {
      const row = await em.findOne(TimeTrackingIntegrationEntity, { where: { clientId } });
      if (row?.status !== 'CONNECTED') throw new DomainError(PayrollErrorCode.NotConnected, 'Time tracking is not connected for this client.');
      await em.update(TimeTrackingIntegrationEntity, { clientId }, { status: 'NOT_CONNECTED' });
      await em.delete(TimeTrackingCredentialEntity, { clientId });
      await em.delete(SyncJobEntity, { clientId });
      await this.audit(em, identity, clientId, 'TIME_TRACKING_DISCONNECTED', { providerCompanyId: row.providerCompanyId }, null);
    });
    return (await this.integrationsFor([clientId], identity))[0]!;
  }

  /** SPEC P1 manual refresh: the full sync now; refused while this client's sync runs. */
  async refresh(identity: Identity, clientId: string): Promise<SyncRunView> {
    await this.auth.require(identity, clientId, 'RUN');
    const row = await this.db.manager.findOne(TimeTrackingIntegrationEntity, { where: { clientId } });
    if (row?.status !== 'CONNECTED') throw new DomainError(PayrollErrorCode.NotConnected, 'Time tracking is not connected for this client.');
    let outcome: SyncOutcome;
    try {
      outcome = await this.scheduler.refresh(clientId, actorRef(identity));
    } catch (err) {
      if (err instanceof SyncAlreadyRunning) throw new DomainError(PayrollErrorCode.SyncAlreadyRunning, "This client's sync is running now; its result shows when it ends.");
      throw err;
    }
    const run = await this.db.manager.findOne(SyncRunEntity, { where: { id: outcome.runId } });
    if (!run) throw new DomainError(PayrollErrorCode.NotConnected, 'Time tracking is not connected for this client.');
    return runView(run);
  }

  /** SPEC P1: the latest syncs of a client (VIEW_PAYROLL), newest first. */
  async syncRuns(identity: Identity, clientId: string, last: number): Promise<SyncRunView[] | null> {
    if (!(await this.auth.allowed(identity, [clientId], 'VIEW')).has(clientId)) return null;
    const rows = await this.db.manager.find(SyncRunEntity, { where: { clientId }, order: { startedAt: 'DESC' }, take: Math.min(Math.max(last, 1), 100) });
    return rows.map(runView);
  }

  /** The change logs of sync runs (one statement; the runs were authorized when listed). */
  async changesOf(runIds: readonly string[]): Promise<SyncChangeEntity[][]> {
    const rows = runIds.length ? await this.db.manager.find(SyncChangeEntity, { where: { syncRunId: In([...runIds]) }, order: { seq: 'ASC' } }) : [];
    return runIds.map((id) => rows.filter((r) => r.syncRunId === id));
  }

  /** SPEC P1: the client's payroll members (VIEW_PAYROLL). */
  async workers(identity: Identity, clientId: string): Promise<PayrollWorker[] | null> {
    if (!(await this.auth.allowed(identity, [clientId], 'VIEW')).has(clientId)) return null;
    const rows = await this.db.manager.find(WorkerEntity, { where: { clientId }, order: { lastName: 'ASC', firstName: 'ASC' } });
    return rows.map(workerView);
  }

  /** SPEC P1: a new member on the payroll side (MANAGE_EMPLOYEES); the next sync adds them to time tracking. */
  async addWorker(identity: Identity, raw: unknown): Promise<PayrollWorker> {
    const input = parseInput(workerInput, raw);
    await this.auth.require(identity, input.clientId, 'MANAGE_WORKERS');
    const now = this.clock.now();
    const row: WorkerEntity = {
      id: randomUUID(), clientId: input.clientId, ttWorkerId: null, firstName: input.firstName, lastName: input.lastName, email: input.email,
      kind: input.kind, isManager: input.isManager, isAdmin: input.isAdmin, payRateCents: input.payRateCents ?? null, removedAt: null,
      pendingPush: true, ttState: null, createdAt: now, updatedAt: now,
    };
    if (await this.db.manager.exists(WorkerEntity, { where: { clientId: input.clientId, email: input.email } })) {
      throw new DomainError(PayrollErrorCode.DuplicateWorker, 'A payroll member with this email already exists for this client.');
    }
    await this.db.manager.insert(WorkerEntity, row);
    return workerView(row);
  }

  /** SPEC P1: making a manager or an admin, or a new pay rate, on the payroll side; the next sync copies it. */
  async updateWorker(identity: Identity, workerId: string, raw: unknown): Promise<PayrollWorker> {
    const patch = parseInput(workerPatch, raw);
    const worker = await this.db.manager.findOne(WorkerEntity, { where: { id: workerId } });
    if (!worker) throw new DomainError(CommonErrorCode.NotFound, 'The payroll member was not found.');
    await this.auth.require(identity, worker.clientId, 'MANAGE_WORKERS');
    const next = { ...worker, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), pendingPush: true, updatedAt: this.clock.now() };
    await this.db.manager.update(WorkerEntity, { id: workerId }, { isManager: next.isManager, isAdmin: next.isAdmin, payRateCents: next.payRateCents, pendingPush: true, updatedAt: next.updatedAt });
    return workerView(next);
  }

  private audit(em: EntityManager, identity: Identity, clientId: string, action: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
    const actor = parseActorRef(actorRef(identity))!;
    return recordAudit(em, {
      scopeType: 'CLIENT', scopeId: clientId, actorRealm: actor.realm, actorId: actor.id, action, subjectType: 'TIME_TRACKING', subjectId: clientId,
      before, after, at: this.clock.now(),
    });
  }
}
