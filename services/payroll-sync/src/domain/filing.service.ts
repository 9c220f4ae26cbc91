import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { LeasedWorkRunner, type Clock, type Database, type Logger } from '@advisor/kit';
import { EmployerTaxFilingEntity } from '../db/entities/payroll-run.entities';
import { TaxAuthorityConnectionEntity, TaxAuthorityCredentialEntity } from '../db/entities/tax-card.entities';
import { ProviderError, type EmployerFiling, type TaxAuthorityProvider } from '../providers';
import { forUpdate } from './timecard-placement';

export interface FilingRunnerOptions {
  /** How often a replica looks for filings to submit. Default 2 s. */
  tickMs: number;
  /** A claimed filing is another replica's after this (its runner died). Default 2 min. */
  leaseMs: number;
  /** Filings one replica submits at the same time. Default 4. */
  concurrency: number;
  /** The first wait after an attempt that got no answer; doubled each time, at most 1 h. Default 1 min. */
  retryBaseMs: number;
}

export const DEFAULT_FILING_RUNNER_OPTIONS: FilingRunnerOptions = { tickMs: 2_000, leaseMs: 2 * 60 * 1000, concurrency: 4, retryBaseMs: 60_000 };
const MAX_RETRY_MS = 60 * 60 * 1000;

interface HeldFiling {
  id: string;
  clientId: string;
  month: string;
  /** The version claimed: a run added meanwhile makes a newer one, submitted next. */
  runs: number;
  attempts: number;
  token: string;
}

type Outcome =
  | { answered: { status: 'ACCEPTED' | 'REJECTED'; errors: Array<{ code: string; message: string }>; authorityFilingId: string | null } }
  | { retry: string };

/**
 * SPEC P7 employer tax filings, the one writer of `employer_tax_filings`: each payroll run adds
 * its pay to the month's filing inside the run's transaction (a new version, NOT_SUBMITTED), and a
 * background runner submits it to the tax authority — claimed with a lease like a tax-card fetch
 * (kit's LeasedWorkRunner), so it survives restarts and runs once across replicas. The authority's
 * answer is kept: ACCEPTED, or REJECTED with its errors (a filing with errors, counted in SPEC P4
 * the month after). An attempt that gets no answer (authority down, time-out, client not
 * connected) is retried with backoff and its reason shown. The idempotency key is the filing and
 * its version, so an attempt repeated after a time-out is never filed twice, while a later run's
 * amended filing is a new submission.
 */
export class FilingService {
  readonly options: FilingRunnerOptions;
  private readonly runner: LeasedWorkRunner<HeldFiling>;

  constructor(
    private readonly db: Database,
    private readonly provider: TaxAuthorityProvider | null,
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: Partial<FilingRunnerOptions> = {},
  ) {
    this.options = { ...DEFAULT_FILING_RUNNER_OPTIONS, ...options };
    this.runner = new LeasedWorkRunner('filing submission', (limit) => this.claim(limit), (held) => this.submit(held), logger, { ...this.options, busyTickMs: Math.min(200, this.options.tickMs) });
  }

  /** A run's pay joins the month of its period's last day, inside the run's transaction; the new version waits to be submitted. */
  async addRun(em: EntityManager, clientId: string, month: string, pay: { grossCents: number; employerTaxCents: number; withheldCents: number }, now: Date): Promise<void> {
    const filing = await forUpdate(this.db, em.createQueryBuilder(EmployerTaxFilingEntity, 'f').where('f.client_id = :clientId AND f.month = :month', { clientId, month })).getOne();
    if (filing) {
      await em.update(EmployerTaxFilingEntity, { id: filing.id }, {
        grossCents: filing.grossCents + pay.grossCents, employerTaxCents: filing.employerTaxCents + pay.employerTaxCents, withheldCents: filing.withheldCents + pay.withheldCents,
        runs: filing.runs + 1, status: 'NOT_SUBMITTED', attempts: 0, nextAttemptAt: null, lastAttemptError: null, updatedAt: now,
      });
    } else {
      await em.insert(EmployerTaxFilingEntity, { id: randomUUID(), clientId, month, ...pay, runs: 1, status: 'NOT_SUBMITTED', attempts: 0, updatedAt: now });
    }
  }

  start(): void {
    this.runner.start();
  }

  stop(): Promise<void> {
    return this.runner.stop();
  }

  /** A run committed, or a client connected its tax authority: look now. */
  wake(): void {
    this.runner.wake();
  }

  /** Submits every due filing now, to the end (tests, the demo). */
  runDueNow(): Promise<number> {
    return this.runner.runDueNow();
  }

  private async claim(limit: number): Promise<HeldFiling[]> {
    const now = this.clock.now();
    const token = randomUUID();
    return this.db.transaction(async (em) => {
      const rows: Array<{ id: string; client_id: string; month: string; runs: number; attempts: number }> = await em.query(
        `SELECT id, client_id, month, runs, attempts FROM employer_tax_filings
          WHERE status = 'NOT_SUBMITTED' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) AND (locked_until IS NULL OR locked_until < ?)
          ORDER BY updated_at, id LIMIT ${Math.max(1, Math.floor(limit))}${this.db.skipLocked}`,
        [this.db.timeParam(now), this.db.timeParam(now)],
      );
      for (const r of rows) {
        await em.update(EmployerTaxFilingEntity, { id: r.id }, { lockedUntil: new Date(now.getTime() + this.options.leaseMs), lockedBy: token, attempts: () => 'attempts + 1' });
      }
      return rows.map((r) => ({ id: r.id, clientId: r.client_id, month: r.month, runs: Number(r.runs), attempts: Number(r.attempts) + 1, token }));
    });
  }

  private async submit(held: HeldFiling): Promise<void> {
    const [connection, credential] = await Promise.all([
      this.db.manager.findOne(TaxAuthorityConnectionEntity, { where: { clientId: held.clientId } }),
      this.db.manager.findOne(TaxAuthorityCredentialEntity, { where: { clientId: held.clientId } }),
    ]);
    if (!this.provider) return this.end(held, { retry: 'No tax authority is configured for this installation.' });
    if (!connection || !credential) return this.end(held, { retry: 'This client is not connected to the tax authority; connect it and the filing is submitted.' });
    let outcome: Outcome;
    try {
      const { filing } = await this.provider.submitFiling({ fein: connection.fein, apiKey: credential.apiKey }, await this.filingOf(held), `${held.id}:${held.runs}`);
      outcome = { answered: { status: filing.status, errors: filing.errors, authorityFilingId: filing.id } };
    } catch (err) {
      if (!(err instanceof ProviderError)) {
        this.logger.error({ err, filingId: held.id }, 'filing submission failed unexpectedly');
        outcome = { retry: 'Submitting failed unexpectedly; it is tried again.' };
      } else if (err.kind === 'REFUSED') {
        // The authority read the filing and would not take it: a filing with errors a person must look at.
        outcome = { answered: { status: 'REJECTED', errors: [{ code: err.code, message: err.message }], authorityFilingId: null } };
      } else if (err.kind === 'UNAUTHORIZED') {
        outcome = { retry: 'The tax authority no longer accepts this client’s API key; connect it again.' };
      } else {
        outcome = { retry: `The tax authority could not be reached (${err.code}); it is tried again.` };
      }
    }
    return this.end(held, outcome);
  }

  /** The month's filing as the authority takes it: totals, and one line per W2 employee paid in the month. */
  private async filingOf(held: HeldFiling): Promise<EmployerFiling> {
    const filing = await this.db.manager.findOneByOrFail(EmployerTaxFilingEntity, { id: held.id });
    const lines: Array<{ worker_id: string; gross: number | string; withheld: number | string }> = await this.db.manager.query(
      `SELECT p.worker_id, SUM(p.total_cents) AS gross, SUM(p.withheld_cents) AS withheld
         FROM payslips p JOIN payroll_runs r ON r.id = p.run_id JOIN pay_periods pp ON pp.id = r.period_id
        WHERE r.client_id = ? AND pp.end_date BETWEEN ? AND ? AND p.kind = 'PAYSLIP' GROUP BY p.worker_id ORDER BY p.worker_id`,
      [held.clientId, `${held.month}-01`, `${held.month}-31`],
    );
    return {
      period: held.month,
      grossPayCents: filing.grossCents,
      taxWithheldCents: filing.withheldCents,
      employerTaxCents: filing.employerTaxCents,
      lines: lines.map((l) => ({ externalRef: l.worker_id, grossPayCents: Number(l.gross), taxWithheldCents: Number(l.withheld) })),
    };
  }

  /**
   * Ends an attempt in one statement that holds only while this runner has the lease on the version
   * it submitted: an answer for an older version (a run was added meanwhile) is dropped and the
   * newer one is submitted next; a lost lease drops it too (another replica has it).
   */
  private async end(held: HeldFiling, outcome: Outcome): Promise<void> {
    const now = this.clock.now();
    const ours = { id: held.id, lockedBy: held.token };
    const release = { lockedUntil: null, lockedBy: null };
    if ('answered' in outcome) {
      const { status, errors, authorityFilingId } = outcome.answered;
      const ended = await this.db.manager.update(EmployerTaxFilingEntity, { ...ours, runs: held.runs }, {
        ...release, status, errors: errors.length ? errors : null, authorityFilingId, submittedRuns: held.runs, submittedAt: now, lastAttemptError: null, nextAttemptAt: null, updatedAt: now,
      });
      if (!ended.affected) await this.db.manager.update(EmployerTaxFilingEntity, ours, release);
      return;
    }
    const waitMs = Math.min(this.options.retryBaseMs * 2 ** Math.min(held.attempts - 1, 20), MAX_RETRY_MS);
    this.logger.debug({ filingId: held.id, reason: outcome.retry, waitMs }, 'filing not submitted; tried again later');
    const waiting = await this.db.manager.update(EmployerTaxFilingEntity, { ...ours, runs: held.runs }, { ...release, lastAttemptError: outcome.retry, nextAttemptAt: new Date(now.getTime() + waitMs) });
    if (!waiting.affected) await this.db.manager.update(EmployerTaxFilingEntity, ours, release);
  }
}
