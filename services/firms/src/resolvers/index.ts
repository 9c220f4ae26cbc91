import type { Resolvers } from '../__generated__/resolvers-types';
import type { FirmSession, SignInOutcome } from '../domain/session.service';
import { secondStepRefusal } from '../domain/second-factor-policy';
import type { ServiceAccountScope as DomainScope } from '../domain/service-account.service';
import type { ServiceAccountScope } from '../__generated__/resolvers-types';

/** SPEC G6: scope names in tokens (`events:read`) and their GraphQL enum values (EVENTS_READ). */
const SCOPE_OF: Record<ServiceAccountScope, DomainScope> = { READ: 'read', EVENTS_READ: 'events:read' };
const ENUM_OF = Object.fromEntries(Object.entries(SCOPE_OF).map(([k, v]) => [v, k])) as Record<DomainScope, ServiceAccountScope>;

const iso = (d: Date) => d.toISOString();
const session = (s: FirmSession) => ({ ...s, expiresAt: iso(s.expiresAt), refreshExpiresAt: iso(s.refreshExpiresAt) });
/** SPEC F9: the password step's answer as the API shows it. */
const signInStep = (o: SignInOutcome) =>
  o.next === 'SIGNED_IN'
    ? { next: o.next, session: session(o.session), challenge: null, challengeExpiresAt: null }
    : { next: o.next, session: null, challenge: o.challenge.token, challengeExpiresAt: iso(o.challenge.expiresAt) };
/** A non-null field whose row must exist (a foreign key); its absence is a bug, reported as one. */
const missing = (what: string): never => {
  throw new Error(`${what} does not exist`);
};

/** Typed by the SDL (`npm run codegen`); parents are the domain's objects (codegen.ts mappers). */
export const resolvers: Resolvers = {
  Query: {
    me: (_root, _args, ctx) => (ctx.identity.realm === 'firm' ? ctx.loaders.member.load(ctx.identity.memberId) : null),
    myFirm: (_root, _args, ctx) => (ctx.identity.realm === 'firm' ? ctx.loaders.firm.load(ctx.identity.firmId) : null),
    firmAuditTrail: (_root, args, ctx) =>
      ctx.domain.audit.list(ctx.identity, { first: args.first, subjectId: args.subjectId ?? undefined }),
    serviceAccounts: (_root, _args, ctx) => ctx.domain.serviceAccounts.list(ctx.identity),
    leaverReport: (_root, args, ctx) => ctx.domain.leaverReports.report(ctx.identity, args.memberId),
  },
  Mutation: {
    signUpFirm: async (_root, args, ctx) => {
      const outcome = await ctx.domain.signUp.signUp(args.input);
      return {
        status: outcome.status,
        workEmail: outcome.workEmail,
        confirmBy: outcome.confirmBy ? iso(outcome.confirmBy) : null,
        session: outcome.session ? session(outcome.session) : null,
      };
    },
    confirmFirmSignUp: async (_root, args, ctx) => session(await ctx.domain.signUp.confirm(args.token)),
    signIn: async (_root, args, ctx) => signInStep(await ctx.domain.sessions.signIn(args.username, args.password, ctx.origin)),
    // Deprecated: one step only. A member who needs a second step is told to use signIn.
    logIn: async (_root, args, ctx) => {
      const outcome = await ctx.domain.sessions.signIn(args.username, args.password, ctx.origin);
      if (outcome.next === 'SIGNED_IN') return session(outcome.session);
      throw secondStepRefusal(outcome.next === 'TWO_FACTOR_CODE' ? 'CODE' : 'ENROL');
    },
    completeSignIn: async (_root, args, ctx) => session(await ctx.domain.twoFactor.completeSignIn(args.challenge, args.code, ctx.origin)),
    beginTwoFactorEnrolment: async (_root, args, ctx) => {
      const enrolment = await ctx.domain.twoFactor.begin(ctx.identity, args.challenge);
      return { ...enrolment, expiresAt: iso(enrolment.expiresAt) };
    },
    confirmTwoFactorEnrolment: async (_root, args, ctx) => {
      const enabled = await ctx.domain.twoFactor.confirm(ctx.identity, args.code, args.challenge, ctx.origin);
      return { recoveryCodes: enabled.recoveryCodes, session: enabled.session ? session(enabled.session) : null };
    },
    requireTwoFactor: (_root, args, ctx) => ctx.domain.members.setTwoFactorRequired(ctx.identity, args.required),
    resetMemberTwoFactor: (_root, args, ctx) => ctx.domain.twoFactor.reset(ctx.identity, args.memberId),
    refreshSession: async (_root, args, ctx) =>
      session(await ctx.domain.sessions.refresh(args.refreshToken)),
    logOut: (_root, _args, ctx) => ctx.domain.sessions.logOut(ctx.identity),
    // An optional input field sent as null counts as not given (the domain takes undefined).
    inviteMember: (_root, { input }, ctx) =>
      ctx.domain.invitations.invite(ctx.identity, { ...input, firmRole: input.firmRole ?? undefined }),
    resendMemberInvitation: (_root, args, ctx) =>
      ctx.domain.invitations.resend(ctx.identity, args.invitationId),
    revokeMemberInvitation: (_root, args, ctx) =>
      ctx.domain.invitations.revoke(ctx.identity, args.invitationId),
    acceptMemberInvitation: async (_root, args, ctx) =>
      session(await ctx.domain.invitations.accept(args.token, args.username, args.password)),
    updateMember: (_root, { input }, ctx) =>
      ctx.domain.members.updateMember(ctx.identity, {
        ...input,
        jobRole: input.jobRole ?? undefined,
        firmRole: input.firmRole ?? undefined,
        permissions: input.permissions ?? undefined,
      }),
    deactivateMember: (_root, args, ctx) => ctx.domain.members.deactivate(ctx.identity, args.memberId),
    updateFirm: (_root, { input }, ctx) =>
      ctx.domain.members.updateFirm(ctx.identity, { ...input, name: input.name ?? undefined, website: input.website ?? undefined }),
    createServiceAccount: (_root, { input }, ctx) =>
      ctx.domain.serviceAccounts.create(ctx.identity, { name: input.name, scopes: input.scopes.map((s) => SCOPE_OF[s]), endsAt: input.endsAt }),
    revokeServiceAccount: (_root, args, ctx) => ctx.domain.serviceAccounts.revoke(ctx.identity, args.id),
    exchangeServiceAccountSecret: (_root, args, ctx) => ctx.domain.serviceAccounts.issueToken(args.secret),
  },
  ServiceAccount: {
    scopes: (a) => a.scopes.map((s) => ENUM_OF[s]),
    createdBy: (a, _args, ctx) => ctx.loaders.member.load(a.createdBy),
    createdAt: (a) => iso(a.createdAt),
    lastUsedAt: (a) => (a.lastUsedAt ? iso(a.lastUsedAt) : null),
    revokedAt: (a) => (a.revokedAt ? iso(a.revokedAt) : null),
    endsAt: (a) => (a.endsAt ? iso(a.endsAt) : null),
    endedAt: (a) => (a.endedAt ? iso(a.endedAt) : null),
  },
  LeaverReport: {
    // SPEC F11: decided again for a reference, in the domain (reader, same firm).
    __resolveReference: (ref, ctx) => ctx.domain.leaverReports.report(ctx.identity, ref.memberId),
    serviceAccountsCreated: (r, _args, ctx) => ctx.domain.leaverReports.serviceAccountsCreatedBy(ctx.identity, r.memberId),
    pendingMemberInvitations: (r, _args, ctx) => ctx.domain.leaverReports.pendingInvitationsSentBy(ctx.identity, r.memberId),
  },
  ServiceAccountToken: {
    expiresAt: (t) => iso(t.expiresAt),
  },
  Member: {
    // Authorization lives in the loader's domain call: other firms' members resolve to null.
    __resolveReference: (ref, ctx) => ctx.loaders.member.load(ref.id),
    // A Member object only exists here once its visibility was decided, so its firm follows.
    firm: async (member, _args, ctx) =>
      (await ctx.loaders.firmOfVisibleMember.load(member.firmId)) ?? missing(`firm ${member.firmId} of member ${member.id}`),
    twoFactorEnabled: (member, _args, ctx) => ctx.loaders.twoFactorEnabled.load(member.id),
  },
  Firm: {
    __resolveReference: (ref, ctx) => ctx.loaders.firm.load(ref.id),
    createdAt: (firm) => iso(firm.createdAt),
    members: (_firm, args, ctx) => ctx.domain.members.members(ctx.identity, args.includeInactive),
    pendingInvitations: (_firm, _args, ctx) => ctx.domain.invitations.pending(ctx.identity),
    support: (_firm, _args, ctx) => ctx.domain.support,
  },
  MemberInvitation: {
    invitedBy: (i, _args, ctx) => ctx.loaders.member.load(i.invitedBy),
    sentAt: (i) => iso(i.sentAt),
    expiresAt: (i) => iso(i.expiresAt),
  },
  AuditEntry: {
    actor: (e, _args, ctx) => (e.actorRealm === 'firm' && e.actorId ? ctx.loaders.member.load(e.actorId) : null),
    before: (e) => (e.before ? JSON.stringify(e.before) : null),
    after: (e) => (e.after ? JSON.stringify(e.after) : null),
    at: (e) => iso(e.at),
  },
};
