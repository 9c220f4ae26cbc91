import { createHash } from 'node:crypto';
import { startTestSystem, eventually, type TestSystem } from '../support/test-system';
import { inviteAndJoin, registerClient, signUpFirm, type SignedUpFirm } from '../support/fixtures';
import { addPayrollClient } from '../support/client-fixtures';

const CREATE = `mutation($input: CreateServiceAccountInput!) {
  createServiceAccount(input: $input) { secret serviceAccount { id name scopes createdAt lastUsedAt revokedAt createdBy { id } } }
}`;
const LIST = `{ serviceAccounts { id name scopes lastUsedAt revokedAt } }`;
const REVOKE = `mutation($id: ID!) { revokeServiceAccount(id: $id) { id revokedAt } }`;
const EXCHANGE = `mutation($secret: String!) {
  exchangeServiceAccountSecret(secret: $secret) { accessToken expiresAt serviceAccount { id name } }
}`;
const CLIENT_IDS = `{ myClients { id } }`;

const code = (res: { errors?: Array<{ extensions?: { code?: string } }> }) => res.errors?.[0]?.extensions?.code;

/**
 * SPEC G6 through the gateway: a firm ADMIN creates, lists and revokes service accounts; a
 * service exchanges its secret for a short-lived token that reads only its firm's data and
 * changes nothing; revocation stops the secret and the tokens already issued; all of it audited.
 */
describe('G6: service accounts', () => {
  let system: TestSystem;
  let firmA: SignedUpFirm;
  let firmB: SignedUpFirm;
  let clientA: string;
  let clientB: string;

  const create = async (token: string, name: string, scopes: string[]) => {
    const res = await system.gql(CREATE, { input: { name, scopes } }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.createServiceAccount as { secret: string; serviceAccount: { id: string; scopes: string[] } };
  };
  const exchange = async (secret: string) => {
    const res = await system.gql(EXCHANGE, { secret });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.exchangeServiceAccountSecret.accessToken as string;
  };

  beforeAll(async () => {
    system = await startTestSystem();
    firmA = await signUpFirm(system);
    firmB = await signUpFirm(system);
    clientA = await addPayrollClient(system, firmA.token, 'Alpha Bakery');
    clientB = await addPayrollClient(system, firmB.token, 'Beta Brewing');
  });
  afterAll(async () => {
    await system?.teardown();
  });

  it('G6: an ADMIN creates one and sees its 256-bit secret once; only its hash is stored; the list never shows it', async () => {
    const created = await create(firmA.token, 'Payroll exporter', ['READ', 'EVENTS_READ']);
    expect(created.serviceAccount).toMatchObject({ name: 'Payroll exporter', scopes: ['EVENTS_READ', 'READ'], lastUsedAt: null, revokedAt: null });
    expect(created.secret).toMatch(/^adsa_[A-Za-z0-9_-]{43}$/); // 32 random bytes
    const rows = await system.services.firms.db.dataSource.query('SELECT * FROM service_accounts WHERE id = ?', [created.serviceAccount.id]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain(created.secret.slice(5));
    expect(rows[0].secret_hash).toBe(createHash('sha256').update(created.secret).digest('hex'));
    const list = await system.gql(LIST, {}, firmA.token);
    expect(list.data.serviceAccounts.map((a: { id: string }) => a.id)).toContain(created.serviceAccount.id);
    expect(JSON.stringify(list.data)).not.toContain(created.secret);
  });

  it('G6: refuses members (even with MANAGE_MEMBERS), client admins, anonymous callers and bad input', async () => {
    const manager = await inviteAndJoin(system, firmA, { permissions: ['MANAGE_MEMBERS', 'VIEW_ALL_CLIENTS'] });
    const client = await registerClient(system);
    const input = { input: { name: 'x', scopes: ['READ'] } };
    expect(code(await system.gql(CREATE, input, manager.token))).toBe('FORBIDDEN');
    expect(code(await system.gql(LIST, {}, manager.token))).toBe('FORBIDDEN');
    expect(code(await system.gql(CREATE, input, client.token))).toBe('FORBIDDEN');
    expect(code(await system.gql(CREATE, input))).toBe('UNAUTHENTICATED');
    expect(code(await system.gql(LIST))).toBe('UNAUTHENTICATED');
    const noScopes = await system.gql(CREATE, { input: { name: 'x', scopes: [] } }, firmA.token);
    expect(code(noScopes)).toBe('BAD_USER_INPUT');
    expect(code(await system.gql(CREATE, { input: { name: '   ', scopes: ['READ'] } }, firmA.token))).toBe('BAD_USER_INPUT');
    expect(code(await system.gql(EXCHANGE, { secret: 'adsa_not-a-real-secret' }))).toBe('INVALID_SERVICE_ACCOUNT_SECRET');
    expect(code(await system.gql(EXCHANGE, { secret: 'anything' }))).toBe('INVALID_SERVICE_ACCOUNT_SECRET');
  });

  it("G6: its token reads every client of its own firm and none of another firm's (cross-firm isolation)", async () => {
    const a = await exchange((await create(firmA.token, 'A reader', ['READ'])).secret);
    const b = await exchange((await create(firmB.token, 'B reader', ['READ'])).secret);
    const seenByA = (await system.gql(CLIENT_IDS, {}, a)).data.myClients.map((c: { id: string }) => c.id);
    const seenByB = (await system.gql(CLIENT_IDS, {}, b)).data.myClients.map((c: { id: string }) => c.id);
    expect(seenByA).toContain(clientA);
    expect(seenByA).not.toContain(clientB);
    expect(seenByB).toContain(clientB);
    expect(seenByB).not.toContain(clientA);
    // It is no member: `me` is null, the team and the audit trail are not its to read.
    const me = await system.gql(`{ me { id } }`, {}, a);
    expect(me.data.me).toBeNull();
    expect(code(await system.gql(`{ firmAuditTrail { id } }`, {}, a))).toBe('FORBIDDEN');
    // An events-only account reads no client at all.
    const eventsOnly = await exchange((await create(firmA.token, 'A listener', ['EVENTS_READ'])).secret);
    expect((await system.gql(CLIENT_IDS, {}, eventsOnly)).data.myClients).toEqual([]);
  });

  it('G6: its token changes nothing, in any service: every mutation is FORBIDDEN', async () => {
    const token = await exchange((await create(firmA.token, 'A writer?', ['READ', 'EVENTS_READ'])).secret);
    const mutations: Array<[string, Record<string, unknown>]> = [
      [`mutation { updateFirm(input: { name: "Hijacked" }) { id } }`, {}],
      [`mutation($input: CreateServiceAccountInput!) { createServiceAccount(input: $input) { secret } }`, { input: { name: 'more', scopes: ['READ'] } }],
      [`mutation { logOut }`, {}],
      [`mutation($input: AddPayrollClientInput!) { addPayrollClient(input: $input) { id } }`, { input: { businessName: 'Sneaky Co', fein: '45-9999999' } }],
      [`mutation($input: AssignMemberInput!) { assignMember(input: $input) { role } }`, { input: { clientId: clientA, memberId: firmA.memberId, role: 'COLLABORATOR', permissions: ['VIEW_COMPANY'] } }],
      [`mutation { createClientGroup(name: "Paid on the 20th") { id } }`, {}],
      [`mutation($clientId: ID!) { runPayroll(clientId: $clientId, periodId: "00000000-0000-4000-8000-000000000000") { id } }`, { clientId: clientA }],
    ];
    for (const [query, variables] of mutations) {
      const res = await system.gql(query, variables, token);
      if (code(res) === 'GRAPHQL_VALIDATION_FAILED') throw new Error(`${query}: ${JSON.stringify(res.errors)}`);
      expect([query, code(res)]).toEqual([query, 'FORBIDDEN']);
    }
  });

  it("G6: revocation stops the secret and the tokens already issued; another firm's admin cannot revoke it; both audited", async () => {
    const created = await create(firmA.token, 'Short-lived', ['READ']);
    const token = await exchange(created.secret);
    expect(code(await system.gql(CLIENT_IDS, {}, token))).toBeUndefined();
    expect(code(await system.gql(REVOKE, { id: created.serviceAccount.id }, firmB.token))).toBe('NOT_FOUND');
    const revoked = await system.gql(REVOKE, { id: created.serviceAccount.id }, firmA.token);
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data.revokeServiceAccount.revokedAt).toEqual(expect.any(String));
    // Revoking again answers the same and records nothing more.
    expect((await system.gql(REVOKE, { id: created.serviceAccount.id }, firmA.token)).data.revokeServiceAccount.revokedAt).toBe(
      revoked.data.revokeServiceAccount.revokedAt,
    );
    expect(code(await system.gql(EXCHANGE, { secret: created.secret }))).toBe('INVALID_SERVICE_ACCOUNT_SECRET');
    await eventually(async () => code(await system.gql(CLIENT_IDS, {}, token)) === 'UNAUTHENTICATED', 20_000, 'the gateway to refuse the revoked token');

    const trail = await system.gql(`query($id: ID) { firmAuditTrail(subjectId: $id) { action subjectType actor { id } before after } }`, { id: created.serviceAccount.id }, firmA.token);
    expect(trail.data.firmAuditTrail.map((e: { action: string }) => e.action)).toEqual(['SERVICE_ACCOUNT_REVOKED', 'SERVICE_ACCOUNT_CREATED']);
    for (const e of trail.data.firmAuditTrail) {
      expect(e).toMatchObject({ subjectType: 'SERVICE_ACCOUNT', actor: { id: firmA.memberId } });
      expect(`${e.before}${e.after}`).not.toContain(created.secret);
    }
    expect(JSON.parse(trail.data.firmAuditTrail[0].after)).toEqual({ name: 'Short-lived', scopes: ['read'], revoked: true });
  });

  it('F10: an account with an end date stops by itself: its secret at once, its tokens at the gateway after the sweep, which ends it once across replicas; audited', async () => {
    const inAnHour = () => new Date(system.clock.now().getTime() + 60 * 60_000).toISOString();
    const past = await system.gql(CREATE, { input: { name: 'Too late', scopes: ['READ'], endsAt: new Date(system.clock.now().getTime() - 1_000).toISOString() } }, firmA.token);
    expect(code(past)).toBe('END_DATE_IN_PAST');
    expect(code(await system.gql(CREATE, { input: { name: 'Bad date', scopes: ['READ'], endsAt: 'next Tuesday' } }, firmA.token))).toBe('BAD_USER_INPUT');

    const created = await system.gql(`mutation($input: CreateServiceAccountInput!) { createServiceAccount(input: $input) { secret serviceAccount { id endsAt endedAt } } }`, { input: { name: 'Quarter-end auditor', scopes: ['READ'], endsAt: inAnHour() } }, firmA.token);
    expect(created.errors).toBeUndefined();
    const { secret, serviceAccount } = created.data.createServiceAccount;
    expect(serviceAccount).toMatchObject({ endsAt: expect.any(String), endedAt: null });
    const keeper = await create(firmA.token, 'No end date', ['READ']);
    const token = await exchange(secret);
    const keeperToken = await exchange(keeper.secret);
    expect(code(await system.gql(CLIENT_IDS, {}, token))).toBeUndefined();

    system.clock.advance(2 * 60 * 60_000);
    // Past its end date the secret is refused at once, before any sweep.
    expect(code(await system.gql(EXCHANGE, { secret }))).toBe('INVALID_SERVICE_ACCOUNT_SECRET');
    // Two replicas sweeping at once (each its own transaction): the account ends once.
    const ended = await Promise.all([system.services.firms.domain.serviceAccounts.endExpired(), system.services.firms.domain.serviceAccounts.endExpired()]);
    expect(ended.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await system.services.firms.domain.serviceAccountExpiry.sweep()).toBe(0);
    await eventually(async () => code(await system.gql(CLIENT_IDS, {}, token)) === 'UNAUTHENTICATED', 20_000, 'the gateway to refuse the ended account\'s token');
    // An account without an end date is untouched.
    expect(code(await system.gql(CLIENT_IDS, {}, keeperToken))).toBeUndefined();

    const list = await system.gql(`{ serviceAccounts { id endsAt endedAt revokedAt } }`, {}, firmA.token);
    expect(list.data.serviceAccounts.find((a: { id: string }) => a.id === serviceAccount.id)).toMatchObject({ endedAt: expect.any(String), revokedAt: null });
    const trail = await system.gql(`query($id: ID) { firmAuditTrail(subjectId: $id) { action actor { id } after } }`, { id: serviceAccount.id }, firmA.token);
    expect(trail.data.firmAuditTrail.map((e: { action: string }) => e.action)).toEqual(['SERVICE_ACCOUNT_ENDED_BY_END_DATE', 'SERVICE_ACCOUNT_CREATED']);
    expect(trail.data.firmAuditTrail[0].actor).toBeNull();
    expect(JSON.parse(trail.data.firmAuditTrail[0].after)).toMatchObject({ revoked: false, ended: true });
  });
});
