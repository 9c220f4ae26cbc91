import { startTestSystem, eventually, type TestSystem } from '../support/test-system';
import { INVITE_MEMBER, inviteAndJoin, signUpFirm, type JoinedMember, type SignedUpFirm } from '../support/fixtures';
import { addPayrollClient } from '../support/client-fixtures';

const code = (res: { errors?: Array<{ extensions?: { code?: string } }> }) => res.errors?.[0]?.extensions?.code;
const UPDATE_ROLE = `mutation($id: ID!, $role: FirmRole!) { updateMember(input: { memberId: $id, firmRole: $role }) { id firmRole permissions } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken member { firmRole permissions } } }`;

/**
 * SPEC G3 through the gateway: the firm role ANALYST reads every client of the firm, the key
 * figures and the reports, and every change it tries is refused with FORBIDDEN by the service
 * that owns it; only an ADMIN makes or unmakes an analyst.
 */
describe('G3: analysts', () => {
  let system: TestSystem;
  let firm: SignedUpFirm;
  let other: SignedUpFirm;
  let analyst: JoinedMember;
  let clientA: string;
  let clientB: string;
  let otherClient: string;

  beforeAll(async () => {
    system = await startTestSystem();
    firm = await signUpFirm(system);
    other = await signUpFirm(system);
    clientA = await addPayrollClient(system, firm.token, 'Analyzed One');
    clientB = await addPayrollClient(system, firm.token, 'Analyzed Two');
    otherClient = await addPayrollClient(system, other.token, 'Elsewhere Inc');
    analyst = await inviteAndJoin(system, firm, { firmRole: 'ANALYST' });
  });
  afterAll(async () => {
    await system?.teardown();
  });

  it('G3: an analyst holds VIEW_ALL_CLIENTS only and reads every client of the firm (none of another firm), with read-only permissions', async () => {
    const me = await system.gql(`{ me { firmRole permissions } }`, {}, analyst.token);
    expect(me.data.me).toEqual({ firmRole: 'ANALYST', permissions: ['VIEW_ALL_CLIENTS'] });
    const res = await system.gql(`{ myClients { id myPermissions } }`, {}, analyst.token);
    expect(res.errors).toBeUndefined();
    const byId = new Map(res.data.myClients.map((c: { id: string; myPermissions: string[] }) => [c.id, c.myPermissions]));
    expect([...byId.keys()].sort()).toEqual([clientA, clientB].sort());
    expect(byId.has(otherClient)).toBe(false);
    // The link grants the firm everything; an analyst keeps only what reads.
    expect((byId.get(clientA) as string[]).sort()).toEqual(['VIEW_COMPANY', 'VIEW_PAYROLL', 'VIEW_REPORTS', 'VIEW_TAX_DOCUMENTS']);
    // Key figures and reports (payroll-sync) read like any VIEW_PAYROLL member's.
    const payroll = await system.gql(`{ payrollAttention { client { id } } myClients { payPeriods(last: 2) { id } } }`, {}, analyst.token);
    expect(payroll.errors).toBeUndefined();
    // The team is theirs to see.
    expect((await system.gql(`{ myFirm { members { id } } }`, {}, analyst.token)).errors).toBeUndefined();
  });

  it('G3: every mutation an analyst tries, in every service, is FORBIDDEN (the domain refuses, not the gateway)', async () => {
    const group = await system.gql(`mutation { createClientGroup(name: "Paid on the 20th") { id } }`, {}, firm.token);
    const groupId = group.data.createClientGroup.id;
    const mutations: Array<[string, Record<string, unknown>]> = [
      [`mutation { updateFirm(input: { name: "Renamed" }) { id } }`, {}],
      [INVITE_MEMBER, { input: { firstName: 'A', lastName: 'B', email: `x${Date.now()}@${firm.domain}`, jobRole: 'Clerk', permissions: [] } }],
      [`mutation($id: ID!) { deactivateMember(memberId: $id) { id } }`, { id: firm.memberId }],
      [`mutation($input: CreateServiceAccountInput!) { createServiceAccount(input: $input) { secret } }`, { input: { name: 's', scopes: ['READ'] } }],
      [`mutation($input: AddPayrollClientInput!) { addPayrollClient(input: $input) { id } }`, { input: { businessName: 'No Co', fein: '45-9999998' } }],
      [`mutation($input: AssignMemberInput!) { assignMember(input: $input) { role } }`, { input: { clientId: clientA, memberId: analyst.memberId, permissions: ['VIEW_COMPANY'] } }],
      [`mutation { createClientGroup(name: "Mine") { id } }`, {}],
      [`mutation($input: MarkGroupPeriodInput!) { markGroupPeriod(input: $input) { processed } }`, { input: { groupId, clientId: clientA, period: '2026-11', processed: true, reported: false } }],
      [`mutation($c: ID!) { disconnectTimeTracking(clientId: $c) { status } }`, { c: clientA }],
      [`mutation($c: ID!) { runPayroll(clientId: $c, periodId: "00000000-0000-4000-8000-000000000000") { id } }`, { c: clientA }],
      [`mutation($input: RequestClientAccessInput!) { requestClientAccess(input: $input) { id } }`, { input: { fein: '45-9999997', platform: 'PAYROLL', permissions: ['VIEW_COMPANY'], businessName: 'X' } }],
      [`mutation { acceptFirmInvitation(token: "a-token-nobody-has") { id } }`, {}],
    ];
    for (const [query, variables] of mutations) {
      const res = await system.gql(query, variables, analyst.token);
      if (code(res) === 'GRAPHQL_VALIDATION_FAILED' || code(res) === 'BAD_USER_INPUT') throw new Error(`${query}: ${JSON.stringify(res.errors)}`);
      expect([query, code(res)]).toEqual([query, 'FORBIDDEN']);
    }
  });

  it('G3: only an ADMIN makes or unmakes an analyst; unmade, the old token stops and a refresh carries the new role', async () => {
    const manager = await inviteAndJoin(system, firm, { permissions: ['MANAGE_MEMBERS'] });
    const plain = await inviteAndJoin(system, firm);
    // A member who manages members may neither make nor unmake an analyst, nor invite one.
    expect(code(await system.gql(UPDATE_ROLE, { id: plain.memberId, role: 'ANALYST' }, manager.token))).toBe('ADMIN_REQUIRED');
    expect(code(await system.gql(UPDATE_ROLE, { id: analyst.memberId, role: 'MEMBER' }, manager.token))).toBe('ADMIN_REQUIRED');
    const invite = await system.gql(
      INVITE_MEMBER,
      { input: { firstName: 'A', lastName: 'N', email: `an${Date.now()}@${firm.domain}`, jobRole: 'Analyst', firmRole: 'ANALYST', permissions: [] } },
      manager.token,
    );
    expect(code(invite)).toBe('ADMIN_REQUIRED');

    const made = await system.gql(UPDATE_ROLE, { id: plain.memberId, role: 'ANALYST' }, firm.token);
    expect(made.data.updateMember).toMatchObject({ firmRole: 'ANALYST', permissions: ['VIEW_ALL_CLIENTS'] });
    await eventually(async () => code(await system.gql(`{ me { id } }`, {}, plain.token)) === 'UNAUTHENTICATED', 20_000, 'the old token to stop');
    const refreshed = await system.gql(REFRESH, { t: plain.refreshToken });
    expect(refreshed.data.refreshSession.member.firmRole).toBe('ANALYST');
    const asAnalyst = refreshed.data.refreshSession.accessToken;
    expect(code(await system.gql(`mutation { createClientGroup(name: "Nope") { id } }`, {}, asAnalyst))).toBe('FORBIDDEN');

    const unmade = await system.gql(UPDATE_ROLE, { id: plain.memberId, role: 'MEMBER' }, firm.token);
    expect(unmade.data.updateMember).toMatchObject({ firmRole: 'MEMBER', permissions: [] });
    const trail = await system.gql(`query($id: ID) { firmAuditTrail(subjectId: $id) { action before after } }`, { id: plain.memberId }, firm.token);
    const roles = trail.data.firmAuditTrail.filter((e: { action: string }) => e.action === 'MEMBER_UPDATED').map((e: { after: string }) => JSON.parse(e.after).firmRole);
    expect(roles).toEqual(['MEMBER', 'ANALYST']);
  });

  it('G3: an analyst may still end their own session', async () => {
    const second = await system.gql(`mutation($u: String!, $p: String!) { logIn(username: $u, password: $p) { accessToken } }`, { u: analyst.username, p: 'a long enough passphrase' });
    const token = second.data.logIn.accessToken;
    expect((await system.gql(`mutation { logOut }`, {}, token)).data.logOut).toBe(true);
    await eventually(async () => code(await system.gql(`{ me { id } }`, {}, token)) === 'UNAUTHENTICATED', 20_000, 'the session to end');
  });
});
