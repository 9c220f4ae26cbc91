import type { ClientCompanyResolvers } from '../__generated__/resolvers-types';

/**
 * SPEC P on the federated ClientCompany. Thin: each field asks the domain, which authorizes
 * (SPEC P "who may act", C3, C6) and answers null to callers who may not read it.
 */
export const ClientCompany: ClientCompanyResolvers = {
  // The loader's domain call authorizes: clients the caller does not see resolve to no integration.
  __resolveReference: async (ref, ctx) => ({ id: ref.id, timeTracking: await ctx.loaders.integration.load(ref.id) }),
  timeTracking: (c, _args, ctx) => (c.timeTracking !== undefined ? c.timeTracking : ctx.loaders.integration.load(c.id)),
  payrollMembers: (c, _args, ctx) => ctx.domain.timeTracking.workers(ctx.identity, c.id),
  payPeriods: (c, args, ctx) => ctx.domain.timecards.payPeriods(ctx.identity, c.id, args.last),
  timecards: (c, args, ctx) => ctx.domain.timecards.timecards(ctx.identity, c.id, args.periodId),
  hoursSyncWeeks: (c, args, ctx) => ctx.domain.timecards.hoursSyncWeeks(ctx.identity, c.id, args.last),
  hoursSyncReport: (c, args, ctx) => ctx.domain.timecards.hoursSyncReport(ctx.identity, c.id, args.weekStart),
  payrollRuns: (c, args, ctx) => ctx.domain.runs.runs(ctx.identity, c.id, args.last),
  employerTaxFilings: (c, _args, ctx) => ctx.domain.runs.filings(ctx.identity, c.id),
  taxAuthority: (c, _args, ctx) => ctx.domain.taxCards.connection(ctx.identity, c.id),
  taxCards: (c, args, ctx) => ctx.domain.taxCards.taxCards(ctx.identity, c.id, args.year ?? new Date().getUTCFullYear()),
};
