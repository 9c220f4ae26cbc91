import type { Resolvers } from '../__generated__/resolvers-types';

function iso(d: Date): string;
function iso(d: Date | null): string | null;
function iso(d: Date | null) {
  return d ? d.toISOString() : null;
}
const REALM = { firm: 'FIRM', client: 'CLIENT', system: 'SYSTEM' } as const;
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** Typed by the SDL (`npm run codegen`); parents are the domain's objects (codegen.ts mappers). */
export const resolvers: Resolvers = {
  Query: {
    sentFirmInvitations: (_root, _args, ctx) => ctx.domain.clientInvitesFirm.sentByMyCompany(ctx.identity),
    receivedFirmRequests: (_root, _args, ctx) => ctx.domain.firmRequestsAccess.receivedByMyCompany(ctx.identity),
    firmRequests: (_root, args, ctx) =>
      ctx.domain.firmRequestsAccess.pendingOfMyFirm(ctx.identity, args.platform),
    myNotifications: (_root, args, ctx) =>
      ctx.domain.notifications.mine(ctx.identity, { unreadOnly: args.unreadOnly ?? false }),
    invitationAuditTrail: (_root, args, ctx) => ctx.domain.audit.trail(ctx.identity, args.first ?? 50),
  },
  Mutation: {
    inviteAccountantFirm: (_root, args, ctx) =>
      ctx.domain.clientInvitesFirm.invite(ctx.identity, args.input),
    acceptFirmInvitation: (_root, args, ctx) =>
      ctx.domain.clientInvitesFirm.accept(ctx.identity, args.token),
    requestClientAccess: (_root, args, ctx) =>
      ctx.domain.firmRequestsAccess.request(ctx.identity, args.input),
    acceptFirmRequest: (_root, args, ctx) =>
      ctx.domain.firmRequestsAccess.accept(ctx.identity, args.invitationId, args.permissions),
    rejectFirmRequest: (_root, args, ctx) =>
      ctx.domain.firmRequestsAccess.reject(ctx.identity, args.invitationId),
    markNotificationRead: (_root, args, ctx) => ctx.domain.notifications.markRead(ctx.identity, args.id),
  },
  Invitation: {
    // No other subgraph hands out Invitation references yet; refuse them rather than leak one.
    __resolveReference: () => null,
    client: (i) => ({ __typename: 'ClientCompany', id: i.clientId }),
    requestedBy: (i) => (i.requestedById ? { __typename: 'Member', id: i.requestedById } : null),
    sentAt: (i) => iso(i.sentAt),
    expiresAt: (i) => iso(i.expiresAt),
    acknowledgedAt: (i) => iso(i.acknowledgedAt),
    acceptedAt: (i) => iso(i.acceptedAt),
    rejectedAt: (i) => iso(i.rejectedAt),
  },
  LeaverReport: {
    // SPEC F11: the reader is checked in the domain.
    __resolveReference: (ref) => ref,
    pendingClientRequests: (r, _args, ctx) => ctx.domain.firmRequestsAccess.pendingSentBy(ctx.identity, r.memberId),
  },
  Notification: {
    createdAt: (n) => iso(n.createdAt),
    readAt: (n) => iso(n.readAt),
    read: (n) => n.readAt !== null,
  },
  InvitationAuditEntry: {
    // The platform account (G6) writes no invitation; were it to, it acts like the system.
    actorRealm: (e) => (e.actorRealm === 'platform' ? REALM.system : REALM[e.actorRealm]),
    before: (e) => json(e.before),
    after: (e) => json(e.after),
    at: (e) => iso(e.at),
  },
};
