import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { PayrollSyncContext } from '../context';
import type { TimeTrackingIntegration } from '../domain/time-tracking.service';

export const resolvers: GraphQLResolverMap<PayrollSyncContext> = {
  ClientCompany: {
    // The loader's domain call authorizes: clients of other firms resolve to no integration.
    __resolveReference: async (ref: { id: string }, ctx: PayrollSyncContext) => ({
      id: ref.id,
      timeTracking: await ctx.loaders.integration.load(ref.id),
    }),
  },
  TimeTrackingIntegration: {
    lastSyncedAt: (i: TimeTrackingIntegration) => (i.lastSyncedAt ? i.lastSyncedAt.toISOString() : null),
  },
};
