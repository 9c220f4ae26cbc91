import { eventually, startTestSystem, type TestSystem } from '../support/test-system';
import { REGISTER_CLIENT_COMPANY, signUpFirm, type SignedUpFirm } from '../support/fixtures';
import { LOG_IN_CLIENT_ADMIN } from '../support/invitation-fixtures';

const code = (res: { errors?: Array<{ extensions?: { code?: string } }> }) => res.errors?.[0]?.extensions?.code;
const COMPANY = `id businessName fein platform status admins { id firstName email permissions }`;
const ADD_ADMIN = `mutation($c: ID!, $input: PlatformClientAdminInput!) { addClientAdmin(clientId: $c, input: $input) { ${COMPANY} } }`;
const UPDATE_ADMIN = `mutation($c: ID!, $a: ID!, $p: [ClientAdminPermission!]!) { updateClientAdminPermissions(clientId: $c, adminId: $a, permissions: $p) { ${COMPANY} } }`;
const REMOVE_ADMIN = `mutation($c: ID!, $a: ID!) { removeClientAdmin(clientId: $c, adminId: $a) { ${COMPANY} } }`;
const SET_STATUS = `mutation($c: ID!, $s: ClientStatus!) { setClientCompanyStatus(clientId: $c, status: $s) { ${COMPANY} } }`;
const READ = `query($c: ID!) { platformClientCompany(id: $c) { ${COMPANY} } }`;

let seq = 0;
const fein = () => `47-${String(3000000 + seq++).padStart(7, '0')}`;
const admin = (n: string, permissions = ['MANAGE', 'MANAGE_EMPLOYEES']) => ({
  firstName: n,
  lastName: 'Owner',
  email: `${n.toLowerCase()}-${Date.now().toString(36)}${seq++}@platform-client.example`,
  password: 'platform set password 1',
  permissions,
});
const companyInput = (extra: Record<string, unknown> = {}) => ({
  businessName: `Registered ${seq}`,
  fein: fein(),
  platform: 'PEO',
  status: 'ENROLLING',
  customerSuccess: { name: 'Jordan Success', phone: '+1 646 555 0199', email: 'jordan@platform.example' },
  admins: [admin('Ada')],
  ...extra,
});

/**
 * SPEC C1 and G6 through the gateway: the operator's platform account (PLATFORM_API_KEY as a
 * bearer credential) registers client companies and their admins, manages the admins and their
 * permissions, and changes a company's status; nobody else can; every change is audited.
 */
describe('C1/G6: the platform account', () => {
  let system: TestSystem;
  let firm: SignedUpFirm;
  const platform = () => system.platformApiKey;
  const clientsDb = (sql: string, params: unknown[] = []) => system.services.clients.db.dataSource.query(sql, params);

  beforeAll(async () => {
    system = await startTestSystem();
    firm = await signUpFirm(system);
  });
  afterAll(async () => {
    await system?.teardown();
  });

  it('C1: registers a company with its admins, who then sign in to it', async () => {
    const input = companyInput({ admins: [admin('Ada'), admin('Bo', ['MANAGE_PAYMENTS'])] });
    const res = await system.gql(REGISTER_CLIENT_COMPANY, { input }, platform());
    expect(res.errors).toBeUndefined();
    const company = res.data.registerClientCompany;
    expect(company).toMatchObject({ businessName: input.businessName, fein: input.fein, platform: 'PEO', status: 'ENROLLING' });
    // Admins are listed by name; compare as sets, then find Bo by email.
    expect(company.admins.map((a: { email: string }) => a.email).sort()).toEqual(input.admins.map((a) => a.email).sort());
    const bo = company.admins.find((a: { email: string }) => a.email === input.admins[1].email);
    const login = await system.gql(LOG_IN_CLIENT_ADMIN, { email: input.admins[1].email, password: 'platform set password 1' });
    expect(login.data.logInClientAdmin.clientAdmin.id).toBe(bo.id);
    const mine = await system.gql(`{ myClientCompany { id businessName status } }`, {}, login.data.logInClientAdmin.accessToken);
    expect(mine.data.myClientCompany).toEqual({ id: company.id, businessName: input.businessName, status: 'ENROLLING' });
    // Stored hashed only.
    const [row] = await clientsDb('SELECT password_hash FROM client_admins WHERE id = ?', [company.admins[0].id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('G6: only the platform key is the platform account: members, client admins, a wrong key and anonymous callers are refused', async () => {
    const input = { input: companyInput() };
    expect(code(await system.gql(REGISTER_CLIENT_COMPANY, input))).toBe('UNAUTHENTICATED');
    expect(code(await system.gql(REGISTER_CLIENT_COMPANY, input, firm.token))).toBe('FORBIDDEN');
    const registered = await system.gql(REGISTER_CLIENT_COMPANY, { input: companyInput() }, platform());
    const client = await system.gql(LOG_IN_CLIENT_ADMIN, { email: registered.data.registerClientCompany.admins[0].email, password: 'platform set password 1' });
    const clientToken = client.data.logInClientAdmin.accessToken;
    expect(code(await system.gql(REGISTER_CLIENT_COMPANY, input, clientToken))).toBe('FORBIDDEN');
    expect(code(await system.gql(SET_STATUS, { c: registered.data.registerClientCompany.id, s: 'ACTIVE' }, clientToken))).toBe('FORBIDDEN');
    expect(code(await system.gql(READ, { c: registered.data.registerClientCompany.id }, firm.token))).toBe('FORBIDDEN');
    // A key of the same length that differs in its last character is no key at all.
    const key = platform();
    const wrong = await system.gql(REGISTER_CLIENT_COMPANY, input, key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A'));
    expect(wrong.status).toBe(401);
    expect(code(wrong)).toBe('UNAUTHENTICATED');
    // The platform is no firm member and no client admin: it sees nobody's clients.
    const asPlatform = await system.gql(`{ me { id } myClients { id } myClientCompany { id } }`, {}, key);
    expect(asPlatform.data).toEqual({ me: null, myClients: [], myClientCompany: null });
  });

  it('C1: bad input is refused with a stable code and nothing is half-written', async () => {
    const taken = companyInput();
    await system.gql(REGISTER_CLIENT_COMPANY, { input: taken }, platform());
    const before = (await clientsDb('SELECT COUNT(*) AS n FROM client_companies'))[0].n;
    const adminsBefore = (await clientsDb('SELECT COUNT(*) AS n FROM client_admins'))[0].n;
    expect(code(await system.gql(REGISTER_CLIENT_COMPANY, { input: companyInput({ fein: '00-1234567' }) }, platform()))).toBe('INVALID_FEIN');
    expect(code(await system.gql(REGISTER_CLIENT_COMPANY, { input: companyInput({ fein: taken.fein }) }, platform()))).toBe('CLIENT_FEIN_TAKEN');
    // The second admin's email is taken: neither the company nor the first admin lands.
    const dup = companyInput({ admins: [admin('New'), { ...admin('Dup'), email: taken.admins[0].email }] });
    expect(code(await system.gql(REGISTER_CLIENT_COMPANY, { input: dup }, platform()))).toBe('CLIENT_ADMIN_EMAIL_TAKEN');
    expect(code(await system.gql(REGISTER_CLIENT_COMPANY, { input: companyInput({ admins: [] }) }, platform()))).toBe('BAD_USER_INPUT');
    expect(code(await system.gql(REGISTER_CLIENT_COMPANY, { input: companyInput({ admins: [{ ...admin('Short'), password: 'short' }] }) }, platform()))).toBe('BAD_USER_INPUT');
    expect((await clientsDb('SELECT COUNT(*) AS n FROM client_companies'))[0].n).toBe(before);
    expect((await clientsDb('SELECT COUNT(*) AS n FROM client_admins'))[0].n).toBe(adminsBefore);
    expect(code(await system.gql(SET_STATUS, { c: '00000000-0000-4000-8000-000000000000', s: 'ACTIVE' }, platform()))).toBe('NOT_FOUND');
  });

  it('C1/G7: a client admin removed, or given other permissions, by the platform loses the tokens issued before', async () => {
    const first = admin('Leaving');
    const second = admin('Staying', ['MANAGE_BENEFITS']);
    const registered = (await system.gql(REGISTER_CLIENT_COMPANY, { input: companyInput({ admins: [first, second] }) }, platform())).data.registerClientCompany;
    const c = registered.id;
    const idOf = (email: string) => registered.admins.find((a: { email: string }) => a.email === email).id;
    const signIn = async (who: { email: string; password: string }) =>
      (await system.gql(LOG_IN_CLIENT_ADMIN, { email: who.email, password: who.password })).data.logInClientAdmin.accessToken as string;
    const leavingToken = await signIn(first);
    const stayingToken = await signIn(second);
    const read = (token: string) => system.gql('{ myClientCompany { id } }', {}, token);
    expect((await read(leavingToken)).data.myClientCompany.id).toBe(c);
    expect((await read(stayingToken)).data.myClientCompany.id).toBe(c);

    expect((await system.gql(UPDATE_ADMIN, { c, a: idOf(second.email), p: ['MANAGE'] }, platform())).errors).toBeUndefined();
    const changed = await eventually(async () => {
      const r = await read(stayingToken);
      return r.status === 401 ? r : undefined;
    }, 15_000, 'the gateway to refuse the token carrying the old permissions');
    expect(changed.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'access-changed' });
    // Signing in again gives a token with the new permissions, which works.
    expect((await read(await signIn(second))).data.myClientCompany.id).toBe(c);
    // The other admin was not touched.
    expect((await read(leavingToken)).data.myClientCompany.id).toBe(c);

    expect((await system.gql(REMOVE_ADMIN, { c, a: idOf(first.email) }, platform())).errors).toBeUndefined();
    const removed = await eventually(async () => {
      const r = await read(leavingToken);
      return r.status === 401 ? r : undefined;
    }, 15_000, 'the gateway to refuse the removed admin\'s token');
    expect(removed.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'session-ended' });
  });

  it('C1: adds and removes admins, changes their permissions and the company status; a company keeps one admin; all audited', async () => {
    const first = admin('First');
    const registered = (await system.gql(REGISTER_CLIENT_COMPANY, { input: companyInput({ admins: [first] }) }, platform())).data.registerClientCompany;
    const c = registered.id;
    const second = admin('Second', ['MANAGE_BENEFITS']);
    const added = await system.gql(ADD_ADMIN, { c, input: second }, platform());
    expect(added.errors).toBeUndefined();
    const secondId = added.data.addClientAdmin.admins.find((a: { email: string }) => a.email === second.email).id;
    expect(code(await system.gql(ADD_ADMIN, { c, input: { ...admin('Again'), email: second.email } }, platform()))).toBe('CLIENT_ADMIN_EMAIL_TAKEN');

    const updated = await system.gql(UPDATE_ADMIN, { c, a: secondId, p: ['MANAGE', 'MANAGE_EMPLOYEES'] }, platform());
    expect(updated.data.updateClientAdminPermissions.admins.find((a: { id: string }) => a.id === secondId).permissions).toEqual(['MANAGE', 'MANAGE_EMPLOYEES']);
    const relogin = await system.gql(`mutation($e: String!, $p: String!) { logInClientAdmin(email: $e, password: $p) { clientAdmin { permissions } } }`, { e: second.email, p: second.password });
    expect(relogin.data.logInClientAdmin.clientAdmin.permissions).toEqual(['MANAGE', 'MANAGE_EMPLOYEES']);

    const status = await system.gql(SET_STATUS, { c, s: 'ACTIVE' }, platform());
    expect(status.data.setClientCompanyStatus.status).toBe('ACTIVE');

    const removed = await system.gql(REMOVE_ADMIN, { c, a: registered.admins[0].id }, platform());
    expect(removed.data.removeClientAdmin.admins.map((a: { id: string }) => a.id)).toEqual([secondId]);
    expect(code(await system.gql(LOG_IN_CLIENT_ADMIN, { email: first.email, password: first.password }))).toBe('INVALID_CREDENTIALS');
    expect(code(await system.gql(REMOVE_ADMIN, { c, a: secondId }, platform()))).toBe('LAST_CLIENT_ADMIN');
    // An admin of another company is not this company's.
    const other = (await system.gql(REGISTER_CLIENT_COMPANY, { input: companyInput() }, platform())).data.registerClientCompany;
    expect(code(await system.gql(REMOVE_ADMIN, { c, a: other.admins[0].id }, platform()))).toBe('NOT_FOUND');

    const read = await system.gql(READ, { c }, platform());
    expect(read.data.platformClientCompany).toMatchObject({ id: c, status: 'ACTIVE', admins: [{ id: secondId }] });

    const token = (await system.gql(LOG_IN_CLIENT_ADMIN, { email: second.email, password: second.password })).data.logInClientAdmin.accessToken;
    const trail = await system.gql(`{ clientAuditTrail(first: 20) { action actorRealm subjectType after } }`, {}, token);
    expect(trail.data.clientAuditTrail.filter((e: { actorRealm: string }) => e.actorRealm === 'platform').map((e: { action: string }) => e.action)).toEqual([
      'CLIENT_ADMIN_REMOVED',
      'CLIENT_STATUS_CHANGED',
      'CLIENT_ADMIN_PERMISSIONS_CHANGED',
      'CLIENT_ADMIN_ADDED',
      'CLIENT_COMPANY_REGISTERED',
    ]);
    expect(JSON.stringify(trail.data)).not.toContain('platform set password');
  });
});
