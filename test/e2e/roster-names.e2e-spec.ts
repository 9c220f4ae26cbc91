import { startTestSystem, eventually, type TestSystem } from '../support/test-system';
import { inviteAndJoin, linkClientToFirm, registerClient, signUpFirm, type ClientWithAdmin, type JoinedMember, type SignedUpFirm } from '../support/fixtures';
import { assignWhenKnown } from '../support/client-fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DASHBOARD } = require('../../bench/queries.cjs') as { DASHBOARD: string };

type Row = { id: string; firmLink: { firm: { name: string } | null } | null; assignments: Array<{ member: { firstName: string; lastName: string } | null }> };

/**
 * Issue 13: the dashboard (a page of the firm's clients with assigned members' and the firm's
 * names, groups and payroll status) takes two subgraph calls, clients and payroll-sync: clients
 * serves the names from its copies, kept by `member.joined` and `firm.renamed` (SPEC F1, F5, C3).
 */
describe('issue 13: names on the dashboard come from the clients service', () => {
  let system: TestSystem;
  let firm: SignedUpFirm;
  let colleague: JoinedMember;
  let client: ClientWithAdmin;

  beforeAll(async () => {
    system = await startTestSystem();
    firm = await signUpFirm(system);
    colleague = await inviteAndJoin(system, firm);
    client = await registerClient(system);
    await linkClientToFirm(system, firm, client);
    await assignWhenKnown(system, firm, { clientId: client.clientId, memberId: colleague.memberId, permissions: ['VIEW_COMPANY'] });
  });
  afterAll(async () => {
    await system?.teardown();
  });

  const dashboardRow = async (token: string): Promise<Row> => {
    const res = await system.gql(DASHBOARD, {}, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.myClientsPage.edges.map((e: { node: Row }) => e.node).find((c: Row) => c.id === client.clientId);
  };

  it('the dashboard shows the members\' and the firm\'s names with one call to clients and one to payroll-sync, none to firms', async () => {
    const calls = () => Object.fromEntries(Object.entries(system.services).map(([k, s]) => [k, s.requests.calls]));
    const before = calls();
    const row = await dashboardRow(firm.token);
    const after = calls();
    expect(Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]))).toEqual({ firms: 0, clients: 1, invitations: 0, payrollSync: 1 });
    const names = row.assignments.map((a) => a.member && `${a.member.firstName} ${a.member.lastName}`).sort();
    const fromFirms = await system.gql('{ myFirm { name members { id firstName lastName } } }', {}, firm.token);
    const expected = fromFirms.data.myFirm.members.map((m: { firstName: string; lastName: string }) => `${m.firstName} ${m.lastName}`).sort();
    expect(names).toEqual(expected);
    expect(row.firmLink?.firm?.name).toBe(fromFirms.data.myFirm.name);
  });

  it('F1: a renamed firm reaches the client list and the client admin\'s view through firm.renamed', async () => {
    const renamed = `Renamed ${Date.now().toString(36)}`;
    const res = await system.gql('mutation($n: String) { updateFirm(input: { name: $n }) { name } }', { n: renamed }, firm.token);
    expect(res.errors).toBeUndefined();
    await eventually(async () => (await dashboardRow(firm.token)).firmLink?.firm?.name === renamed, 15_000, 'the new name on the dashboard');
    const mine = await system.gql('{ myClientCompany { firmLink { firm { name } } assignments { member { firstName lastName } } } }', {}, client.token);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.myClientCompany.firmLink.firm.name).toBe(renamed);
    expect(mine.data.myClientCompany.assignments.every((a: { member: unknown }) => a.member !== null)).toBe(true);
  });

  it('another firm\'s member sees neither the client nor its people; a client admin whose link ended sees no firm', async () => {
    const other = await signUpFirm(system);
    const seen = await system.gql('query($id: ID!) { clientCompany(id: $id) { id assignments { member { firstName } } } }', { id: client.clientId }, other.token);
    expect(seen.errors).toBeUndefined();
    expect(seen.data.clientCompany).toBeNull();
    const ended = await system.gql('mutation { endFirmLink }', {}, client.token);
    expect(ended.errors).toBeUndefined();
    const mine = await system.gql('{ myClientCompany { firmLink { firm { name } } assignments { member { firstName } } } }', {}, client.token);
    expect(mine.data.myClientCompany).toEqual({ firmLink: null, assignments: [] });
  });
});
