import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { CommonErrorCode, DomainError, LeasedWorkRunner, enqueueEvent, isUniqueViolation, parseInput, type Clock, type Database, type Identity, type Logger } from '@advisor/kit';
import { AssignmentCopyEntity, ClientLinkCopyEntity, normalizeFein, recordAudit } from '@advisor/rules';
import {
  TaxAuthorityConnectionEntity,
  TaxAuthorityCredentialEntity,
  TaxCardEntity,
  TaxCardFetchClientEntity,
  TaxCardFetchEntity,
  type TaxCardFetchClientStatus,
} from '../db/entities/tax-card.entities';
import { WorkerEntity } from '../db/entities/worker.entity';
import { ProviderError, type TaxAuthorityProvider, type TaxCard } from '../providers';
import { actorRef, parseActorRef, type PayrollAuthorizer } from './authorizer';
import { PayrollErrorCode } from './errors';
import { PAYROLL_SYNC_PRODUCER } from './sync.service';
import { taxCardFetchFinished } from '@advisor/schema';

/** SPEC P6: the most clients one fetch takes (every query bounded). */
export const MAX_CLIENTS_PER_FETCH = 5_000;

export interface TaxAuthorityConnectionView {
  clientId: string;
  fein: string;
  connectedAt: Date;
  connectedBy: { realm: 'firm' | 'client'; id: string } | null;
}

export interface TaxCardFetchClientView {
  clientId: string;
  status: TaxCardFetchClientStatus;
  reason: string | null;
  cardCount: number;
  attempts: number;
  updatedAt: Date;
}

/** A fetch as one caller sees it: only the clients they may fetch tax cards for (SPEC C6), counted. */
export interface TaxCardFetchView {
  id: string;
  requestedBy: { realm: 'firm' | 'client'; id: string } | null;
  year: number;
  startedAt: Date;
  finishedAt: Date | null;
  status: 'RUNNING' | 'FINISHED';
  total: number;
  pending: number;
  fetched: number;
  failed: number;
  clients: TaxCardFetchClientView[];
}

const connectInput = z.object({
  clientId: z.string().uuid(),
  fein: z.string().trim().refine((f) => normalizeFein(f) !== null, 'must be a FEIN NN-NNNNNNN'),
  apiKey: z.string().min(8).max(255),
});

const fetchInput = z
  .object({
    clientIds: z.array(z.string().uuid()).min(1).max(MAX_CLIENTS_PER_FETCH).optional().nullable(),
    forMemberId: z.string().uuid().optional().nullable(),
    year: z.number().int().min(2000).max(2100).optional().nullable(),
  })
  .refine((i) => !!i.clientIds !== !!i.forMemberId, { message: 'give either clientIds or forMemberId', path: ['clientIds'] });

export interface TaxCardRunnerOptions {
  /** How often a replica looks for PENDING clients. Default 2 s. */
  tickMs: number;
  /** A claimed client is another replica's after this (its runner died). Default 2 min. */
  leaseMs: number;
  /** Clients one replica fetches at the same time. Default 8. */
  concurrency: number;
}

export const DEFAULT_TAX_CARD_RUNNER_OPTIONS: TaxCardRunnerOptions = { tickMs: 2_000, leaseMs: 2 * 60 * 1000, concurrency: 8 };

interface HeldClient {
  fetchId: string;
  clientId: string;
  year: number;
  token: string;
}

const STOP_WAIT_MS = 4_000;

/**
 * SPEC P6 tax cards: connect a client to the tax authority, fetch employees' withholding cards for
 * many clients in one action (in the background), read the progress, retry the failed clients.
 *
 * The fetch lives in MySQL (tax_card_fetches + one tax_card_fetch_clients row per client), so it
 * survives a restart. A replica claims PENDING rows with a lease (`SELECT … FOR UPDATE SKIP LOCKED`,
 * the same pattern as the sync scheduler) and ends each one — FETCHED with its cards, or FAILED
 * with a reason a person can act on — in one transaction that checks it still holds the lease,
 * so no client ends twice. A client is in at most one running fetch (a unique column).
 */
export class TaxCardService {
  readonly options: TaxCardRunnerOptions;
  private readonly runner: LeasedWorkRunner<HeldClient>;

  constructor(
    private readonly db: Database,
    private readonly auth: PayrollAuthorizer,
    readonly provider: TaxAuthorityProvider | null,
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: Partial<TaxCardRunnerOptions> = {},
  ) {
    this.options = { ...DEFAULT_TAX_CARD_RUNNER_OPTIONS, ...options };
    this.runner = new LeasedWorkRunner('tax-card fetch', (limit) => this.claim(limit), (held) => this.fetchOne(held), logger, { ...this.options, busyTickMs: Math.min(200, this.options.tickMs), stopWaitMs: STOP_WAIT_MS });
  }

  // ---- connection -------------------------------------------------------------------------

  /**
   * SPEC P6: the client's account at the tax authority (MANAGE, or effective RUN_PAYROLL). The
   * authority must accept the FEIN and key; the key is stored apart and never returned.
   */
  async connect(identity: Identity, raw: unknown): Promise<TaxAuthorityConnectionView> {
    const input = parseInput(connectInput, raw);
    const fein = normalizeFein(input.fein)!;
    await this.auth.require(identity, input.clientId, 'RUN');
    if (!this.provider) throw new DomainError(PayrollErrorCode.TaxAuthorityUnavailable, 'No tax authority is configured for this installation.');
    try {
      await this.provider.getEmployer({ fein, apiKey: input.apiKey });
    } catch (err) {
      if (err instanceof ProviderError && (err.kind === 'UNAUTHORIZED' || err.kind === 'REFUSED')) {
        throw new DomainError(PayrollErrorCode.TaxAuthorityKeyRejected, 'The tax authority did not accept this FEIN and API key.');
      }
      if (err instanceof ProviderError) throw new DomainError(PayrollErrorCode.TaxAuthorityUnavailable, 'The tax authority could not be reached; nothing was changed. Try again in a moment.');
      throw err;
    }
    const now = this.clock.now();
    const by = actorRef(identity);
    await this.db.transaction(async (em) => {
      const before = await em.findOne(TaxAuthorityConnectionEntity, { where: { clientId: input.clientId } });
      await em.delete(TaxAuthorityConnectionEntity, { clientId: input.clientId });
      await em.delete(TaxAuthorityCredentialEntity, { clientId: input.clientId });
      await em.insert(TaxAuthorityConnectionEntity, { clientId: input.clientId, fein, connectedAt: now, connectedBy: by });
      await em.insert(TaxAuthorityCredentialEntity, { clientId: input.clientId, apiKey: input.apiKey, storedAt: now });
      const actor = parseActorRef(by)!;
      await recordAudit(em, {
        scopeType: 'CLIENT', scopeId: input.clientId, actorRealm: actor.realm, actorId: actor.id, action: 'TAX_AUTHORITY_CONNECTED',
        subjectType: 'TAX_AUTHORITY', subjectId: input.clientId, before: before ? { fein: before.fein } : null, after: { fein }, at: now,
      });
    });
    return { clientId: input.clientId, fein, connectedAt: now, connectedBy: parseActorRef(by) };
  }

  /** SPEC P6: the client's tax-authority connection, for callers who may fetch its tax cards; null otherwise. */
  async connection(identity: Identity, clientId: string): Promise<TaxAuthorityConnectionView | null> {
    if (!(await this.auth.allowed(identity, [clientId], 'TAX_CARDS')).has(clientId)) return null;
    const row = await this.db.manager.findOne(TaxAuthorityConnectionEntity, { where: { clientId } });
    return row && { clientId, fein: row.fein, connectedAt: row.connectedAt, connectedBy: parseActorRef(row.connectedBy) };
  }

  /** SPEC P6: the client's tax cards for a year as last fetched (VIEW_TAX_DOCUMENTS or MANAGE); null otherwise. */
  async taxCards(identity: Identity, clientId: string, year: number): Promise<TaxCardEntity[] | null> {
    if (!(await this.auth.allowed(identity, [clientId], 'TAX_CARDS')).has(clientId)) return null;
    return this.db.manager.find(TaxCardEntity, { where: { clientId, year }, order: { lastName: 'ASC', firstName: 'ASC' }, take: 10_000 });
  }

  // ---- fetches ------------------------------------------------------------------------------

  /**
   * SPEC P6: fetch tax cards for the given clients, or for every client a member of the caller's
   * firm is assigned to (`forMemberId`). All-or-nothing: every client must be one the caller may
   * fetch for (VIEW_TAX_DOCUMENTS, C3, C6), and none may be in a running fetch
   * (TAX_CARD_FETCH_RUNNING). Returns at once; the fetch runs in the background.
   */
  async fetch(identity: Identity, raw: unknown): Promise<TaxCardFetchView> {
    const input = parseInput(fetchInput, raw);
    if (identity.realm === 'anonymous') throw new DomainError(CommonErrorCode.Unauthenticated, 'Sign in first.');
    let clientIds: string[];
    if (input.clientIds) clientIds = [...new Set(input.clientIds)];
    else {
      if (identity.realm !== 'firm') throw new DomainError(CommonErrorCode.BadUserInput, 'Only firm members fetch tax cards for a member’s clients.');
      clientIds = await this.clientsOfMember(identity.firmId, input.forMemberId!);
      if (clientIds.length === 0) throw new DomainError(CommonErrorCode.BadUserInput, 'That member is connected to no client of your firm.');
    }
    await this.auth.requireAll(identity, clientIds, 'TAX_CARDS');
    const now = this.clock.now();
    const id = randomUUID();
    const year = input.year ?? now.getUTCFullYear();
    try {
      await this.db.transaction(async (em) => {
        const busy = await this.runningAmong(em, clientIds);
        if (busy.length) throw fetchRunning(busy);
        await em.insert(TaxCardFetchEntity, { id, firmId: identity.realm === 'firm' ? identity.firmId : null, requestedBy: actorRef(identity), year, startedAt: now, finishedAt: null });
        for (let i = 0; i < clientIds.length; i += 500) {
          await em.insert(
            TaxCardFetchClientEntity,
            clientIds.slice(i, i + 500).map((clientId) => ({
              fetchId: id, clientId, status: 'PENDING' as const, runningClientId: clientId, reason: null, cardCount: 0, attempts: 0, lockedUntil: null, lockedBy: null, updatedAt: now,
            })),
          );
        }
      });
    } catch (err) {
      // Two fetches of the same client at the same moment: the unique column lets one in.
      if (isUniqueViolation(err)) throw fetchRunning(await this.runningAmong(this.db.manager, clientIds));
      throw err;
    }
    this.wake();
    return (await this.fetchView(identity, id))!;
  }

  /** SPEC P6: the failed clients of a fetch (those the caller may fetch for) run again, alone. */
  async retry(identity: Identity, fetchId: string): Promise<TaxCardFetchView> {
    const fetch = await this.db.manager.findOne(TaxCardFetchEntity, { where: { id: fetchId } });
    const rows = fetch ? await this.db.manager.find(TaxCardFetchClientEntity, { where: { fetchId, status: 'FAILED' }, take: MAX_CLIENTS_PER_FETCH }) : [];
    const allowed = await this.auth.allowed(identity, rows.map((r) => r.clientId), 'TAX_CARDS');
    const failed = rows.filter((r) => allowed.has(r.clientId)).map((r) => r.clientId);
    if (!fetch || !(await this.fetchView(identity, fetchId))) throw new DomainError(CommonErrorCode.NotFound, 'The tax-card fetch was not found.');
    if (failed.length === 0) throw new DomainError(PayrollErrorCode.TaxCardFetchNothingToRetry, 'This fetch has no failed clients you may fetch tax cards for.');
    const now = this.clock.now();
    try {
      await this.db.transaction(async (em) => {
        const busy = await this.runningAmong(em, failed);
        if (busy.length) throw fetchRunning(busy);
        for (let i = 0; i < failed.length; i += 500) {
          const ids = failed.slice(i, i + 500);
          await em
            .createQueryBuilder()
            .update(TaxCardFetchClientEntity)
            .set({ status: 'PENDING', runningClientId: () => 'client_id', reason: null, lockedUntil: null, lockedBy: null, updatedAt: now })
            .where('fetch_id = :fetchId AND status = :failed AND client_id IN (:...ids)', { fetchId, failed: 'FAILED', ids })
            .execute();
        }
        await em.update(TaxCardFetchEntity, { id: fetchId }, { finishedAt: null });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw fetchRunning(await this.runningAmong(this.db.manager, failed));
      throw err;
    }
    this.wake();
    return (await this.fetchView(identity, fetchId))!;
  }

  /** SPEC P6 progress: a fetch with the clients the caller may fetch for (C6); null when there are none. */
  async fetchView(identity: Identity, fetchId: string): Promise<TaxCardFetchView | null> {
    if (identity.realm === 'anonymous') return null;
    const fetch = await this.db.manager.findOne(TaxCardFetchEntity, { where: { id: fetchId } });
    if (!fetch) return null;
    return (await this.views(identity, [fetch]))[0] ?? null;
  }

  /** SPEC P6: the latest fetches the caller can see a client of, newest first. */
  async fetches(identity: Identity, last: number): Promise<TaxCardFetchView[]> {
    if (identity.realm === 'anonymous' || identity.realm === 'platform') return []; // the platform account reads no payroll
    const take = Math.min(Math.max(last, 1), 50);
    const qb = this.db.manager.createQueryBuilder(TaxCardFetchEntity, 'f').orderBy('f.started_at', 'DESC').take(take);
    if (identity.realm === 'firm') qb.where('f.firm_id = :firmId', { firmId: identity.firmId });
    else qb.where('f.id IN (SELECT c.fetch_id FROM tax_card_fetch_clients c WHERE c.client_id = :clientId)', { clientId: identity.clientId });
    return this.views(identity, await qb.getMany());
  }

  private async views(identity: Identity, fetches: TaxCardFetchEntity[]): Promise<TaxCardFetchView[]> {
    if (fetches.length === 0) return [];
    const rows = await this.db.manager.find(TaxCardFetchClientEntity, { where: { fetchId: In(fetches.map((f) => f.id)) }, order: { clientId: 'ASC' } });
    const allowed = await this.auth.allowed(identity, [...new Set(rows.map((r) => r.clientId))], 'TAX_CARDS');
    const views: TaxCardFetchView[] = [];
    for (const f of fetches) {
      const mine = rows.filter((r) => r.fetchId === f.id && allowed.has(r.clientId));
      if (mine.length === 0) continue;
      const count = (s: TaxCardFetchClientStatus) => mine.filter((r) => r.status === s).length;
      views.push({
        id: f.id, requestedBy: parseActorRef(f.requestedBy), year: f.year, startedAt: f.startedAt, finishedAt: f.finishedAt,
        status: f.finishedAt ? 'FINISHED' : 'RUNNING', total: mine.length, pending: count('PENDING'), fetched: count('FETCHED'), failed: count('FAILED'),
        clients: mine.map((r) => ({ clientId: r.clientId, status: r.status, reason: r.reason, cardCount: r.cardCount, attempts: r.attempts, updatedAt: r.updatedAt })),
      });
    }
    return views;
  }

  /** SPEC C3: the clients a member of the firm is assigned to, on links of that firm (one statement). */
  private async clientsOfMember(firmId: string, memberId: string): Promise<string[]> {
    const rows: Array<{ clientId: string }> = await this.db.manager
      .createQueryBuilder(AssignmentCopyEntity, 'a')
      .innerJoin(ClientLinkCopyEntity, 'l', 'l.client_id = a.client_id AND l.firm_id = a.firm_id')
      .select('a.client_id', 'clientId')
      .where('a.member_id = :memberId AND a.firm_id = :firmId AND a.active = :active', { memberId, firmId, active: true })
      .orderBy('a.client_id', 'ASC')
      .limit(MAX_CLIENTS_PER_FETCH)
      .getRawMany();
    return rows.map((r) => r.clientId);
  }

  private async runningAmong(em: EntityManager, clientIds: string[]): Promise<string[]> {
    const busy: string[] = [];
    for (let i = 0; i < clientIds.length; i += 500) {
      const rows = await em.find(TaxCardFetchClientEntity, { where: { runningClientId: In(clientIds.slice(i, i + 500)) }, select: { clientId: true } });
      busy.push(...rows.map((r) => r.clientId));
    }
    return busy;
  }

  // ---- the background runner -----------------------------------------------------------------

  start(): void {
    this.runner.start();
  }

  /** Stops claiming and waits for fetches in flight (at most 4 s); a client cut short keeps its lease, which lapses. */
  stop(): Promise<void> {
    return this.runner.stop();
  }

  /** A new fetch: look now rather than at the next tick. */
  private wake(): void {
    this.runner.wake();
  }

  /** Claims PENDING clients up to the free slots and fetches them; returns how many it started. */
  tick(): Promise<number> {
    return this.runner.tick();
  }

  /** Fetches every PENDING client now, to the end (tests, the demo and the benchmark). */
  runDueNow(): Promise<number> {
    return this.runner.runDueNow();
  }

  async claim(limit: number): Promise<HeldClient[]> {
    const now = this.clock.now();
    const token = randomUUID();
    const lockedUntil = new Date(now.getTime() + this.options.leaseMs);
    return this.db.transaction(async (em) => {
      const rows: Array<{ fetch_id: string; client_id: string }> = await em.query(
        `SELECT c.fetch_id, c.client_id FROM tax_card_fetch_clients c
          WHERE c.status = 'PENDING' AND (c.locked_until IS NULL OR c.locked_until < ?)
          ORDER BY c.updated_at, c.fetch_id, c.client_id LIMIT ${Math.max(1, Math.floor(limit))}${this.db.skipLocked}`,
        [this.db.timeParam(now)],
      );
      if (rows.length === 0) return [];
      for (const r of rows) {
        await em.update(TaxCardFetchClientEntity, { fetchId: r.fetch_id, clientId: r.client_id }, { lockedUntil, lockedBy: token, attempts: () => 'attempts + 1' });
      }
      const fetches = await em.find(TaxCardFetchEntity, { where: { id: In([...new Set(rows.map((r) => r.fetch_id))]) }, select: { id: true, year: true } });
      const yearOf = new Map(fetches.map((f) => [f.id, f.year]));
      return rows.map((r) => ({ fetchId: r.fetch_id, clientId: r.client_id, year: yearOf.get(r.fetch_id)!, token }));
    });
  }

  /** One client of a fetch: its cards from the tax authority, or the reason it failed. */
  private async fetchOne(held: HeldClient): Promise<void> {
    const [connection, credential] = await Promise.all([
      this.db.manager.findOne(TaxAuthorityConnectionEntity, { where: { clientId: held.clientId } }),
      this.db.manager.findOne(TaxAuthorityCredentialEntity, { where: { clientId: held.clientId } }),
    ]);
    if (!connection || !credential) return this.finish(held, { failed: 'This client is not connected to the tax authority; connect it, then retry.' });
    if (!this.provider) return this.finish(held, { failed: 'No tax authority is configured for this installation.' });
    let cards: TaxCard[];
    try {
      cards = await this.provider.listTaxCards({ fein: connection.fein, apiKey: credential.apiKey }, held.year);
    } catch (err) {
      if (!(err instanceof ProviderError)) {
        this.logger.error({ err, clientId: held.clientId }, 'tax-card fetch failed unexpectedly');
        return this.finish(held, { failed: 'Fetching failed unexpectedly; retry this client.' });
      }
      return this.finish(held, { failed: reasonFor(err) });
    }
    return this.finish(held, { cards });
  }

  /**
   * Ends one client in one transaction, only while this runner still holds its lease (else another
   * replica took it over and this result is dropped: no client ends twice). The fetch's row is
   * locked first, so the last client to end sees the others' ends and sets `finished_at`.
   */
  private async finish(held: HeldClient, result: { cards: TaxCard[] } | { failed: string }): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      const qb = em.createQueryBuilder(TaxCardFetchEntity, 'f').where('f.id = :id', { id: held.fetchId });
      const fetch = await (this.db.kind === 'mysql' ? qb.setLock('pessimistic_write') : qb).getOne();
      const ended = await em.update(
        TaxCardFetchClientEntity,
        { fetchId: held.fetchId, clientId: held.clientId, status: 'PENDING', lockedBy: held.token },
        'cards' in result
          ? { status: 'FETCHED', runningClientId: null, reason: null, cardCount: result.cards.length, lockedUntil: null, updatedAt: now }
          : { status: 'FAILED', runningClientId: null, reason: result.failed, cardCount: 0, lockedUntil: null, updatedAt: now },
      );
      if (!ended.affected) return;
      if ('cards' in result) await this.storeCards(em, held, result.cards, now);
      // SPEC G2: subscribers learn of it (the gateway's taxCardFetchFinished), with the change.
      await enqueueEvent(this.db, em, PAYROLL_SYNC_PRODUCER, taxCardFetchFinished, {
        fetchId: held.fetchId,
        clientId: held.clientId,
        firmId: fetch?.firmId ?? null,
        year: held.year,
        status: 'cards' in result ? 'FETCHED' : 'FAILED',
        cardCount: 'cards' in result ? result.cards.length : 0,
        reason: 'cards' in result ? null : result.failed,
        finishedAt: now.toISOString(),
      });
      const pending = await em.count(TaxCardFetchClientEntity, { where: { fetchId: held.fetchId, status: 'PENDING' } });
      if (pending === 0) await em.update(TaxCardFetchEntity, { id: held.fetchId }, { finishedAt: now });
    });
  }

  /** The client's cards for the year are replaced by what the authority holds now. */
  private async storeCards(em: EntityManager, held: HeldClient, cards: TaxCard[], now: Date): Promise<void> {
    await em.delete(TaxCardEntity, { clientId: held.clientId, year: held.year });
    if (cards.length === 0) return;
    const refs = [...new Set(cards.map((c) => c.externalRef))];
    const workers = await em.find(WorkerEntity, { where: { clientId: held.clientId, id: In(refs) }, select: { id: true } });
    const known = new Set(workers.map((w) => w.id));
    for (let i = 0; i < cards.length; i += 500) {
      await em.insert(
        TaxCardEntity,
        cards.slice(i, i + 500).map((c) => ({
          id: randomUUID(), clientId: held.clientId, year: held.year, externalRef: c.externalRef, workerId: known.has(c.externalRef) ? c.externalRef : null,
          firstName: c.firstName, lastName: c.lastName, withholdingRateBasisPoints: c.withholdingRateBasisPoints, issuedAt: new Date(c.issuedAt), fetchedAt: now,
        })),
      );
    }
  }
}

const fetchRunning = (clientIds: string[]) =>
  new DomainError(PayrollErrorCode.TaxCardFetchRunning, 'A tax-card fetch is already running for some of these clients; wait until it ends.', { clientIds });

/** SPEC P6 "FAILED with the reason": what went wrong, in words a person can act on. */
function reasonFor(err: ProviderError): string {
  switch (err.kind) {
    case 'UNAUTHORIZED':
      return 'The tax authority no longer accepts this client’s API key; connect it again, then retry.';
    case 'REFUSED':
      return `The tax authority refused the request (${err.code}): ${err.message}`;
    case 'TIMEOUT':
      return 'The tax authority did not answer in time; retry this client.';
    default:
      return `The tax authority could not be reached (${err.code}); retry this client.`;
  }
}
