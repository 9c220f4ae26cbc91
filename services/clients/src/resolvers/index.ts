import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { ClientsContext } from '../context';
import { supportHoursOf, type Assignment, type ClientAdmin, type ClientCompany, type FirmLink } from '../domain/model';

export const resolvers: GraphQLResolverMap<ClientsContext> = {
  Query: {
    myClients: async (_root, _args, ctx) => {
      const clients = await ctx.domain.directory.clientsOfFirmMember(ctx.identity);
      for (const c of clients) ctx.loaders.client.prime(c.id, c);
      return clients;
    },
    myClientCompany: (_root, _args, ctx) =>
      ctx.identity.realm === 'client' ? ctx.loaders.client.load(ctx.identity.clientId) : null,
  },
  Mutation: {
    logInClientAdmin: async (_root, args: { email: string; password: string }, ctx) => {
      const session = await ctx.domain.clientAdminSessions.logIn(args.email, args.password);
      return { ...session, expiresAt: session.expiresAt.toISOString() };
    },
  },
  ClientCompany: {
    // Visibility is decided by the directory (SPEC C6); other tenants' ids resolve to null.
    __resolveReference: (ref: { id: string }, ctx: ClientsContext) => ctx.loaders.client.load(ref.id),
    firmLink: (client: ClientCompany, _args, ctx) => ctx.loaders.link.load(client.id),
    assignments: (client: ClientCompany, _args, ctx) => ctx.loaders.assignments.load(client.id),
    myPermissions: (client: ClientCompany) => client.viewerPermissions,
    support: (client: ClientCompany) => ({ customerSuccess: client.customerSuccess, hours: supportHoursOf(client.platform) }),
  },
  FirmLink: {
    firm: (link: FirmLink) => ({ __typename: 'Firm', id: link.firmId }),
    linkedAt: (link: FirmLink) => link.linkedAt.toISOString(),
  },
  Assignment: {
    member: (a: Assignment) => ({ __typename: 'Member', id: a.memberId }),
    assignedAt: (a: Assignment) => a.assignedAt.toISOString(),
  },
  ClientAdmin: {
    // A ClientAdmin object is only handed to that admin, so their company follows.
    client: (admin: ClientAdmin, _args, ctx) => ctx.loaders.companyOfVisibleAdmin.load(admin.clientId),
  },
};
