import { startTestSystem, eventually, tokenFromMail, type TestSystem } from '../support/test-system';
import { ACCEPT, INVITE, MY_CLIENTS, registerClient, signUpFirm } from '../support/fixtures';

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
    const token = tokenFromMail(system.mailTo(`fran@${firm.domain}`)[0].text);
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
    const [row] = await system.services.invitations.db.dataSource.query('SELECT envelope, message_key AS k FROM outbox_events');
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
});
