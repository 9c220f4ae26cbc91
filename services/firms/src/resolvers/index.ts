import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { FirmsContext } from '../context';
import type { Firm, Member } from '../domain/member';
import type { FirmSession } from '../domain/session.service';
import type { SignUpFirmInput } from '../domain/firm-signup.service';
import type { MemberInvitation } from '../domain/member-invitation.service';
import type { AuditEntry } from '../domain/audit.service';

type Input<T> = { input: T };
const iso = (d: Date) => d.toISOString();
const session = (s: FirmSession) => ({ ...s, expiresAt: iso(s.expiresAt), refreshExpiresAt: iso(s.refreshExpiresAt) });

export const resolvers: GraphQLResolverMap<FirmsContext> = {
  Query: {
    me: (_root, _args, ctx) => (ctx.identity.realm === 'firm' ? ctx.loaders.member.load(ctx.identity.memberId) : null),
    myFirm: (_root, _args, ctx) => (ctx.identity.realm === 'firm' ? ctx.loaders.firm.load(ctx.identity.firmId) : null),
    firmAuditTrail: (_root, args: { first: number; subjectId?: string }, ctx) =>
      ctx.domain.audit.list(ctx.identity, { first: args.first, subjectId: args.subjectId ?? undefined }),
  },
  Mutation: {
    signUpFirm: async (_root, args: Input<SignUpFirmInput>, ctx) => session(await ctx.domain.signUp.signUp(args.input)),
    logIn: async (_root, args: { username: string; password: string }, ctx) =>
      session(await ctx.domain.sessions.logIn(args.username, args.password)),
    refreshSession: async (_root, args: { refreshToken: string }, ctx) =>
      session(await ctx.domain.sessions.refresh(args.refreshToken)),
    logOut: (_root, _args, ctx) => ctx.domain.sessions.logOut(ctx.identity),
    inviteMember: (_root, args: Input<Parameters<FirmsContext['domain']['invitations']['invite']>[1]>, ctx) =>
      ctx.domain.invitations.invite(ctx.identity, args.input),
    resendMemberInvitation: (_root, args: { invitationId: string }, ctx) =>
      ctx.domain.invitations.resend(ctx.identity, args.invitationId),
    revokeMemberInvitation: (_root, args: { invitationId: string }, ctx) =>
      ctx.domain.invitations.revoke(ctx.identity, args.invitationId),
    acceptMemberInvitation: async (_root, args: { token: string; username: string; password: string }, ctx) =>
      session(await ctx.domain.invitations.accept(args.token, args.username, args.password)),
    updateMember: (_root, args: Input<Parameters<FirmsContext['domain']['members']['updateMember']>[1]>, ctx) =>
      ctx.domain.members.updateMember(ctx.identity, args.input),
    deactivateMember: (_root, args: { memberId: string }, ctx) => ctx.domain.members.deactivate(ctx.identity, args.memberId),
    updateFirm: (_root, args: Input<Parameters<FirmsContext['domain']['members']['updateFirm']>[1]>, ctx) =>
      ctx.domain.members.updateFirm(ctx.identity, args.input),
  },
  Member: {
    // Authorization lives in the loader's domain call: other firms' members resolve to null.
    __resolveReference: (ref: { id: string }, ctx: FirmsContext) => ctx.loaders.member.load(ref.id),
    // A Member object only exists here once its visibility was decided, so its firm follows.
    firm: (member: Member, _args, ctx) => ctx.loaders.firmOfVisibleMember.load(member.firmId),
  },
  Firm: {
    __resolveReference: (ref: { id: string }, ctx: FirmsContext) => ctx.loaders.firm.load(ref.id),
    createdAt: (firm: Firm) => iso(firm.createdAt),
    members: (_firm: Firm, args: { includeInactive: boolean }, ctx) => ctx.domain.members.members(ctx.identity, args.includeInactive),
    pendingInvitations: (_firm: Firm, _args, ctx) => ctx.domain.invitations.pending(ctx.identity),
    support: (_firm: Firm, _args, ctx) => ctx.domain.support,
  },
  MemberInvitation: {
    invitedBy: (i: MemberInvitation, _args, ctx) => ctx.loaders.member.load(i.invitedBy),
    sentAt: (i: MemberInvitation) => iso(i.sentAt),
    expiresAt: (i: MemberInvitation) => iso(i.expiresAt),
  },
  AuditEntry: {
    actor: (e: AuditEntry, _args, ctx) => (e.actorRealm === 'firm' && e.actorId ? ctx.loaders.member.load(e.actorId) : null),
    before: (e: AuditEntry) => (e.before ? JSON.stringify(e.before) : null),
    after: (e: AuditEntry) => (e.after ? JSON.stringify(e.after) : null),
    at: (e: AuditEntry) => iso(e.at),
  },
};
