import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { AuditEntry } from '@advisor/kit';
import type { ClientGrantedPermission } from '@advisor/schema';
import type { InvitationsContext } from '../context';
import type { InvitationsDomain } from '../domain';
import type { Invitation, Notification, Platform } from '../domain/model';

type Domain = InvitationsDomain;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

export const resolvers: GraphQLResolverMap<InvitationsContext> = {
  Query: {
    sentFirmInvitations: (_root, _args, ctx) => ctx.domain.clientInvitesFirm.sentByMyCompany(ctx.identity),
    receivedFirmRequests: (_root, _args, ctx) => ctx.domain.firmRequestsAccess.receivedByMyCompany(ctx.identity),
    firmRequests: (_root, args: { platform?: Platform | null }, ctx) =>
      ctx.domain.firmRequestsAccess.pendingOfMyFirm(ctx.identity, args.platform),
    myNotifications: (_root, args: { unreadOnly?: boolean | null }, ctx) =>
      ctx.domain.notifications.mine(ctx.identity, { unreadOnly: args.unreadOnly ?? false }),
    invitationAuditTrail: (_root, args: { first?: number | null }, ctx) => ctx.domain.audit.trail(ctx.identity, args.first ?? 50),
  },
  Mutation: {
    inviteAccountantFirm: (_root, args: { input: Parameters<Domain['clientInvitesFirm']['invite']>[1] }, ctx) =>
      ctx.domain.clientInvitesFirm.invite(ctx.identity, args.input),
    acceptFirmInvitation: (_root, args: { token: string }, ctx) =>
      ctx.domain.clientInvitesFirm.accept(ctx.identity, args.token),
    requestClientAccess: (_root, args: { input: Parameters<Domain['firmRequestsAccess']['request']>[1] }, ctx) =>
      ctx.domain.firmRequestsAccess.request(ctx.identity, args.input),
    acceptFirmRequest: (_root, args: { invitationId: string; permissions?: ClientGrantedPermission[] | null }, ctx) =>
      ctx.domain.firmRequestsAccess.accept(ctx.identity, args.invitationId, args.permissions),
    rejectFirmRequest: (_root, args: { invitationId: string }, ctx) =>
      ctx.domain.firmRequestsAccess.reject(ctx.identity, args.invitationId),
    markNotificationRead: (_root, args: { id: string }, ctx) => ctx.domain.notifications.markRead(ctx.identity, args.id),
  },
  Invitation: {
    // No other subgraph hands out Invitation references yet; refuse them rather than leak one.
    __resolveReference: () => null,
    client: (i: Invitation) => ({ __typename: 'ClientCompany', id: i.clientId }),
    requestedBy: (i: Invitation) => (i.requestedById ? { __typename: 'Member', id: i.requestedById } : null),
    sentAt: (i: Invitation) => iso(i.sentAt),
    expiresAt: (i: Invitation) => iso(i.expiresAt),
    acknowledgedAt: (i: Invitation) => iso(i.acknowledgedAt),
    acceptedAt: (i: Invitation) => iso(i.acceptedAt),
    rejectedAt: (i: Invitation) => iso(i.rejectedAt),
  },
  Notification: {
    createdAt: (n: Notification) => iso(n.createdAt),
    readAt: (n: Notification) => iso(n.readAt),
    read: (n: Notification) => n.readAt !== null,
  },
  InvitationAuditEntry: {
    actorRealm: (e: AuditEntry) => e.actorRealm.toUpperCase(),
    before: (e: AuditEntry) => json(e.before),
    after: (e: AuditEntry) => json(e.after),
    at: (e: AuditEntry) => iso(e.at),
  },
};
