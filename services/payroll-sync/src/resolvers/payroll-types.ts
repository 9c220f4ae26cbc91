import type { PayrollSyncContext as Ctx } from '../context';
import type { Resolvers } from '../__generated__/resolvers-types';

function iso(d: Date): string;
function iso(d: Date | null | undefined): string | null;
function iso(d: Date | null | undefined) {
  return d ? d.toISOString() : null;
}
const REALM = { firm: 'FIRM', client: 'CLIENT' } as const;
const actor = (a: { realm: 'firm' | 'client'; id: string } | null) => (a ? { realm: REALM[a.realm], id: a.id } : null);
const member = (workerId: string | null, ctx: Ctx) => (workerId ? ctx.loaders.worker.load(workerId) : null);

/** Field mappers of payroll-sync's own types: dates as ISO-8601, actors, members through the loader. */
export const payrollTypes: Resolvers = {
  TimeTrackingIntegration: {
    lastSyncedAt: (i) => iso(i.lastSyncedAt),
    providerCompanyId: (i) => i.details?.providerCompanyId ?? null,
    timeZone: (i) => i.details?.timeZone ?? null,
    payFrequency: (i) => i.details?.payFrequency ?? null,
    connectedAt: (i) => iso(i.details?.connectedAt),
    lastSyncStatus: (i) => i.details?.lastSyncStatus ?? null,
    lastSyncError: (i) => i.details?.lastSyncError ?? null,
    nextSyncAt: (i) => iso(i.details?.nextSyncAt),
    syncRunning: (i) => i.details?.syncRunning ?? null,
    retryAttempts: (i) => i.details?.retryAttempts ?? null,
    syncs: (i, args, ctx) => (i.details ? ctx.domain.timeTracking.syncRuns(ctx.identity, i.clientId, args.last) : null),
  },
  SyncRun: {
    startedBy: (r) => actor(r.startedBy),
    startedAt: (r) => iso(r.startedAt),
    finishedAt: (r) => iso(r.finishedAt),
    changeCount: (r) => r.changes,
    changes: (r, _args, ctx) => ctx.loaders.changes.load(r.id),
  },
  SyncChange: {
    at: (c) => iso(c.at),
    member: (c, _args, ctx) => member(c.workerId, ctx),
  },
  PayrollMember: {
    removedAt: (w) => iso(w.removedAt),
    // The domain's view carries pendingSync; a worker read by the loader has the columns it comes from.
    pendingSync: (w) => ('pendingSync' in w ? w.pendingSync : w.pendingPush || !w.ttWorkerId),
  },
  Timecard: {
    member: (t, _args, ctx) => member(t.workerId, ctx),
    approvedAt: (t) => iso(t.approvedAt),
    approvedBy: (t) => actor(t.approvedBy),
    totalMinutes: (t) => t.shiftMinutes + t.adjustmentMinutes + t.ptoMinutes + t.holidayMinutes,
  },
  TimecardEntry: {
    date: (e) => e.workDate,
  },
  HoursSyncWorker: {
    member: (w, _args, ctx) => member(w.workerId, ctx),
    timeTrackingWorkerId: (w) => w.ttWorkerId,
  },
  SyncedShift: {
    date: (s) => s.localDate,
    start: (s) => iso(s.startAt),
    end: (s) => iso(s.endAt),
    sentAt: (s) => iso(s.sentAt),
  },
  PayrollRun: {
    runBy: (r) => actor(r.runByRef),
    taxWithheldCents: (r) => r.withheldCents,
    completedAt: (r) => iso(r.completedAt),
    payslips: (r, _args, ctx) => ctx.loaders.payslips.load(r.id),
  },
  Payslip: {
    member: (p, _args, ctx) => member(p.workerId, ctx),
    taxWithheldCents: (p) => p.withheldCents,
  },
  PayrollKeyFigures: {
    totalPaidOutCents: (f) => String(f.totalPaidOutCents),
  },
  PayrollUsageRow: {
    client: (r) => ({ __typename: 'ClientCompany', id: r.clientId }),
    totalPaidOutCents: (r) => String(r.totalPaidOutCents),
  },
  EmployerTaxFiling: {
    taxWithheldCents: (f) => f.withheldCents,
    errors: (f) => f.errors ?? [],
    submittedAt: (f) => iso(f.submittedAt),
    attempts: (f) => f.attempts ?? 0,
    lastAttemptError: (f) => f.lastAttemptError ?? null,
    nextAttemptAt: (f) => iso(f.nextAttemptAt),
  },
  PayrollTermRow: {
    client: (r) => ({ __typename: 'ClientCompany', id: r.clientId }),
    grossPayCents: (r) => String(r.grossCents),
    taxWithheldCents: (r) => String(r.withheldCents),
    employerTaxCents: (r) => String(r.employerTaxCents),
    contractorPaymentsCents: (r) => String(r.contractorCents),
  },
  MyPayrollClientRow: {
    client: (r) => ({ __typename: 'ClientCompany', id: r.clientId }),
    lastSyncedAt: (r) => iso(r.lastSyncedAt),
  },
  TaxAuthorityAccount: {
    connectedAt: (c) => iso(c.connectedAt),
    connectedBy: (c) => actor(c.connectedBy),
  },
  TaxCard: {
    member: (t, _args, ctx) => member(t.workerId, ctx),
    issuedAt: (t) => iso(t.issuedAt),
    fetchedAt: (t) => iso(t.fetchedAt),
  },
  TaxCardFetch: {
    requestedBy: (f) => actor(f.requestedBy),
    startedAt: (f) => iso(f.startedAt),
    finishedAt: (f) => iso(f.finishedAt),
  },
  TaxCardFetchClient: {
    client: (c) => ({ __typename: 'ClientCompany', id: c.clientId }),
    updatedAt: (c) => iso(c.updatedAt),
  },
  PayrollAttention: {
    client: (a) => ({ __typename: 'ClientCompany', id: a.clientId }),
  },
  DeadlineAlert: {
    client: (a) => ({ __typename: 'ClientCompany', id: a.clientId }),
    dueAt: (a) => a.dueAt.toISOString(),
  },
};
