import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { DomainError, enqueueEvent, type Clock, type Database, type Identity } from '@advisor/kit';
import { recordAudit } from '@advisor/rules';
import { payrollRunCompleted } from '@advisor/schema';
import { TimeTrackingIntegrationEntity } from '../db/entities/time-tracking-integration.entity';
import { PayPeriodEntity, TimecardEntity, TimecardEntryEntity } from '../db/entities/timecard.entities';
import { EmployerTaxFilingEntity, PayrollRunEntity, PayslipEntity } from '../db/entities/payroll-run.entities';
import { WorkerEntity } from '../db/entities/worker.entity';
import { TaxCardEntity } from '../db/entities/tax-card.entities';
import { actorRef, parseActorRef, type PayrollAuthorizer } from './authorizer';
import { PayrollErrorCode } from './errors';
import { localDateIn } from './pay-periods';
import { payslipFor, withholdingFrom, type PayLineKind } from './pay';
import { forUpdate } from './timecard-placement';
import { PAYROLL_SYNC_PRODUCER } from './sync.service';
import type { KeyFigureService } from './key-figures.service';
import type { FilingService } from './filing.service';

export interface PayrollRunView extends PayrollRunEntity {
  periodStart: string;
  periodEnd: string;
  runByRef: { realm: 'firm' | 'client'; id: string } | null;
}

/**
 * SPEC P7: a payroll run for one pay period whose timecards are all approved, by a member with
 * effective RUN_PAYROLL (or a client admin with MANAGE): payslips for W2 employees (hours × rate,
 * PTO and holiday pay), payments for 1099 contractors, and the month's employer tax filing.
 * A period runs once: the run's row has a unique key on the period, so of two concurrent runs
 * exactly one commits and the other is refused with PERIOD_ALREADY_RUN. A completed run
 * publishes `payroll-run.completed` (SPEC C5: the runner becomes RESPONSIBLE) through the outbox.
 */
export class PayrollRunService {
  constructor(
    private readonly db: Database,
    private readonly auth: PayrollAuthorizer,
    private readonly clock: Clock,
    private readonly figures: KeyFigureService,
    private readonly filingsWriter: FilingService,
  ) {}

  async run(identity: Identity, clientId: string, periodId: string): Promise<PayrollRunView> {
    await this.auth.require(identity, clientId, 'RUN');
    const runBy = actorRef(identity);
    try {
      const run = await this.db.transaction((em) => this.runIn(em, runBy, clientId, periodId));
      this.filingsWriter.wake();
      return run;
    } catch (err) {
      if (isDuplicateKey(err)) throw alreadyRun();
      throw err;
    }
  }

  private async runIn(em: EntityManager, runBy: string, clientId: string, periodId: string): Promise<PayrollRunView> {
    // Locks the period: a shift being placed on it waits, and then finds it paid.
    const period = await forUpdate(this.db, em.createQueryBuilder(PayPeriodEntity, 'p').where('p.id = :periodId AND p.client_id = :clientId', { periodId, clientId })).getOne();
    if (!period) throw new DomainError(PayrollErrorCode.NothingToRun, 'This pay period has no timecards to pay.');
    const integration = await em.findOne(TimeTrackingIntegrationEntity, { where: { clientId } });
    const today = localDateIn(integration?.timeZone ?? 'America/New_York', this.clock.now());
    if (period.endDate >= today) throw new DomainError(PayrollErrorCode.PeriodNotEnded, `This pay period ends on ${period.endDate}; it can be paid once it has ended.`);
    // Locks the period's timecards: an approval or a synced shift waits until the run commits.
    const cards = await forUpdate(this.db, em.createQueryBuilder(TimecardEntity, 't').where('t.period_id = :periodId', { periodId })).getMany();
    if (await em.exists(PayrollRunEntity, { where: { periodId } })) throw alreadyRun();
    if (cards.length === 0) throw new DomainError(PayrollErrorCode.NothingToRun, 'This pay period has no timecards to pay.');
    const drafts = cards.filter((c) => c.status !== 'APPROVED');
    if (drafts.length) throw new DomainError(PayrollErrorCode.PeriodHasDrafts, `${drafts.length} timecard(s) of this period are still drafts: approve them first.`, { drafts: drafts.length });

    const [entries, workers] = await Promise.all([
      em.find(TimecardEntryEntity, { where: { timecardId: In(cards.map((c) => c.id)) } }),
      em.find(WorkerEntity, { where: { id: In(cards.map((c) => c.workerId)) } }),
    ]);
    const workerOf = new Map(workers.map((w) => [w.id, w]));
    const missingRate = workers.filter((w) => w.payRateCents === null);
    if (missingRate.length) {
      throw new DomainError(PayrollErrorCode.WorkerWithoutPayRate, `${missingRate.map((w) => `${w.firstName} ${w.lastName}`).join(', ')} ha${missingRate.length > 1 ? 've' : 's'} no pay rate: set one before running payroll.`);
    }
    const now = this.clock.now();
    const runId = randomUUID();
    const taxCardOf = await this.taxCardsOf(em, clientId, Number(period.endDate.slice(0, 4)), workers.filter((w) => w.kind === 'W2').map((w) => w.id));
    const payslips = cards.map((card) => {
      const worker = workerOf.get(card.workerId)!;
      const minutes: Partial<Record<PayLineKind, number>> = {};
      for (const e of entries.filter((x) => x.timecardId === card.id)) {
        const kind: PayLineKind = e.kind === 'SHIFT' ? (e.adjustment ? 'ADJUSTMENT' : 'REGULAR') : e.kind;
        minutes[kind] = (minutes[kind] ?? 0) + e.minutes;
      }
      return payslipFor({ workerId: worker.id, kind: worker.kind, rateCents: worker.payRateCents!, minutes, withholding: withholdingFrom(taxCardOf.get(worker.id)) });
    });
    const grossCents = payslips.filter((p) => p.kind === 'PAYSLIP').reduce((s, p) => s + p.totalCents, 0);
    const contractorCents = payslips.filter((p) => p.kind === 'CONTRACTOR_PAYMENT').reduce((s, p) => s + p.totalCents, 0);
    const employerTaxCents = payslips.reduce((s, p) => s + p.employerTaxCents, 0);
    const withheldCents = payslips.reduce((s, p) => s + p.withheldCents, 0);
    const run: PayrollRunEntity = { id: runId, clientId, periodId, runBy, grossCents, employerTaxCents, contractorCents, withheldCents, completedAt: now };
    await em.insert(PayrollRunEntity, run);
    await em.insert(
      PayslipEntity,
      payslips.map((p) => ({
        id: randomUUID(), runId, clientId, workerId: p.workerId, kind: p.kind, lines: p.lines, totalCents: p.totalCents, employerTaxCents: p.employerTaxCents,
        withheldCents: p.withheldCents, withholdingRateBasisPoints: p.withholding?.rateBasisPoints ?? null, withholdingSource: p.withholding?.source ?? null,
      })),
    );
    // SPEC P7: the month's filing (the month of the period's last day) takes the run's pay; submitted after commit.
    await this.filingsWriter.addRun(em, clientId, period.endDate.slice(0, 7), { grossCents, employerTaxCents, withheldCents }, now);
    // SPEC P4: the month's figures move with the run, in its transaction.
    await this.figures.refresh(em, clientId, [period.endDate.slice(0, 7)]);
    const actor = parseActorRef(runBy)!;
    await enqueueEvent(this.db, em, PAYROLL_SYNC_PRODUCER, payrollRunCompleted, {
      runId, clientId, runBy: actor, payPeriodStart: period.startDate, payPeriodEnd: period.endDate, completedAt: now.toISOString(),
    });
    await recordAudit(em, {
      scopeType: 'CLIENT', scopeId: clientId, actorRealm: actor.realm, actorId: actor.id, action: 'PAYROLL_RUN_COMPLETED', subjectType: 'PAYROLL_RUN', subjectId: runId,
      before: null, after: { periodStart: period.startDate, periodEnd: period.endDate, grossCents, contractorCents, employerTaxCents, withheldCents, payslips: payslips.length }, at: now,
    });
    return { ...run, periodStart: period.startDate, periodEnd: period.endDate, runByRef: actor };
  }

  /** SPEC P6: each employee's tax card for the pay date's year, as last fetched (the newest when fetched again). */
  private async taxCardsOf(em: EntityManager, clientId: string, year: number, workerIds: string[]): Promise<Map<string, TaxCardEntity>> {
    if (workerIds.length === 0) return new Map();
    const cards = await em.find(TaxCardEntity, { where: { clientId, year, workerId: In(workerIds) }, order: { fetchedAt: 'ASC' } });
    return new Map(cards.map((c) => [c.workerId!, c]));
  }

  /** SPEC P7: the client's runs, newest first (VIEW_PAYROLL). */
  async runs(identity: Identity, clientId: string, last: number): Promise<PayrollRunView[] | null> {
    if (!(await this.auth.allowed(identity, [clientId], 'VIEW')).has(clientId)) return null;
    const runs = await this.db.manager.find(PayrollRunEntity, { where: { clientId }, order: { completedAt: 'DESC' }, take: Math.min(Math.max(last, 1), 100) });
    const periods = runs.length ? await this.db.manager.find(PayPeriodEntity, { where: { id: In(runs.map((r) => r.periodId)) } }) : [];
    const periodOf = new Map(periods.map((p) => [p.id, p]));
    return runs.map((r) => ({ ...r, periodStart: periodOf.get(r.periodId)?.startDate ?? '', periodEnd: periodOf.get(r.periodId)?.endDate ?? '', runByRef: parseActorRef(r.runBy) }));
  }

  /** Payslips of runs (one statement; the runs were authorized when listed). */
  async payslipsOf(runIds: readonly string[]): Promise<PayslipEntity[][]> {
    const rows = runIds.length ? await this.db.manager.find(PayslipEntity, { where: { runId: In([...runIds]) } }) : [];
    return runIds.map((id) => rows.filter((r) => r.runId === id));
  }

  /** SPEC P7: the client's monthly employer tax filings, newest first (VIEW_PAYROLL). */
  async filings(identity: Identity, clientId: string): Promise<EmployerTaxFilingEntity[] | null> {
    if (!(await this.auth.allowed(identity, [clientId], 'VIEW')).has(clientId)) return null;
    return this.db.manager.find(EmployerTaxFilingEntity, { where: { clientId }, order: { month: 'DESC' } });
  }
}

const alreadyRun = () => new DomainError(PayrollErrorCode.PeriodAlreadyRun, 'Payroll has already been run for this pay period.');

function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: string; errno?: number; driverError?: { code?: string; errno?: number; message?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_DUP_ENTRY' || (e?.driverError?.errno ?? e?.errno) === 1062 || /UNIQUE constraint failed/.test(e?.driverError?.message ?? e?.message ?? '');
}

