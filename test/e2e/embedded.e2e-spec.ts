import { startTestSystem, eventually, tokenFromMail, type TestSystem } from '../support/test-system';
import { ACCEPT, INVITE, MY_CLIENTS, inviteAndJoin, registerClient, signUpFirm } from '../support/fixtures';
import { addPayrollClient, assignWhenKnown } from '../support/client-fixtures';
import { ACCEPT_REQUEST, REQUEST_ACCESS, registerClientWithAdmins } from '../support/invitation-fixtures';

/**
 * The embedded run mode (`npm start` with no MySQL and no Kafka): the same domain code on
 * in-memory SQLite stores and the in-process transport, and the same flow works.
 */
describe('embedded run mode: the flow works without MySQL and Kafka', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ embedded: true });
  });
  afterAll(async () => {
    await system?.teardown();
  });

  it('uses the embedded store and the in-process transport', () => {
    expect(system.transport.kind).toBe('in-process');
    for (const s of Object.values(system.services)) expect(s.db.kind).toBe('embedded');
  });

  it('F1, I1, I5, C4: invite, accept, link and assign, answered across subgraphs', async () => {
    const firm = await signUpFirm(system);
    const client = await registerClient(system, { name: 'Embedded Bakery' });
    const invited = await system.gql(
      INVITE,
      {
        input: {
          accountantName: 'Fran',
          accountantEmail: `fran@${firm.domain}`,
          permissions: ['VIEW_COMPANY', 'RUN_PAYROLL'],
          acknowledgeFirmWideAccess: true,
        },
      },
      client.token,
    );
    expect(invited.errors).toBeUndefined();
    const token = tokenFromMail(system.mailTo(`fran@${firm.domain}`).filter((m) => m.template !== 'firm-sign-up-confirmation')[0].text);
    expect((await system.gql(ACCEPT, { token }, firm.token)).errors).toBeUndefined();

    const clients = await eventually(async () => {
      const res = await system.gql(MY_CLIENTS, {}, firm.token);
      return res.data?.myClients?.[0]?.timeTracking ? res.data.myClients : undefined;
    });
    expect(clients).toHaveLength(1);
    expect(clients[0]).toMatchObject({
      businessName: 'Embedded Bakery',
      myPermissions: ['VIEW_COMPANY', 'RUN_PAYROLL'],
      assignments: [{ role: 'RESPONSIBLE', member: { id: firm.memberId } }],
      timeTracking: { status: 'NOT_CONNECTED' },
    });

    // Redelivery is a no-op here too.
    const [row] = await system.services.invitations.db.dataSource.query("SELECT envelope, message_key AS k FROM outbox_events WHERE topic LIKE '%invitation-accepted%'");
    const outcome = await system.services.clients.consumer!.process({
      topic: 'advisor.invitations.invitation-accepted.v1',
      key: row.k,
      value: row.envelope,
      partition: 0,
      offset: '0',
    });
    expect(outcome).toBe('duplicate');
    const [{ n }] = await system.services.clients.db.dataSource.query('SELECT COUNT(*) AS n FROM assignments');
    expect(Number(n)).toBe(1);
  });

  it('C3, C8, C10, C2, I3, I4, F7: the rest of the product works on the embedded store too', async () => {
    const firm = await signUpFirm(system);
    const staff = await inviteAndJoin(system, firm);
    const payrollClient = await addPayrollClient(system, firm.token, 'Embedded Enrolling Co');
    const assigned = await assignWhenKnown(system, firm, { clientId: payrollClient, memberId: staff.memberId, permissions: ['VIEW_COMPANY'] });
    expect(assigned.errors).toBeUndefined();
    const step = await system.gql(`mutation($id: ID!) { completeOnboardingStep(clientId: $id, step: BANK_ACCOUNT) { status } }`, { id: payrollClient }, firm.token);
    expect(step.data.completeOnboardingStep.status).toBe('ENROLLING');

    const group = await system.gql(`mutation { createClientGroup(name: "Embedded 20th") { id } }`, {}, firm.token);
    const groupId = group.data.createClientGroup.id;
    await system.gql(`mutation($g: ID!, $c: [ID!]!) { addClientsToGroup(groupId: $g, clientIds: $c) { id } }`, { g: groupId, c: [payrollClient] }, firm.token);
    const marked = await system.gql(
      `mutation($i: MarkGroupPeriodInput!) { markGroupPeriod(input: $i) { processed } }`,
      { i: { groupId, clientId: payrollClient, period: '2026-11', processed: true, reported: true } },
      firm.token,
    );
    expect(marked.errors).toBeUndefined();
    const inGroup = await system.gql(MY_CLIENTS, {}, firm.token);
    expect(inGroup.errors).toBeUndefined();

    // I3, I4: the firm asks an existing client for access; its admin edits and accepts.
    const client = await registerClientWithAdmins(system, { name: 'Embedded Requested Co' });
    const requested = await eventually(async () => {
      const res = await system.gql(
        REQUEST_ACCESS,
        { input: { businessName: 'Embedded Requested Co', fein: client.fein, platform: 'PAYROLL', permissions: ['VIEW_COMPANY', 'VIEW_REPORTS'] } },
        firm.token,
      );
      return res.errors?.[0]?.extensions?.code === 'CLIENT_NOT_FOUND_ON_PLATFORM' ? undefined : res;
    });
    expect(requested.errors).toBeUndefined();
    const accepted = await system.gql(ACCEPT_REQUEST, { invitationId: requested.data.requestClientAccess.id, permissions: ['VIEW_REPORTS'] }, client.admins[0].token);
    expect(accepted.errors).toBeUndefined();
    const linked = await eventually(async () => {
      const res = await system.gql('{ myClients { id myPermissions } }', {}, firm.token);
      return res.data?.myClients?.find((c: { id: string }) => c.id === client.clientId);
    });
    expect(linked.myPermissions).toEqual(['VIEW_REPORTS']);

    // C2: the client narrows and ends the link.
    const narrowed = await system.gql(`mutation { updateFirmLinkPermissions(permissions: []) { permissions } }`, {}, client.admins[0].token);
    expect(narrowed.data.updateFirmLinkPermissions.permissions).toEqual([]);
    expect((await system.gql('mutation { endFirmLink }', {}, client.admins[0].token)).data.endFirmLink).toBe(true);

    // F7: deactivation ends the staff member's assignments through the event.
    await system.gql(`mutation($id: ID!) { deactivateMember(memberId: $id) { active } }`, { id: staff.memberId }, firm.token);
    await eventually(async () => {
      const [r] = await system.services.clients.db.dataSource.query('SELECT COUNT(*) AS n FROM assignments WHERE member_id = ?', [staff.memberId]);
      return Number(r.n) === 0 ? true : undefined;
    });
  });
});
