import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { AuditEntry } from '@advisor/kit';
import type { ClientsContext } from '../context';
import { supportHoursOf, type Assignment, type ClientAdmin, type ClientCompany, type FirmLink } from '../domain/model';
import type { ClientGroup, GroupPeriodStatus } from '../domain/group.service';
import type { PeoReferral } from '../domain/referral.service';
import type { OnboardingProgress, OnboardingStep } from '../domain/onboarding.service';
import type { ClientFilter } from '../domain/client-directory.service';

type Ctx = ClientsContext;
type Domain = Ctx['domain'];
type Input<T> = { input: T };
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Thin: every rule and every authorization decision is in the domain services. */
export const resolvers: GraphQLResolverMap<Ctx> = {
  Query: {
    myClients: async (_root, args: ClientFilter, ctx: Ctx) => {
      const clients = await ctx.domain.directory.clientsOfFirmMember(ctx.identity, {
        platform: args.platform ?? undefined,
        status: args.status ?? undefined,
        groupId: args.groupId ?? undefined,
      });
      for (const c of clients) ctx.loaders.client.prime(c.id, c);
      return clients;
    },
    activeClientCount: (_root, args: { groupId?: string }, ctx: Ctx) => ctx.domain.directory.activeClientCount(ctx.identity, args.groupId ?? undefined),
    accessList: (_root, args: { memberId?: string; groupId?: string }, ctx: Ctx) =>
      ctx.domain.assignments.accessList(ctx.identity, args.memberId ?? undefined, args.groupId ?? undefined),
    clientGroups: (_root, _args, ctx: Ctx) => ctx.domain.groups.list(ctx.identity),
    peoReferrals: (_root, _args, ctx: Ctx) => ctx.domain.referrals.list(ctx.identity),
    clientAuditTrail: (_root, args: { first: number }, ctx: Ctx) => ctx.domain.audit.list(ctx.identity, args.first),
    myClientCompany: (_root, _args, ctx: Ctx) =>
      ctx.identity.realm === 'client' ? ctx.loaders.client.load(ctx.identity.clientId) : null,
  },
  Mutation: {
    logInClientAdmin: async (_root, args: { email: string; password: string }, ctx: Ctx) => {
      const session = await ctx.domain.clientAdminSessions.logIn(args.email, args.password);
      return { ...session, expiresAt: session.expiresAt.toISOString() };
    },
    updateFirmLinkPermissions: (_root, args: { permissions: string[] }, ctx: Ctx) => ctx.domain.links.updatePermissions(ctx.identity, args.permissions),
    endFirmLink: (_root, _args, ctx: Ctx) => ctx.domain.links.endLink(ctx.identity),
    assignMember: (_root, args: Input<Parameters<Domain['assignments']['assign']>[1]>, ctx: Ctx) => ctx.domain.assignments.assign(ctx.identity, args.input),
    updateAssignment: (_root, args: Input<Parameters<Domain['assignments']['update']>[1]>, ctx: Ctx) => ctx.domain.assignments.update(ctx.identity, args.input),
    unassignMember: (_root, args: { clientId: string; memberId: string }, ctx: Ctx) => ctx.domain.assignments.unassign(ctx.identity, args.clientId, args.memberId),
    grantAccessToClients: (_root, args: Input<Parameters<Domain['assignments']['grantAccess']>[1]>, ctx: Ctx) =>
      ctx.domain.assignments.grantAccess(ctx.identity, args.input),
    endMemberAccess: (_root, args: { memberId: string; clientIds?: string[] | null }, ctx: Ctx) =>
      ctx.domain.assignments.endAccess(ctx.identity, { memberId: args.memberId, clientIds: args.clientIds ?? null }),
    addPayrollClient: (_root, args: Input<Parameters<Domain['onboarding']['addPayrollClient']>[1]>, ctx: Ctx) =>
      ctx.domain.onboarding.addPayrollClient(ctx.identity, args.input),
    completeOnboardingStep: (_root, args: { clientId: string; step: OnboardingStep }, ctx: Ctx) =>
      ctx.domain.onboarding.completeStep(ctx.identity, args.clientId, args.step),
    referClientToPeo: (_root, args: Input<Parameters<Domain['referrals']['refer']>[1]>, ctx: Ctx) => ctx.domain.referrals.refer(ctx.identity, args.input),
    withdrawPeoReferral: (_root, args: { referralId: string }, ctx: Ctx) => ctx.domain.referrals.withdraw(ctx.identity, args.referralId),
    createClientGroup: (_root, args: { name: string }, ctx: Ctx) => ctx.domain.groups.create(ctx.identity, args.name),
    deleteClientGroup: (_root, args: { groupId: string }, ctx: Ctx) => ctx.domain.groups.delete(ctx.identity, args.groupId),
    addClientsToGroup: (_root, args: { groupId: string; clientIds: string[] }, ctx: Ctx) => ctx.domain.groups.addClients(ctx.identity, args.groupId, args.clientIds),
    removeClientsFromGroup: (_root, args: { groupId: string; clientIds: string[] }, ctx: Ctx) =>
      ctx.domain.groups.removeClients(ctx.identity, args.groupId, args.clientIds),
    markGroupPeriod: (_root, args: Input<Parameters<Domain['groups']['markPeriod']>[1]>, ctx: Ctx) => ctx.domain.groups.markPeriod(ctx.identity, args.input),
  },
  ClientCompany: {
    // Visibility is decided by the directory (SPEC C6); other tenants' ids resolve to null.
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.client.load(ref.id),
    firmLink: (client: ClientCompany, _args, ctx: Ctx) => ctx.loaders.link.load(client.id),
    assignments: (client: ClientCompany, _args, ctx: Ctx) => ctx.loaders.assignments.load(client.id),
    myPermissions: (client: ClientCompany) => client.viewerPermissions,
    support: (client: ClientCompany) => ({ customerSuccess: client.customerSuccess, hours: supportHoursOf(client.platform) }),
    onboarding: (client: ClientCompany, _args, ctx: Ctx) => ctx.loaders.onboarding.load(client.id),
    groups: (client: ClientCompany, _args, ctx: Ctx) => ctx.loaders.groups.load(client.id),
    admins: (client: ClientCompany, _args, ctx: Ctx) => ctx.loaders.admins.load(client.id),
  },
  FirmLink: {
    firm: (link: FirmLink) => ({ __typename: 'Firm', id: link.firmId }),
    linkedAt: (link: FirmLink) => iso(link.linkedAt),
  },
  Assignment: {
    client: (a: Assignment, _args, ctx: Ctx) => ctx.loaders.client.load(a.clientId),
    member: (a: Assignment) => ({ __typename: 'Member', id: a.memberId }),
    assignedAt: (a: Assignment) => iso(a.assignedAt),
  },
  OnboardingProgress: {
    completedAt: (p: OnboardingProgress) => iso(p.completedAt),
  },
  ClientGroup: {
    clients: (g: ClientGroup, _args, ctx: Ctx) => ctx.loaders.groupClients.load(g.id),
    // One pay period of one group at a time: a screen shows one group's period, so no batching.
    period: (g: ClientGroup, args: { period: string }, ctx: Ctx) => ctx.domain.groups.periodStatus(ctx.identity, g.id, args.period),
  },
  GroupPeriodStatus: {
    client: (s: GroupPeriodStatus, _args, ctx: Ctx) => ctx.loaders.client.load(s.clientId),
    updatedAt: (s: GroupPeriodStatus) => iso(s.updatedAt),
  },
  PeoReferral: {
    referredBy: (r: PeoReferral) => ({ __typename: 'Member', id: r.referredBy }),
    createdAt: (r: PeoReferral) => iso(r.createdAt),
    statusUpdatedAt: (r: PeoReferral) => iso(r.statusUpdatedAt),
    expectedWeeksMin: (r: PeoReferral) => r.expectedWeeks.min,
    expectedWeeksMax: (r: PeoReferral) => r.expectedWeeks.max,
  },
  ClientAuditEntry: {
    before: (e: AuditEntry) => (e.before ? JSON.stringify(e.before) : null),
    after: (e: AuditEntry) => (e.after ? JSON.stringify(e.after) : null),
    at: (e: AuditEntry) => iso(e.at),
  },
  ClientAdmin: {
    // A ClientAdmin object is only handed to that admin, so their company follows.
    client: (admin: ClientAdmin, _args, ctx: Ctx) => ctx.loaders.companyOfVisibleAdmin.load(admin.clientId),
  },
};
