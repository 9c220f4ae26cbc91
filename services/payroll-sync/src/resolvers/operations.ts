import type { MutationResolvers, QueryResolvers } from '../__generated__/resolvers-types';

/** SPEC P queries and mutations. Thin: every rule and authorization decision is in the domain. */
export const payrollQuery: QueryResolvers = {
  payrollAttention: (_root, _args, ctx) => ctx.domain.attention.payrollAttention(ctx.identity),
  myAlerts: (_root, args, ctx) => ctx.domain.alerts.page(ctx.identity, args),
  myAlertDigest: (_root, _args, ctx) => ctx.domain.alertDigests.settings(ctx.identity),
  payrollKeyFigures: (_root, args, ctx) => ctx.domain.figures.keyFigures(ctx.identity, args),
  payrollUsageReport: (_root, args, ctx) => ctx.domain.reports.usage(ctx.identity, args),
  payrollTermReport: (_root, args, ctx) => ctx.domain.reports.terms(ctx.identity, args),
  myPayrollClients: (_root, args, ctx) => ctx.domain.reports.myClients(ctx.identity, args),
  taxCardFetch: (_root, args, ctx) => ctx.domain.taxCards.fetchView(ctx.identity, args.id),
  taxCardFetches: (_root, args, ctx) => ctx.domain.taxCards.fetches(ctx.identity, args.last ?? 10),
};

export const payrollMutation: MutationResolvers = {
  setAlertDigest: (_root, args, ctx) => ctx.domain.alertDigests.setOptIn(ctx.identity, args.optIn),
  connectTimeTracking: (_root, args, ctx) => ctx.domain.timeTracking.connect(ctx.identity, args.input),
  disconnectTimeTracking: (_root, args, ctx) => ctx.domain.timeTracking.disconnect(ctx.identity, args.clientId),
  refreshTimeTracking: (_root, args, ctx) => ctx.domain.timeTracking.refresh(ctx.identity, args.clientId),
  addPayrollMember: (_root, args, ctx) => ctx.domain.timeTracking.addWorker(ctx.identity, args.input),
  updatePayrollMember: (_root, args, ctx) =>
    ctx.domain.timeTracking.updateWorker(ctx.identity, args.memberId, args.input),
  updateTimecard: (_root, args, ctx) =>
    ctx.domain.timecards.updateTimecard(ctx.identity, args.timecardId, args.input),
  approveTimecard: (_root, args, ctx) => ctx.domain.timecards.approveTimecard(ctx.identity, args.timecardId),
  approveAllTimecards: (_root, args, ctx) =>
    ctx.domain.timecards.approveAll(ctx.identity, args.clientId, args.periodId),
  resendShift: (_root, args, ctx) => ctx.domain.timecards.resendShift(ctx.identity, args.clientId, args.shiftId),
  runPayroll: (_root, args, ctx) => ctx.domain.runs.run(ctx.identity, args.clientId, args.periodId),
  connectTaxAuthority: (_root, args, ctx) => ctx.domain.taxCards.connect(ctx.identity, args.input),
  fetchTaxCards: (_root, args, ctx) => ctx.domain.taxCards.fetch(ctx.identity, args.input),
  retryTaxCardFetch: (_root, args, ctx) => ctx.domain.taxCards.retry(ctx.identity, args.fetchId),
};
