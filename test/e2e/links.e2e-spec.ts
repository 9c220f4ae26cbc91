import { startTestSystem, eventually, type TestSystem } from '../support/test-system';
import { GATEWAY_SECRET_HEADER, IDENTITY_HEADER, encodeIdentity } from '@advisor/kit';
import { inviteAndJoin, linkClientToFirm, registerClient, signUpFirm, type ClientWithAdmin, type SignedUpFirm } from '../support/fixtures';
import { assignWhenKnown } from '../support/client-fixtures';
import { ACCEPT_REQUEST, registerClientWithAdmins, requestAccessOnceListed, requestInput } from '../support/invitation-fixtures';

const UPDATE_LINK = `mutation($p: [ClientPermission!]!) { updateFirmLinkPermissions(permissions: $p) { permissions } }`;
const MINE = `{ myClients { id myPermissions assignments { member { id } effectivePermissions } timeTracking { status } } }`;

/** SPEC C2, C3 from the client's side, and the tenants' walls (both realms), on MySQL and Kafka. */
describe('firm–client links from the client side (C2, C3) and tenant isolation', () => {
  let system: TestSystem;
  let firm: SignedUpFirm;
  let client: ClientWithAdmin;

  beforeAll(async () => {
    system = await startTestSystem();
    firm = await signUpFirm(system);
    client = await registerClient(system, { name: 'Linked Co' });
    await linkClientToFirm(system, firm, client, ['VIEW_COMPANY', 'VIEW_PAYROLL', 'RUN_PAYROLL']);
  });
  afterAll(async () => {
    await system?.teardown();
  });

  it('C2, C3: narrowing the link narrows every assigned member at once; widening it back restores them', async () => {
    const staff = await inviteAndJoin(system, firm);
    await assignWhenKnown(system, firm, { clientId: client.clientId, memberId: staff.memberId, permissions: ['VIEW_PAYROLL', 'RUN_PAYROLL'] });
    const before = await system.gql(MINE, {}, staff.token);
    expect(before.data.myClients[0].myPermissions).toEqual(['VIEW_PAYROLL', 'RUN_PAYROLL']);

    const narrowed = await system.gql(UPDATE_LINK, { p: ['VIEW_COMPANY', 'VIEW_PAYROLL'] }, client.token);
    expect(narrowed.data.updateFirmLinkPermissions.permissions).toEqual(['VIEW_COMPANY', 'VIEW_PAYROLL']);
    const after = await system.gql(MINE, {}, staff.token);
    expect(after.data.myClients[0].myPermissions).toEqual(['VIEW_PAYROLL']);
    const admins = await system.gql(MINE, {}, firm.token);
    const assignments = admins.data.myClients.find((c: { id: string }) => c.id === client.clientId).assignments;
    expect(assignments.find((a: { member: { id: string } }) => a.member.id === firm.memberId).effectivePermissions).toEqual(['VIEW_COMPANY', 'VIEW_PAYROLL']);

    await system.gql(UPDATE_LINK, { p: ['VIEW_COMPANY', 'VIEW_PAYROLL', 'RUN_PAYROLL'] }, client.token);
    expect((await system.gql(MINE, {}, staff.token)).data.myClients[0].myPermissions).toEqual(['VIEW_PAYROLL', 'RUN_PAYROLL']);
  });

  it('C2: only the client\'s own admins with MANAGE edit or end the link; firm members cannot', async () => {
    const viewOnly = await registerClient(system, { permissions: ['MANAGE_EMPLOYEES'] });
    expect((await system.gql(UPDATE_LINK, { p: [] }, viewOnly.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await system.gql(UPDATE_LINK, { p: [] }, firm.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await system.gql('mutation { endFirmLink }', {}, firm.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unlinked = await registerClient(system);
    expect((await system.gql('mutation { endFirmLink }', {}, unlinked.token)).errors?.[0]?.extensions?.code).toBe('NO_LINKED_FIRM');
  });

  it('isolation: a client admin sees only their own company, also through _entities; client admins cannot assign', async () => {
    const stranger = await registerClient(system);
    const mine = await system.gql('{ myClientCompany { id businessName firmLink { permissions } admins { email permissions } } }', {}, client.token);
    expect(mine.data.myClientCompany).toMatchObject({ id: client.clientId, businessName: 'Linked Co' });
    // C1: its admins with their permissions, for the company's own admins; the firm sees none.
    expect(mine.data.myClientCompany.admins).toEqual([{ email: client.adminEmail, permissions: ['MANAGE', 'MANAGE_EMPLOYEES'] }]);
    const asFirm = await system.gql('{ myClients { id admins { email } } }', {}, firm.token);
    expect(asFirm.data.myClients.find((c: { id: string }) => c.id === client.clientId).admins).toEqual([]);
    const entities = await fetch(system.services.clients.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [GATEWAY_SECRET_HEADER]: system.secrets.clients,
        [IDENTITY_HEADER]: encodeIdentity({ realm: 'client', clientAdminId: stranger.clientId, clientId: stranger.clientId, email: stranger.adminEmail, permissions: ['MANAGE', 'MANAGE_EMPLOYEES'] }),
      },
      body: JSON.stringify({
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on ClientCompany { id firmLink { permissions } } } }',
        variables: { r: [{ __typename: 'ClientCompany', id: client.clientId }, { __typename: 'ClientCompany', id: stranger.clientId }] },
      }),
    }).then((r) => r.json() as Promise<any>);
    expect(entities.data._entities).toEqual([null, { id: stranger.clientId, firmLink: null }]);
    const assign = await system.gql(
      `mutation($i: AssignMemberInput!) { assignMember(input: $i) { role } }`,
      { i: { clientId: client.clientId, memberId: firm.memberId, permissions: [] } },
      client.token,
    );
    expect(assign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('C2: the client admin ends the link: every assignment ends, the firm loses the client everywhere, both trails record it', async () => {
    const c = await registerClient(system, { name: 'Leaving Co' });
    await linkClientToFirm(system, firm, c);
    const res = await system.gql('mutation { endFirmLink }', {}, c.token);
    expect(res.data.endFirmLink).toBe(true);
    const list = await system.gql('{ myClients { id } }', {}, firm.token);
    expect(list.data.myClients.map((x: { id: string }) => x.id)).not.toContain(c.clientId);
    const rows = await system.services.clients.db.dataSource.query('SELECT COUNT(*) AS n FROM assignments WHERE client_id = ?', [c.clientId]);
    expect(Number(rows[0].n)).toBe(0);
    // payroll-sync learns of it through client.unlinked.
    await eventually(async () => {
      const [r] = await system.services.payrollSync.db.dataSource.query('SELECT COUNT(*) AS n FROM client_links WHERE client_id = ?', [c.clientId]);
      return Number(r.n) === 0 ? true : undefined;
    }, 15_000, 'payroll-sync to drop the access');
    const trail = await system.gql('{ clientAuditTrail { action actorRealm } }', {}, c.token);
    expect(trail.data.clientAuditTrail.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['FIRM_LINKED', 'FIRM_UNLINKED']));
  });

  it('F7, C4: a request sent by a member deactivated before the client accepts links the firm without assigning them', async () => {
    const member = await inviteAndJoin(system, firm, { permissions: ['MANAGE_CLIENTS'] });
    const fresh = await registerClientWithAdmins(system);
    const sent = await requestAccessOnceListed(system, member.token, requestInput(fresh));
    expect(sent.errors).toBeUndefined();
    await system.gql(`mutation($id: ID!) { deactivateMember(memberId: $id) { active } }`, { id: member.memberId }, firm.token);
    const clientsDb = system.services.clients.db.dataSource;
    await eventually(async () => {
      const [row] = await clientsDb.query('SELECT active FROM firm_members WHERE member_id = ?', [member.memberId]);
      return row && !Number(row.active) ? true : undefined;
    }, 15_000, 'the roster to learn of the deactivation');

    expect((await system.gql(ACCEPT_REQUEST, { invitationId: sent.data.requestClientAccess.id }, fresh.token)).errors).toBeUndefined();
    await eventually(async () => {
      const res = await system.gql('{ myClients { id } }', {}, firm.token);
      return res.data?.myClients?.some((c: { id: string }) => c.id === fresh.clientId) ? true : undefined;
    }, 15_000, 'the link');
    const rows = await clientsDb.query('SELECT COUNT(*) AS n FROM assignments WHERE client_id = ?', [fresh.clientId]);
    expect(Number(rows[0].n)).toBe(0);
  });

  it('C2, C6: a client admin sees which firm, and which of its people, can access the company; others see nothing', async () => {
    const c = await registerClient(system, { name: 'Transparent Co' });
    await linkClientToFirm(system, firm, c);
    const QUERY = '{ myClientCompany { firmLink { firm { id name } } assignments { member { id firstName lastName workEmail } } } }';
    const seen = await eventually(async () => {
      const res = await system.gql(QUERY, {}, c.token);
      const company = res.data?.myClientCompany;
      return company?.firmLink?.firm && company.assignments.every((a: { member: unknown }) => a.member) ? company : undefined;
    }, 15_000, 'the firms service to learn of the link');
    expect(seen.firmLink.firm).toEqual({ id: firm.firmId, name: `Firm ${firm.domain}` });
    expect(seen.assignments).toEqual([{ member: { id: firm.memberId, firstName: 'Fran', lastName: 'Founder', workEmail: `fran@${firm.domain}` } }]);

    // Another client's admin asking firms directly for this firm and member gets nothing.
    const stranger = await registerClient(system);
    const res = await fetch(system.services.firms.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [GATEWAY_SECRET_HEADER]: system.secrets.firms,
        [IDENTITY_HEADER]: encodeIdentity({ realm: 'client', clientAdminId: stranger.clientId, clientId: stranger.clientId, email: stranger.adminEmail, permissions: ['MANAGE'] }),
      },
      body: JSON.stringify({
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Firm { id } ... on Member { id } } }',
        variables: { r: [{ __typename: 'Firm', id: firm.firmId }, { __typename: 'Member', id: firm.memberId }] },
      }),
    }).then((r) => r.json() as Promise<any>);
    expect(res.data._entities).toEqual([null, null]);

    // Once the client ends the link, the firm is no longer theirs to see.
    await system.gql('mutation { endFirmLink }', {}, c.token);
    await eventually(async () => {
      const after = await system.gql('{ myClientCompany { firmLink { permissions } } }', {}, c.token);
      return after.data?.myClientCompany?.firmLink === null ? true : undefined;
    });
    await eventually(async () => {
      const [row] = await system.services.firms.db.dataSource.query('SELECT COUNT(*) AS n FROM client_links WHERE client_id = ?', [c.clientId]);
      return Number(row.n) === 0 ? true : undefined;
    }, 15_000, 'firms to drop the link');
    const after = await system.gql(QUERY, {}, c.token);
    expect(after.data.myClientCompany.firmLink).toBeNull();
    expect(after.data.myClientCompany.assignments).toEqual([]);
  });
});
