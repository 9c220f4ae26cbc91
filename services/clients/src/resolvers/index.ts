import type { Resolvers } from '../__generated__/resolvers-types';
import { supportHoursOf } from '../domain/model';

function iso(d: Date): string;
function iso(d: Date | null): string | null;
function iso(d: Date | null) {
  return d ? d.toISOString() : null;
}
/** A non-null field whose row must exist (a foreign key); its absence is a bug, reported as one. */
const missing = (what: string): never => {
  throw new Error(`${what} does not exist`);
};

/**
 * Thin: every rule and every authorization decision is in the domain services. Typed by the SDL
 * (`npm run codegen`); parents are the domain's objects (codegen.ts mappers).
 */
export const resolvers: Resolvers = {
  Query: {
    myClients: async (_root, args, ctx) => {
      const clients = await ctx.domain.directory.clientsOfFirmMember(
        ctx.identity,
        { platform: args.platform ?? undefined, status: args.status ?? undefined, groupId: args.groupId ?? undefined },
        (links) => links.forEach((l) => ctx.loaders.link.prime(l.clientId, l)),
      );
      for (const c of clients) ctx.loaders.client.prime(c.id, c);
      return clients;
    },
    myClientsPage: async (_root, { platform, status, groupId, search, unassigned, ...page }, ctx) => {
      const connection = await ctx.domain.directory.pageOfFirmMember(
        ctx.identity,
        { platform: platform ?? undefined, status: status ?? undefined, groupId: groupId ?? undefined, search: search ?? undefined, unassigned: unassigned ?? undefined },
        page,
        (links) => links.forEach((l) => ctx.loaders.link.prime(l.clientId, l)),
      );
      for (const { node } of connection.edges) ctx.loaders.client.prime(node.id, node);
      return connection;
    },
    activeClientCount: (_root, args, ctx) => ctx.domain.directory.activeClientCount(ctx.identity, args.groupId ?? undefined),
    accessList: (_root, args, ctx) =>
      ctx.domain.assignments.accessList(ctx.identity, args.memberId ?? undefined, args.groupId ?? undefined),
    clientGroups: (_root, _args, ctx) => ctx.domain.groups.list(ctx.identity),
    peoReferrals: (_root, _args, ctx) => ctx.domain.referrals.list(ctx.identity),
    clientAuditTrail: (_root, args, ctx) => ctx.domain.audit.list(ctx.identity, args.first),
    myClientCompany: (_root, _args, ctx) =>
      ctx.identity.realm === 'client' ? ctx.loaders.client.load(ctx.identity.clientId) : null,
    // Visibility is decided by the directory (SPEC C6): a client the caller may not see is null.
    clientCompany: (_root, args, ctx) => ctx.loaders.client.load(args.id),
    platformClientCompany: (_root, args, ctx) => ctx.domain.registry.company(ctx.identity, args.id),
  },
  Mutation: {
    // SPEC C1, G6: the platform account's operations (an optional status sent as null: ACTIVE).
    registerClientCompany: (_root, { input }, ctx) =>
      ctx.domain.registry.register(ctx.identity, { ...input, status: input.status ?? undefined }),
    addClientAdmin: (_root, args, ctx) => ctx.domain.registry.addAdmin(ctx.identity, args.clientId, args.input),
    updateClientAdminPermissions: (_root, args, ctx) =>
      ctx.domain.registry.updateAdminPermissions(ctx.identity, args.clientId, args.adminId, args.permissions),
    removeClientAdmin: (_root, args, ctx) => ctx.domain.registry.removeAdmin(ctx.identity, args.clientId, args.adminId),
    setClientCompanyStatus: (_root, args, ctx) => ctx.domain.registry.setStatus(ctx.identity, args.clientId, args.status),
    logInClientAdmin: async (_root, args, ctx) => {
      const session = await ctx.domain.clientAdminSessions.logIn(args.email, args.password, ctx.origin);
      return { ...session, expiresAt: session.expiresAt.toISOString() };
    },
    logOutClientAdmin: (_root, _args, ctx) => ctx.domain.clientAdminSessions.logOut(ctx.identity),
    updateFirmLinkPermissions: (_root, args, ctx) => ctx.domain.links.updatePermissions(ctx.identity, args.permissions),
    endFirmLink: (_root, _args, ctx) => ctx.domain.links.endLink(ctx.identity),
    // An optional input field sent as null counts as not given (the domain takes undefined).
    assignMember: (_root, { input }, ctx) => ctx.domain.assignments.assign(ctx.identity, { ...input, role: input.role ?? undefined }),
    // endsAt keeps null (no end date / remove it) apart from absent (unchanged).
    updateAssignment: (_root, { input }, ctx) =>
      ctx.domain.assignments.update(ctx.identity, { ...input, permissions: input.permissions ?? undefined, role: input.role ?? undefined }),
    unassignMember: (_root, args, ctx) => ctx.domain.assignments.unassign(ctx.identity, args.clientId, args.memberId),
    grantAccessToClients: (_root, { input }, ctx) =>
      ctx.domain.assignments.grantAccess(ctx.identity, { ...input, role: input.role ?? undefined }),
    endMemberAccess: (_root, args, ctx) =>
      ctx.domain.assignments.endAccess(ctx.identity, { memberId: args.memberId, clientIds: args.clientIds ?? null }),
    addPayrollClient: (_root, args, ctx) =>
      ctx.domain.onboarding.addPayrollClient(ctx.identity, args.input),
    completeOnboardingStep: (_root, args, ctx) =>
      ctx.domain.onboarding.completeStep(ctx.identity, args.clientId, args.step),
    referClientToPeo: (_root, { input }, ctx) =>
      ctx.domain.referrals.refer(ctx.identity, { ...input, expedited: input.expedited ?? undefined }),
    withdrawPeoReferral: (_root, args, ctx) => ctx.domain.referrals.withdraw(ctx.identity, args.referralId),
    createClientGroup: (_root, args, ctx) => ctx.domain.groups.create(ctx.identity, args.name),
    deleteClientGroup: (_root, args, ctx) => ctx.domain.groups.delete(ctx.identity, args.groupId),
    addClientsToGroup: (_root, args, ctx) => ctx.domain.groups.addClients(ctx.identity, args.groupId, args.clientIds),
    removeClientsFromGroup: (_root, args, ctx) =>
      ctx.domain.groups.removeClients(ctx.identity, args.groupId, args.clientIds),
    markGroupPeriod: (_root, args, ctx) => ctx.domain.groups.markPeriod(ctx.identity, args.input),
  },
  ClientCompany: {
    // Visibility is decided by the directory (SPEC C6); other tenants' ids resolve to null.
    __resolveReference: (ref, ctx) => ctx.loaders.client.load(ref.id),
    firmLink: (client, _args, ctx) => ctx.loaders.link.load(client.id),
    assignments: (client, _args, ctx) => ctx.loaders.assignments.load(client.id),
    myPermissions: (client) => client.viewerPermissions,
    support: (client) => ({ customerSuccess: client.customerSuccess, hours: supportHoursOf(client.platform) }),
    onboarding: (client, _args, ctx) => ctx.loaders.onboarding.load(client.id),
    groups: (client, _args, ctx) => ctx.loaders.groups.load(client.id),
    admins: (client, _args, ctx) => ctx.loaders.admins.load(client.id),
  },
  FirmLink: {
    // Issue 13: the name from this service's copy (`firm.renamed`), shown to whom firms would show it.
    firm: async (link, _args, ctx) => {
      const [name, inView] = await Promise.all([ctx.loaders.firmName.load(link.firmId), ctx.firmInView()]);
      return name !== null && link.firmId === inView ? { __typename: 'Firm', id: link.firmId, name } : null;
    },
    linkedAt: (link) => iso(link.linkedAt),
  },
  Assignment: {
    client: (a, _args, ctx) => ctx.loaders.client.load(a.clientId),
    // Issue 13: the name from the roster copy (`member.joined`), shown to whom firms would show it.
    member: async (a, _args, ctx) => {
      const [member, inView] = await Promise.all([ctx.loaders.rosterMember.load(a.memberId), ctx.firmInView()]);
      return member && member.firmId === inView ? { __typename: 'Member', id: member.memberId, firstName: member.firstName, lastName: member.lastName } : null;
    },
    assignedAt: (a) => iso(a.assignedAt),
    endsAt: (a) => iso(a.endsAt),
  },
  OnboardingProgress: {
    completedAt: (p) => iso(p.completedAt),
  },
  ClientGroup: {
    clients: (g, _args, ctx) => ctx.loaders.groupClients.load(g.id),
    // One pay period of one group at a time: a screen shows one group's period, so no batching.
    period: (g, args, ctx) => ctx.domain.groups.periodStatus(ctx.identity, g.id, args.period),
  },
  GroupPeriodStatus: {
    client: (s, _args, ctx) => ctx.loaders.client.load(s.clientId),
    updatedAt: (s) => iso(s.updatedAt),
  },
  PeoReferral: {
    referredBy: (r) => ({ __typename: 'Member', id: r.referredBy }),
    createdAt: (r) => iso(r.createdAt),
    statusUpdatedAt: (r) => iso(r.statusUpdatedAt),
    expectedWeeksMin: (r) => r.expectedWeeks.min,
    expectedWeeksMax: (r) => r.expectedWeeks.max,
  },
  ClientAuditEntry: {
    before: (e) => (e.before ? JSON.stringify(e.before) : null),
    after: (e) => (e.after ? JSON.stringify(e.after) : null),
    at: (e) => iso(e.at),
  },
  LeaverReport: {
    // SPEC F11: the reader is checked in the domain for each part.
    __resolveReference: (ref) => ref,
    reachableClients: (r, _args, ctx) =>
      ctx.domain.leaverReports.reachableClients(ctx.identity, r.memberId, { seesAllClients: r.seesAllClients, readOnly: r.readOnly }),
    soleResponsibleClients: (r, _args, ctx) => ctx.domain.leaverReports.soleResponsibleClients(ctx.identity, r.memberId),
  },
  LeaverClientAccess: {
    client: (a, _args, ctx) => ctx.loaders.client.load(a.clientId),
    endsAt: (a) => iso(a.endsAt),
  },
  ClientAdmin: {
    // A ClientAdmin object is only handed to that admin, so their company follows.
    client: async (admin, _args, ctx) =>
      (await ctx.loaders.companyOfVisibleAdmin.load(admin.clientId)) ?? missing(`client ${admin.clientId} of admin ${admin.id}`),
  },
};
