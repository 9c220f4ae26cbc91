import { startTestSystem, type TestSystem } from '../support/test-system';
import { INVITE_MEMBER, inviteAndJoin, registerClient, signUpFirm, type SignedUpFirm } from '../support/fixtures';

const PERMISSIONS = ['MANAGE_FIRM', 'MANAGE_MEMBERS', 'MANAGE_CLIENTS', 'ASSIGN_CLIENTS', 'VIEW_ALL_CLIENTS'] as const;
type Permission = (typeof PERMISSIONS)[number];

type Actor =
  | { kind: 'admin' }
  | { kind: 'member'; permission: Permission | null }
  | { kind: 'other-firm-admin' }
  | { kind: 'client-admin' }
  | { kind: 'anonymous' };

const ACTORS: Array<[string, Actor]> = [
  ['ADMIN', { kind: 'admin' }],
  ['MEMBER without permissions', { kind: 'member', permission: null }],
  ...PERMISSIONS.map((p): [string, Actor] => [`MEMBER with ${p}`, { kind: 'member', permission: p }]),
  ['ADMIN of another firm', { kind: 'other-firm-admin' }],
  ['client admin', { kind: 'client-admin' }],
  ['anonymous caller', { kind: 'anonymous' }],
];

interface Operation {
  name: string;
  /** Who may do it within the firm: a permission, `admin` only, or every member. */
  requires: Permission | 'ADMIN' | 'ANY_MEMBER';
  /** Whether the operation targets something of *our* firm by id (another firm then gets NOT_FOUND). */
  targetsById: boolean;
  /** What another firm's admin gets when the operation is not about ids (default: success on their own firm). */
  otherFirmCode?: string;
  /** Read through `myFirm`, which is simply null for callers who are not firm members. */
  viaMyFirm?: boolean;
  run(token: string | undefined): Promise<{ data?: any; errors?: Array<{ extensions?: { code?: string } }> }>;
}

/**
 * SPEC F6: every firm operation, walked as an ADMIN, as a MEMBER with and without each
 * permission, as another firm's ADMIN, as a client admin and anonymously.
 */
describe('F6: authorization of every firm operation', () => {
  let system: TestSystem;
  let firm: SignedUpFirm;
  const tokens = new Map<string, string | undefined>();
  let n = 0;

  const freshInvitation = async () => {
    const res = await system.gql(
      INVITE_MEMBER,
      { input: { firstName: 'T', lastName: 'Target', email: `target${n++}.${Date.now()}@${firm.domain}`, jobRole: 'Clerk', permissions: [] } },
      firm.token,
    );
    return res.data.inviteMember.id as string;
  };
  const freshMember = async () => (await inviteAndJoin(system, firm)).memberId;

  const OPERATIONS: Operation[] = [
    { name: 'updateFirm', requires: 'MANAGE_FIRM', targetsById: false, run: (t) => system.gql(`mutation { updateFirm(input: { name: "Renamed ${Date.now()}" }) { id } }`, {}, t) },
    {
      name: 'inviteMember',
      requires: 'MANAGE_MEMBERS',
      targetsById: false,
      // Our domain is not theirs (SPEC F2).
      otherFirmCode: 'FIRM_DOMAIN_NOT_ALLOWED',
      run: (t) =>
        system.gql(INVITE_MEMBER, { input: { firstName: 'A', lastName: 'B', email: `inv${n++}.${Date.now()}@${firm.domain}`, jobRole: 'Clerk', permissions: [] } }, t),
    },
    { name: 'resendMemberInvitation', requires: 'MANAGE_MEMBERS', targetsById: true, run: async (t) => system.gql(`mutation($id: ID!) { resendMemberInvitation(invitationId: $id) { id } }`, { id: await freshInvitation() }, t) },
    { name: 'revokeMemberInvitation', requires: 'MANAGE_MEMBERS', targetsById: true, run: async (t) => system.gql(`mutation($id: ID!) { revokeMemberInvitation(invitationId: $id) { id } }`, { id: await freshInvitation() }, t) },
    { name: 'updateMember', requires: 'MANAGE_MEMBERS', targetsById: true, run: async (t) => system.gql(`mutation($id: ID!) { updateMember(input: { memberId: $id, jobRole: "Senior" }) { id } }`, { id: await freshMember() }, t) },
    { name: 'deactivateMember', requires: 'MANAGE_MEMBERS', targetsById: true, run: async (t) => system.gql(`mutation($id: ID!) { deactivateMember(memberId: $id) { id } }`, { id: await freshMember() }, t) },
    { name: 'firmAuditTrail', requires: 'ADMIN', targetsById: false, run: (t) => system.gql(`{ firmAuditTrail { id } }`, {}, t) },
    { name: 'myFirm.pendingInvitations', requires: 'MANAGE_MEMBERS', targetsById: false, viaMyFirm: true, run: (t) => system.gql(`{ myFirm { pendingInvitations { id } } }`, {}, t) },
    { name: 'myFirm.members', requires: 'ANY_MEMBER', targetsById: false, viaMyFirm: true, run: (t) => system.gql(`{ myFirm { members { id } } }`, {}, t) },
  ];

  beforeAll(async () => {
    system = await startTestSystem();
    firm = await signUpFirm(system);
    const other = await signUpFirm(system);
    const client = await registerClient(system);
    tokens.set('admin', firm.token);
    tokens.set('other-firm-admin', other.token);
    tokens.set('client-admin', client.token);
    tokens.set('anonymous', undefined);
    tokens.set('member:none', (await inviteAndJoin(system, firm)).token);
    for (const p of PERMISSIONS) tokens.set(`member:${p}`, (await inviteAndJoin(system, firm, { permissions: [p] })).token);
  });
  afterAll(async () => {
    await system?.teardown();
  });

  const tokenOf = (actor: Actor) => tokens.get(actor.kind === 'member' ? `member:${actor.permission ?? 'none'}` : actor.kind);

  const cases = OPERATIONS.flatMap((op) => ACTORS.map(([label, actor]) => [op.name, label, op, actor] as const));

  it.each(cases)('F6: %s as %s', async (_name, _label, op, actor) => {
    const res = await op.run(tokenOf(actor));
    const code = res.errors?.[0]?.extensions?.code;
    if (op.viaMyFirm && (actor.kind === 'anonymous' || actor.kind === 'client-admin')) {
      expect(res.errors).toBeUndefined();
      expect(res.data.myFirm).toBeNull();
      return;
    }
    switch (actor.kind) {
      case 'anonymous':
        expect(code).toBe('UNAUTHENTICATED');
        return;
      case 'client-admin':
        expect(code).toBe('FORBIDDEN');
        return;
      case 'other-firm-admin':
        // An admin elsewhere acts on their own firm only: our ids are not found there.
        if (op.targetsById) expect(code).toBe('NOT_FOUND');
        else expect(code).toBe(op.otherFirmCode);
        return;
      case 'admin':
        expect(res.errors).toBeUndefined();
        return;
      case 'member': {
        const allowed = op.requires === 'ANY_MEMBER' || (op.requires !== 'ADMIN' && actor.permission === op.requires);
        if (allowed) expect(res.errors).toBeUndefined();
        else expect(code).toBe('FORBIDDEN');
      }
    }
  });
});
