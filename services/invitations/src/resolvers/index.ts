import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { InvitationsContext } from '../context';
import type { Invitation } from '../domain/model';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const resolvers: GraphQLResolverMap<InvitationsContext> = {
  Query: {
    sentFirmInvitations: (_root, _args, ctx) => ctx.domain.clientInvitesFirm.sentByMyCompany(ctx.identity),
  },
  Mutation: {
    inviteAccountantFirm: (_root, args: { input: Parameters<InvitationsContext['domain']['clientInvitesFirm']['invite']>[1] }, ctx) =>
      ctx.domain.clientInvitesFirm.invite(ctx.identity, args.input),
    acceptFirmInvitation: (_root, args: { token: string }, ctx) =>
      ctx.domain.clientInvitesFirm.accept(ctx.identity, args.token),
  },
  Invitation: {
    // No other subgraph hands out Invitation references yet; refuse them rather than leak one.
    __resolveReference: () => null,
    client: (i: Invitation) => ({ __typename: 'ClientCompany', id: i.clientId }),
    sentAt: (i: Invitation) => iso(i.sentAt),
    expiresAt: (i: Invitation) => iso(i.expiresAt),
    acknowledgedAt: (i: Invitation) => iso(i.acknowledgedAt),
    acceptedAt: (i: Invitation) => iso(i.acceptedAt),
  },
};
