import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { FirmsContext } from '../context';
import type { Firm, Member } from '../domain/member';
import type { FirmSession } from '../domain/session.service';
import type { SignUpFirmInput } from '../domain/firm-signup.service';

const session = (s: FirmSession) => ({ ...s, expiresAt: s.expiresAt.toISOString() });

export const resolvers: GraphQLResolverMap<FirmsContext> = {
  Query: {
    me: (_root, _args, ctx) => (ctx.identity.realm === 'firm' ? ctx.loaders.member.load(ctx.identity.memberId) : null),
    myFirm: (_root, _args, ctx) => (ctx.identity.realm === 'firm' ? ctx.loaders.firm.load(ctx.identity.firmId) : null),
  },
  Mutation: {
    signUpFirm: async (_root, args: { input: SignUpFirmInput }, ctx) => {
      const member = await ctx.domain.signUp.signUp(args.input);
      return session(await ctx.domain.sessions.startSession(member));
    },
    logIn: async (_root, args: { username: string; password: string }, ctx) =>
      session(await ctx.domain.sessions.logIn(args.username, args.password)),
  },
  Member: {
    // Authorization lives in the loader's domain call: other firms' members resolve to null.
    __resolveReference: (ref: { id: string }, ctx: FirmsContext) => ctx.loaders.member.load(ref.id),
    // A Member object only exists here once its visibility was decided, so its firm follows.
    firm: (member: Member, _args, ctx) => ctx.loaders.firmOfVisibleMember.load(member.firmId),
  },
  Firm: {
    __resolveReference: (ref: { id: string }, ctx: FirmsContext) => ctx.loaders.firm.load(ref.id),
    createdAt: (firm: Firm) => firm.createdAt.toISOString(),
  },
};
