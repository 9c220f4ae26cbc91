import { createLogger } from '@advisor/kit';
import { SUPERGRAPH_PATH, startGateway } from '@advisor/gateway';
import { startTestSystem, eventually, type TestSystem } from '../support/test-system';
import { inviteAndJoin, linkClientToFirm, registerClient, signUpFirm, type ClientWithAdmin, type JoinedMember, type SignedUpFirm } from '../support/fixtures';
import { assignWhenKnown } from '../support/client-fixtures';
import { connectSubscriber, type Frame, type Subscriber } from '../support/subscriber';

const ASSIGNMENTS = `subscription Assignments {
  assignmentChanged { clientId firmId memberId change permissions client { id businessName } }
}`;
/** Fields of two subgraphs in one payload: businessName (clients), timeTracking (payroll-sync). */
const ASSIGNMENTS_WITH_PAYROLL = `subscription AssignmentsWithPayroll {
  assignmentChanged { clientId firmId memberId change client { name: businessName ...Payroll } }
}
fragment Payroll on ClientCompany { timeTracking { status } }`;
const LINKS = `subscription Links { clientLinked { clientId firmId permissions client { businessName } } }`;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const pairs = (frames: Frame[], field: string) =>
  frames.map((f) => `${f.data?.[field]?.clientId}/${f.data?.[field]?.memberId ?? '-'}`).sort();

/** SPEC G2 with C6: subscriptions over graphql-ws on the gateway's /graphql, fed by real Kafka. */
describe('G2 subscriptions (graphql-ws on the gateway, fed by Kafka)', () => {
  let system: TestSystem;
  let firmA: SignedUpFirm;
  let firmB: SignedUpFirm;
  let alpha: ClientWithAdmin;
  let viewAll: JoinedMember;
  let assigned: JoinedMember;
  let unassigned: JoinedMember;
  const open: Subscriber[] = [];
  /** SPEC G6: a firm's service account, its secret exchanged for a service-realm access token. */
  const serviceAccountToken = async (firm: SignedUpFirm, name: string) => {
    const created = await system.gql(`mutation($input: CreateServiceAccountInput!) { createServiceAccount(input: $input) { secret } }`, { input: { name, scopes: ['READ', 'EVENTS_READ'] } }, firm.token);
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    const exchanged = await system.gql(`mutation($secret: String!) { exchangeServiceAccountSecret(secret: $secret) { accessToken } }`, { secret: created.data.createServiceAccount.secret });
    if (exchanged.errors) throw new Error(JSON.stringify(exchanged.errors));
    return exchanged.data.exchangeServiceAccountSecret.accessToken as string;
  };
  const connect = async (token: string) => {
    const s = await connectSubscriber(system.gatewayUrl, bearer(token));
    open.push(s);
    return s;
  };

  beforeAll(async () => {
    system = await startTestSystem();
    [firmA, firmB] = await Promise.all([signUpFirm(system), signUpFirm(system)]);
    alpha = await registerClient(system, { name: 'Alpha Co' });
    await linkClientToFirm(system, firmA, alpha, ['VIEW_COMPANY', 'VIEW_PAYROLL']);
    viewAll = await inviteAndJoin(system, firmA, { permissions: ['VIEW_ALL_CLIENTS'] });
    assigned = await inviteAndJoin(system, firmA);
    unassigned = await inviteAndJoin(system, firmA);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(open.map((s) => s.dispose().catch(() => undefined)));
    await system?.teardown();
  });

  it('G2, C6, G6: a VIEW_ALL_CLIENTS member, an assigned member, an unassigned member, another firm, each firm\'s service account and the client admin each receive exactly what they may see, with two subgraphs in one payload', async () => {
    const subs = {
      serviceA: await connect(await serviceAccountToken(firmA, 'feed of A')),
      serviceB: await connect(await serviceAccountToken(firmB, 'feed of B')),
      viewAll: await connect(viewAll.token),
      assigned: await connect(assigned.token),
      unassigned: await connect(unassigned.token),
      otherFirm: await connect(firmB.token),
      clientAdmin: await connect(alpha.token),
    };
    for (const [name, s] of Object.entries(subs)) {
      s.subscribe('assignments', name === 'assigned' ? ASSIGNMENTS_WITH_PAYROLL : ASSIGNMENTS);
      s.subscribe('links', LINKS);
    }
    await new Promise((r) => setTimeout(r, 500));

    // Firm A: the assigned member joins Alpha; a new client links to A (its founder is assigned).
    await assignWhenKnown(system, firmA, { clientId: alpha.clientId, memberId: assigned.memberId, permissions: ['VIEW_COMPANY', 'VIEW_PAYROLL'] });
    const alphaThree = await registerClient(system, { name: 'Alpha Three' });
    await linkClientToFirm(system, firmA, alphaThree);
    // Firm B: a client with a marker name links to B.
    const bravo = await registerClient(system, { name: 'Bravo Marker Co' });
    await linkClientToFirm(system, firmB, bravo);

    await eventually(
      async () =>
        subs.viewAll.framesOf('assignments').length >= 2 &&
        subs.viewAll.framesOf('links').length >= 1 &&
        subs.otherFirm.framesOf('links').length >= 1 &&
        subs.otherFirm.framesOf('assignments').length >= 1 &&
        subs.serviceA.framesOf('assignments').length >= 2 &&
        subs.serviceB.framesOf('links').length >= 1 &&
        subs.assigned.framesOf('assignments').length >= 1 &&
        subs.clientAdmin.framesOf('assignments').length >= 1,
      20_000,
      'the events to reach their subscribers',
    );
    // Anything that should not arrive has had time to.
    await new Promise((r) => setTimeout(r, 2_000));

    expect(Object.values(subs).flatMap((s) => s.errors)).toEqual([]);
    expect(Object.values(subs).flatMap((s) => s.frames.flatMap((f) => f.errors ?? []))).toEqual([]);

    // VIEW_ALL_CLIENTS: every event of firm A, nothing else.
    expect(pairs(subs.viewAll.framesOf('assignments'), 'assignmentChanged')).toEqual(
      [`${alpha.clientId}/${assigned.memberId}`, `${alphaThree.clientId}/${firmA.memberId}`].sort(),
    );
    expect(pairs(subs.viewAll.framesOf('links'), 'clientLinked')).toEqual([`${alphaThree.clientId}/-`]);
    expect(subs.viewAll.framesOf('links')[0].data!.clientLinked.client).toEqual({ businessName: 'Alpha Three' });

    // SPEC G6: a service account sees its firm's events as a member with VIEW_ALL_CLIENTS does, and only those.
    expect(pairs(subs.serviceA.framesOf('assignments'), 'assignmentChanged')).toEqual(pairs(subs.viewAll.framesOf('assignments'), 'assignmentChanged'));
    expect(pairs(subs.serviceA.framesOf('links'), 'clientLinked')).toEqual([`${alphaThree.clientId}/-`]);
    expect(pairs(subs.serviceB.framesOf('links'), 'clientLinked')).toEqual([`${bravo.clientId}/-`]);
    expect(pairs(subs.serviceB.framesOf('assignments'), 'assignmentChanged')).toEqual([`${bravo.clientId}/${firmB.memberId}`]);

    // The assigned member: their own assignment, with fields of two subgraphs in one payload.
    const [own] = subs.assigned.framesOf('assignments');
    expect(subs.assigned.framesOf('assignments')).toHaveLength(1);
    expect(own.data!.assignmentChanged).toMatchObject({ clientId: alpha.clientId, firmId: firmA.firmId, memberId: assigned.memberId, change: 'ASSIGNED' });
    expect(own.data!.assignmentChanged.client.name).toBe('Alpha Co');
    expect(own.data!.assignmentChanged.client.timeTracking).toEqual({ status: expect.any(String) });
    expect(subs.assigned.framesOf('links')).toEqual([]);

    // The unassigned member sees no client of the firm: nothing.
    expect(subs.unassigned.frames).toEqual([]);

    // Alpha's own admin: the events about Alpha only.
    expect(pairs(subs.clientAdmin.framesOf('assignments'), 'assignmentChanged')).toEqual([`${alpha.clientId}/${assigned.memberId}`]);
    expect(subs.clientAdmin.framesOf('links')).toEqual([]);

    // Firm B: its own link and its founder's assignment, and no event crosses a tenant.
    expect(pairs(subs.otherFirm.framesOf('links'), 'clientLinked')).toEqual([`${bravo.clientId}/-`]);
    expect(pairs(subs.otherFirm.framesOf('assignments'), 'assignmentChanged')).toEqual([`${bravo.clientId}/${firmB.memberId}`]);
    const firmAFrames = JSON.stringify([subs.viewAll, subs.assigned, subs.unassigned, subs.clientAdmin, subs.serviceA].map((s) => s.frames));
    for (const marker of [firmB.firmId, bravo.clientId, 'Bravo Marker']) expect(firmAFrames).not.toContain(marker);
    const firmBFrames = JSON.stringify([subs.otherFirm, subs.serviceB].map((s) => s.frames));
    for (const marker of [firmA.firmId, alpha.clientId, alphaThree.clientId, 'Alpha']) expect(firmBFrames).not.toContain(marker);

    // C6: the query the filter asks answers for the client's firm as the directory decides.
    const ONE = `query($id: ID!) { clientCompany(id: $id) { businessName } }`;
    expect((await system.gql(ONE, { id: alpha.clientId }, assigned.token)).data.clientCompany).toEqual({ businessName: 'Alpha Co' });
    expect((await system.gql(ONE, { id: alpha.clientId }, unassigned.token)).data.clientCompany).toBeNull();
    expect((await system.gql(ONE, { id: alpha.clientId }, firmB.token)).data.clientCompany).toBeNull();
    expect((await system.gql(ONE, { id: alpha.clientId }, alpha.token)).data.clientCompany).toEqual({ businessName: 'Alpha Co' });
  });

  it('G2: a log-out ends the subscriptions of that token within seconds (4403); others stay open', async () => {
    const member = await inviteAndJoin(system, firmA, { permissions: ['VIEW_ALL_CLIENTS'] });
    const leaving = await connect(member.token);
    leaving.subscribe('assignments', ASSIGNMENTS);
    const staying = await connect(viewAll.token);
    staying.subscribe('assignments', ASSIGNMENTS);
    await new Promise((r) => setTimeout(r, 300));

    const loggedOut = await system.gql(`mutation { logOut }`, {}, member.token);
    expect(loggedOut.errors).toBeUndefined();
    const started = Date.now();
    const closed = await Promise.race([leaving.closed, new Promise<null>((r) => setTimeout(() => r(null), 10_000))]);
    expect(closed).toMatchObject({ code: 4403 });
    expect(Date.now() - started).toBeLessThan(10_000);

    // The other subscriber still receives.
    await assignWhenKnown(system, firmA, { clientId: alpha.clientId, memberId: unassigned.memberId, permissions: ['VIEW_COMPANY'] });
    await eventually(async () => staying.framesOf('assignments').some((f) => f.data?.assignmentChanged.memberId === unassigned.memberId), 15_000, 'the event after the other log-out');
    expect(leaving.frames).toEqual([]);
  });

  it('G2: a missing, forged or ended token closes the connection with 4403', async () => {
    const none = await connectSubscriber(system.gatewayUrl, undefined);
    expect(await none.closed).toMatchObject({ code: 4403 });
    const forged = await connectSubscriber(system.gatewayUrl, bearer(`${firmA.token.slice(0, -4)}AAAA`));
    expect(await forged.closed).toMatchObject({ code: 4403 });
    const member = await inviteAndJoin(system, firmA);
    await system.gql(`mutation { logOut }`, {}, member.token);
    await eventually(async () => (await system.gql(`{ me { id } }`, {}, member.token)).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED', 10_000, 'the log-out to reach the gateway');
    const ended = await connectSubscriber(system.gatewayUrl, bearer(member.token));
    expect(await ended.closed).toMatchObject({ code: 4403 });
  });

  it('G2, G7: subscription documents meet the query limits; queries over WebSocket and unknown fields are refused', async () => {
    const s = await connect(viewAll.token);
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: clientId`).join(' ');
    s.subscribe('aliases', `subscription { assignmentChanged { ${aliases} } }`);
    s.subscribe('query', `query { me { id } }`);
    s.subscribe('unknown', `subscription { assignmentChanged { noSuchField } }`);
    s.subscribe('two-roots', `subscription { assignmentChanged { clientId } clientLinked { clientId } }`);
    await eventually(async () => s.errors.length >= 4, 10_000, 'four refusals');
    const codeOf = (name: string) => {
      const error = s.errors.find((e) => e.name === name)?.error as Array<{ extensions?: { code?: string } }>;
      return error?.[0]?.extensions?.code;
    };
    expect(codeOf('aliases')).toBe('QUERY_TOO_COMPLEX');
    expect(codeOf('query')).toBe('BAD_USER_INPUT');
    expect(codeOf('unknown')).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(codeOf('two-roots')).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('G2: two gateway replicas, each in its own consumer group, both deliver', async () => {
    const second = await startGateway(
      {
        host: '127.0.0.1',
        port: 0,
        supergraphPath: SUPERGRAPH_PATH,
        tokenPublicKeyPem: system.keys.publicKeyPem,
        replicaId: 'second-replica',
        subgraphs: {
          firms: { url: system.services.firms.url, secret: system.secrets.firms },
          clients: { url: system.services.clients.url, secret: system.secrets.clients },
          invitations: { url: system.services.invitations.url, secret: system.secrets.invitations },
          'payroll-sync': { url: system.services.payrollSync.url, secret: system.secrets['payroll-sync'] },
        },
      },
      createLogger({ name: 'second-gateway', level: 'warn' }),
      system.transport,
    );
    try {
      const one = await connect(viewAll.token);
      const two = await connectSubscriber(second.url, bearer(viewAll.token));
      open.push(two);
      one.subscribe('links', LINKS);
      two.subscribe('links', LINKS);
      await new Promise((r) => setTimeout(r, 500));
      const gamma = await registerClient(system, { name: 'Gamma Co' });
      await linkClientToFirm(system, firmA, gamma);
      for (const s of [one, two]) {
        await eventually(async () => s.framesOf('links').some((f) => f.data?.clientLinked.clientId === gamma.clientId), 20_000, 'the link on both replicas');
      }
      expect(two.framesOf('links').map((f) => f.data!.clientLinked.client)).toEqual([{ businessName: 'Gamma Co' }]);
    } finally {
      await second.stop();
    }
  });
});
