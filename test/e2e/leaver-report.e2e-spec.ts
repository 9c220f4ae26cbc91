import { startTestSystem, eventually, type TestSystem } from '../support/test-system';
import {
  INVITE_MEMBER,
  inviteAndJoin,
  linkClientToFirm,
  registerClient,
  signUpFirm,
  type ClientWithAdmin,
  type JoinedMember,
  type SignedUpFirm,
} from '../support/fixtures';
import { assignWhenKnown } from '../support/client-fixtures';
import { registerClientWithAdmins, requestAccessOnceListed, requestInput } from '../support/invitation-fixtures';

const code = (res: { errors?: Array<{ extensions?: { code?: string } }> }) => res.errors?.[0]?.extensions?.code;

const CLIENT_ROW = `client { id } businessName platform assigned role permissions endsAt`;
const REPORT = `query($m: ID!) {
  leaverReport(memberId: $m) {
    member { id active }
    seesAllClients readOnly
    reachableClients { ${CLIENT_ROW} }
    soleResponsibleClients { ${CLIENT_ROW} }
    serviceAccountsCreated { id name revokedAt }
    pendingMemberInvitations { id email status }
    pendingClientRequests { id status businessName }
  }
}`;
const DEACTIVATE = `mutation($id: ID!) { deactivateMember(memberId: $id) { id active } }`;

/** The F11 CSV through the gateway's export route, as the web app's Download CSV asks for it. */
async function downloadCsv(system: TestSystem, memberId: string, token?: string) {
  const res = await fetch(system.gatewayUrl.replace(/\/graphql$/, `/reports/leaver-report.csv?memberId=${encodeURIComponent(memberId)}`), {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, lines: text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean) };
}

type Row = { client: { id: string } | null; businessName: string; assigned: boolean; role: string | null; permissions: string[] };
const byClient = (rows: Row[]) => new Map(rows.map((r) => [r.client?.id, r]));

/**
 * SPEC F11 through the gateway, on MySQL and Kafka: one report composed from three subgraphs
 * (firms: the member, service accounts, team invitations; clients: reachable clients and sole
 * RESPONSIBLE; invitations: pending firm requests), before and after deactivation (F7).
 */
describe('F11 leaver report', () => {
  let system: TestSystem;
  let firm: SignedUpFirm;
  let leaver: JoinedMember;
  let clientA: ClientWithAdmin;
  let clientB: ClientWithAdmin;
  let clientC: ClientWithAdmin;
  let invitedEmail: string;
  let requestId: string;
  let serviceAccountId: string;

  beforeAll(async () => {
    system = await startTestSystem();
    firm = await signUpFirm(system);
    leaver = await inviteAndJoin(system, firm, { permissions: ['MANAGE_CLIENTS', 'MANAGE_MEMBERS'] });
    [clientA, clientB, clientC] = await Promise.all([
      registerClient(system, { name: 'Anchor Alehouse' }),
      registerClient(system, { name: 'Birch Bakery' }),
      registerClient(system, { name: 'Cedar Cafe' }),
    ]);
    // A: the leaver accepts the client's invitation (C4: assigned, RESPONSIBLE); the client then narrows the link (C3).
    await linkClientToFirm(system, { ...firm, token: leaver.token, memberId: leaver.memberId }, clientA, ['VIEW_COMPANY', 'VIEW_PAYROLL']);
    const narrowed = await system.gql(`mutation { updateFirmLinkPermissions(permissions: [VIEW_COMPANY]) { permissions } }`, {}, clientA.token);
    expect(narrowed.errors).toBeUndefined();
    // B: the founder accepts (RESPONSIBLE) and assigns the leaver as a collaborator.
    await linkClientToFirm(system, firm, clientB, ['VIEW_COMPANY', 'VIEW_PAYROLL']);
    const assigned = await assignWhenKnown(system, firm, { clientId: clientB.clientId, memberId: leaver.memberId, permissions: ['VIEW_PAYROLL', 'RUN_PAYROLL'] });
    expect(assigned.errors).toBeUndefined();
    // C: linked to the firm, the leaver not assigned.
    await linkClientToFirm(system, firm, clientC);

    // The leaver's pending team invitation and firm request.
    invitedEmail = `pending.${Date.now()}@${firm.domain}`;
    const invited = await system.gql(
      INVITE_MEMBER,
      { input: { firstName: 'Pen', lastName: 'Ding', email: invitedEmail, jobRole: 'Clerk', permissions: [] } },
      leaver.token,
    );
    expect(invited.errors).toBeUndefined();
    const target = await registerClientWithAdmins(system, { name: 'Dune Deli' });
    const request = await requestAccessOnceListed(system, leaver.token, requestInput(target));
    expect(request.errors).toBeUndefined();
    requestId = request.data.requestClientAccess.id;

    // The founder (an ADMIN) creates a service account.
    const created = await system.gql(
      `mutation { createServiceAccount(input: { name: "ledger-export", scopes: [READ] }) { serviceAccount { id } } }`,
      {},
      firm.token,
    );
    serviceAccountId = created.data.createServiceAccount.serviceAccount.id;
  });
  afterAll(async () => {
    await system?.teardown();
  });

  it('F11: lists the clients a member reaches with effective permissions (C3) and role, where they are the only RESPONSIBLE (C5), their pending invitations and firm requests', async () => {
    const res = await system.gql(REPORT, { m: leaver.memberId }, firm.token);
    expect(res.errors).toBeUndefined();
    const report = res.data.leaverReport;
    expect(report.member).toEqual({ id: leaver.memberId, active: true });
    expect(report).toMatchObject({ seesAllClients: false, readOnly: false });
    const reach = byClient(report.reachableClients);
    expect([...reach.keys()].sort()).toEqual([clientA.clientId, clientB.clientId].sort());
    // A: assignment (the invitation's VIEW_COMPANY, VIEW_PAYROLL) ∩ the narrowed link (VIEW_COMPANY).
    expect(reach.get(clientA.clientId)).toMatchObject({ businessName: 'Anchor Alehouse', platform: 'PAYROLL', assigned: true, role: 'RESPONSIBLE', permissions: ['VIEW_COMPANY'] });
    // B: assignment (VIEW_PAYROLL, RUN_PAYROLL) ∩ link (VIEW_COMPANY, VIEW_PAYROLL).
    expect(reach.get(clientB.clientId)).toMatchObject({ assigned: true, role: 'COLLABORATOR', permissions: ['VIEW_PAYROLL'] });
    expect(report.soleResponsibleClients.map((r: Row) => r.client?.id)).toEqual([clientA.clientId]);
    expect(report.pendingMemberInvitations).toEqual([expect.objectContaining({ email: invitedEmail, status: 'PENDING' })]);
    expect(report.pendingClientRequests).toEqual([expect.objectContaining({ id: requestId, status: 'PENDING' })]);
    expect(report.serviceAccountsCreated).toEqual([]);

    // The same report as CSV: one line per part, in the screen's order.
    const csv = await downloadCsv(system, leaver.memberId, firm.token);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.lines[0]).toBe('Section,Name,FEIN or email,Role,Permissions or scopes,Ends or expires,Note');
    const sections = csv.lines.slice(1).map((l) => l.split(',')[0]);
    expect(sections).toEqual(['Reachable client', 'Reachable client', 'Only RESPONSIBLE member', 'Pending team invitation', 'Pending client request']);
    expect(csv.lines.find((l) => l.startsWith('Reachable client,Anchor Alehouse,'))).toContain(',RESPONSIBLE,VIEW_COMPANY,');
    expect(csv.text).toContain(invitedEmail);
  });

  it('F11, C6: an ADMIN reaches every client linked to the firm, assigned or not, and the report lists the service accounts they created', async () => {
    const res = await system.gql(REPORT, { m: firm.memberId }, firm.token);
    expect(res.errors).toBeUndefined();
    const report = res.data.leaverReport;
    expect(report.seesAllClients).toBe(true);
    const reach = byClient(report.reachableClients);
    expect([...reach.keys()].sort()).toEqual([clientA.clientId, clientB.clientId, clientC.clientId].sort());
    // Not assigned to A: reached through VIEW_ALL_CLIENTS, with no role and no permission of an assignment.
    expect(reach.get(clientA.clientId)).toMatchObject({ assigned: false, role: null, permissions: [] });
    expect(reach.get(clientB.clientId)).toMatchObject({ assigned: true, role: 'RESPONSIBLE' });
    expect(report.soleResponsibleClients.map((r: Row) => r.client?.id).sort()).toEqual([clientB.clientId, clientC.clientId].sort());
    expect(report.serviceAccountsCreated).toEqual([{ id: serviceAccountId, name: 'ledger-export', revokedAt: null }]);
  });

  it('F11: refused to a member with MANAGE_MEMBERS but not VIEW_ALL_CLIENTS, to an analyst and to a client admin; another firm\'s member is NOT_FOUND', async () => {
    expect(code(await system.gql(REPORT, { m: firm.memberId }, leaver.token))).toBe('FORBIDDEN');
    // The CSV is refused alike, as a JSON error before any line of CSV.
    const refusedCsv = await downloadCsv(system, firm.memberId, leaver.token);
    expect([refusedCsv.status, JSON.parse(refusedCsv.text).errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
    expect((await downloadCsv(system, firm.memberId)).status).toBe(401);
    const analyst = await inviteAndJoin(system, firm, { firmRole: 'ANALYST' });
    expect(code(await system.gql(REPORT, { m: leaver.memberId }, analyst.token))).toBe('FORBIDDEN');
    expect(code(await system.gql(REPORT, { m: leaver.memberId }, clientA.token))).toBe('FORBIDDEN');
    expect(code(await system.gql(REPORT, { m: leaver.memberId }))).toBe('UNAUTHENTICATED');
    const other = await signUpFirm(system);
    const elsewhere = await system.gql(REPORT, { m: leaver.memberId }, other.token);
    expect(code(elsewhere)).toBe('NOT_FOUND');
    expect(elsewhere.data?.leaverReport ?? null).toBeNull();
  });

  it('F11, F7: after deactivation, once the clients service has consumed member.deactivated, the member reaches zero clients', async () => {
    const deactivated = await system.gql(DEACTIVATE, { id: leaver.memberId }, firm.token);
    expect(deactivated.errors).toBeUndefined();
    const clientsDb = system.services.clients.db.dataSource;
    // The F7 events consumed: the roster copy says inactive and the assignments have ended.
    await eventually(async () => {
      const [roster] = await clientsDb.query('SELECT active FROM firm_members WHERE member_id = ?', [leaver.memberId]);
      const [assignments] = await clientsDb.query('SELECT COUNT(*) AS n FROM assignments WHERE member_id = ?', [leaver.memberId]);
      return roster && !Number(roster.active) && Number(assignments.n) === 0 ? true : undefined;
    }, 20_000, 'member.deactivated to reach the clients service');

    const res = await system.gql(REPORT, { m: leaver.memberId }, firm.token);
    expect(res.errors).toBeUndefined();
    const report = res.data.leaverReport;
    expect(report.member).toEqual({ id: leaver.memberId, active: false });
    expect(report.reachableClients).toEqual([]);
    expect(report.soleResponsibleClients).toEqual([]);
    // What they left behind is still listed, to be voided or handed over.
    expect(report.pendingMemberInvitations).toHaveLength(1);
    expect(report.pendingClientRequests.map((r: { id: string }) => r.id)).toEqual([requestId]);
    const csv = await downloadCsv(system, leaver.memberId, firm.token);
    expect(csv.lines.slice(1).map((l) => l.split(',')[0])).toEqual(['Pending team invitation', 'Pending client request']);
  });
});
