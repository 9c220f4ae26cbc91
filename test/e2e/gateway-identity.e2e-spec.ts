import {
  AccessTokenIssuer,
  GATEWAY_SECRET_HEADER,
  IDENTITY_HEADER,
  encodeIdentity,
  generateSigningKeyPair,
  type FirmMemberIdentity,
  type Identity,
} from '@advisor/kit';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { linkClientToFirm, registerClient, signUpFirm, type ClientWithAdmin, type SignedUpFirm } from '../support/fixtures';

type SubgraphKey = 'firms' | 'clients' | 'invitations' | 'payrollSync';
const SECRET_NAME: Record<SubgraphKey, 'firms' | 'clients' | 'invitations' | 'payroll-sync'> = {
  firms: 'firms',
  clients: 'clients',
  invitations: 'invitations',
  payrollSync: 'payroll-sync',
};

/** SPEC G1: one endpoint; identity established at the gateway; subgraphs answer only the gateway. */
describe('G1: gateway identity and subgraph secrets (MySQL + Kafka)', () => {
  let system: TestSystem;
  let firm: SignedUpFirm;
  let otherFirm: SignedUpFirm;
  let client: ClientWithAdmin;

  const direct = async (service: SubgraphKey, body: object, headers: Record<string, string> = {}) => {
    const res = await fetch(system.services[service].url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const firmIdentity = (f: SignedUpFirm): Identity => ({
    realm: 'firm',
    memberId: f.memberId,
    firmId: f.firmId,
    email: `fran@${f.domain}`,
    firmRole: 'ADMIN',
    permissions: ['MANAGE_FIRM', 'MANAGE_MEMBERS', 'MANAGE_CLIENTS', 'ASSIGN_CLIENTS', 'VIEW_ALL_CLIENTS'],
  });

  beforeAll(async () => {
    system = await startTestSystem();
    firm = await signUpFirm(system);
    otherFirm = await signUpFirm(system);
    client = await registerClient(system);
    await linkClientToFirm(system, firm, client);
  });
  afterAll(async () => {
    await system?.teardown();
  });

  const SELECTION: Partial<Record<SubgraphKey, string>> = {
    clients: '... on ClientCompany { id businessName }',
    payrollSync: '... on ClientCompany { id timeTracking { status } }',
    firms: '... on Member { id workEmail }',
  };
  const SERVICES: SubgraphKey[] = ['firms', 'clients', 'invitations', 'payrollSync'];

  it.each(SERVICES)('G1: %s refuses _service without the gateway secret', async (service) => {
    const res = await direct(service, { query: '{ _service { sdl } }' });
    expect(res.status).toBe(403);
    expect(res.body.errors[0].extensions.code).toBe('UNTRUSTED_CALLER');
    expect(res.body.data).toBeUndefined();
  });

  it.each(SERVICES)('G1: %s refuses _entities with a wrong secret and a forged identity', async (service) => {
    const res = await direct(
      service,
      {
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
        variables: { r: [{ __typename: 'ClientCompany', id: client.clientId }] },
      },
      { [GATEWAY_SECRET_HEADER]: 'not-the-secret-of-this-subgraph', [IDENTITY_HEADER]: encodeIdentity(firmIdentity(firm)) },
    );
    expect(res.status).toBe(403);
    expect(res.body.errors[0].extensions.code).toBe('UNTRUSTED_CALLER');
  });

  it.each(SERVICES)("G1: %s refuses another subgraph's secret", async (service) => {
    const other = SERVICES.find((s) => s !== service)!;
    const res = await direct(service, { query: '{ _service { sdl } }' }, { [GATEWAY_SECRET_HEADER]: system.secrets[SECRET_NAME[other]] });
    expect(res.status).toBe(403);
  });

  it.each(SERVICES)('G1: %s answers the gateway (its own secret)', async (service) => {
    const res = await direct(service, { query: '{ _service { sdl } }' }, { [GATEWAY_SECRET_HEADER]: system.secrets[SECRET_NAME[service]] });
    expect(res.status).toBe(200);
    expect(res.body.data._service.sdl).toContain('type');
  });

  it('C6: __resolveReference authorizes: another firm gets nothing for a client, its member or its integration', async () => {
    const entities = async (service: SubgraphKey, representations: object[], identity: Identity) =>
      direct(
        service,
        {
          query: `query($r: [_Any!]!) { _entities(representations: $r) { ${SELECTION[service]} } }`,
          variables: { r: representations },
        },
        { [GATEWAY_SECRET_HEADER]: system.secrets[SECRET_NAME[service]], [IDENTITY_HEADER]: encodeIdentity(identity) },
      );

    const clientRef = [{ __typename: 'ClientCompany', id: client.clientId }];
    const own = await entities('clients', clientRef, firmIdentity(firm));
    expect(own.body.data._entities).toEqual([{ id: client.clientId, businessName: expect.any(String) }]);
    const foreign = await entities('clients', clientRef, firmIdentity(otherFirm));
    expect(foreign.body.data._entities).toEqual([null]);
    const anonymous = await entities('clients', clientRef, { realm: 'anonymous' });
    expect(anonymous.body.data._entities).toEqual([null]);

    const memberRef = [{ __typename: 'Member', id: firm.memberId }];
    expect((await entities('firms', memberRef, firmIdentity(firm))).body.data._entities[0]).toMatchObject({ id: firm.memberId });
    expect((await entities('firms', memberRef, firmIdentity(otherFirm))).body.data._entities).toEqual([null]);

    const ownPayroll = await entities('payrollSync', clientRef, firmIdentity(firm));
    expect(ownPayroll.body.data._entities[0].timeTracking).toEqual({ status: 'NOT_CONNECTED' });
    const foreignPayroll = await entities('payrollSync', clientRef, firmIdentity(otherFirm));
    expect(foreignPayroll.body.data._entities[0].timeTracking).toBeNull();
  });

  it("C6: through the gateway another firm's member does not see the client", async () => {
    const res = await system.gql('{ myClients { id } }', {}, otherFirm.token);
    expect(res.errors).toBeUndefined();
    expect(res.data.myClients).toEqual([]);
  });

  it('G1: the gateway refuses a malformed, forged or expired bearer token with 401 UNAUTHENTICATED', async () => {
    const malformed = await system.gql('{ me { id } }', {}, 'not-a-jwt');
    expect(malformed.status).toBe(401);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const foreignIssuer = await AccessTokenIssuer.fromPem(generateSigningKeyPair().privateKeyPem);
    const forged = await foreignIssuer.issue(firmIdentity(firm) as FirmMemberIdentity, 'session');
    const forgedRes = await system.gql('{ me { id } }', {}, forged.token);
    expect(forgedRes.status).toBe(401);

    const realIssuer = await AccessTokenIssuer.fromPem(system.keys.privateKeyPem);
    const expired = await realIssuer.issue(
      firmIdentity(firm) as FirmMemberIdentity,
      'session',
      new Date(Date.now() - 60 * 60 * 1000),
    );
    const expiredRes = await system.gql('{ me { id } }', {}, expired.token);
    expect(expiredRes.status).toBe(401);
    expect(expiredRes.errors?.[0]?.message).toMatch(/expired/);

    const valid = await system.gql('{ me { id } }', {}, firm.token);
    expect(valid.status).toBe(200);
    expect(valid.data.me).toEqual({ id: firm.memberId });
  });

  it('G1: without a token the caller is anonymous: sign-up works, private data is refused', async () => {
    const res = await system.gql('{ myClients { id } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const me = await system.gql('{ me { id } }');
    expect(me.data.me).toBeNull();
  });
});
