import { Kafka, logLevel } from 'kafkajs';
import { invitationAccepted, clientLinked } from '@advisor/schema';
import { startTestSystem, eventually, tokenFromMail, type TestSystem } from '../support/test-system';
import { kafkaBrokers } from '../support/env';
import { ACCEPT, INVITE, MY_CLIENTS, registerClient, signUpFirm, type ClientWithAdmin, type SignedUpFirm } from '../support/fixtures';

/**
 * The walking skeleton's one flow, end to end through the gateway, on real MySQL and a real
 * Kafka broker: a firm signs up (F1), a client admin invites it (I1), a firm member accepts
 * (I5), the acceptance crosses Kafka, and `clients` links the firm and assigns the acceptor (C4).
 */
describe('walking skeleton: client invites firm, firm accepts, clients links and assigns (MySQL + Kafka)', () => {
  let system: TestSystem;
  let firm: SignedUpFirm;
  let client: ClientWithAdmin;
  let invitationId: string;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(async () => {
    await system?.teardown();
  });

  it('runs on MySQL and Kafka, not on the embedded fallbacks', () => {
    expect(system.transport.kind).toBe('kafka');
    for (const s of Object.values(system.services)) expect(s.db.kind).toBe('mysql');
  });

  it('F1, I1, I5, C4: the accepted invitation links the firm and assigns the acceptor, across subgraphs', async () => {
    firm = await signUpFirm(system);
    client = await registerClient(system, { name: 'Harbor Coffee' });

    // Before: the firm sees no client.
    const before = await system.gql(MY_CLIENTS, {}, firm.token);
    expect(before.errors).toBeUndefined();
    expect(before.data.myClients).toEqual([]);

    // I1: the client admin invites the accountant, acknowledging firm-wide access.
    const invited = await system.gql(
      INVITE,
      {
        input: {
          accountantName: 'Fran Founder',
          accountantEmail: `fran@${firm.domain}`,
          permissions: ['VIEW_COMPANY', 'VIEW_PAYROLL', 'APPROVE_TIMECARDS'],
          acknowledgeFirmWideAccess: true,
        },
      },
      client.token,
    );
    expect(invited.errors).toBeUndefined();
    expect(invited.data.inviteAccountantFirm).toMatchObject({
      status: 'PENDING',
      client: { id: client.clientId, businessName: 'Harbor Coffee' },
    });
    invitationId = invited.data.inviteAccountantFirm.id;

    // The accountant receives the email with a single-use link.
    const [mail] = system.mailTo(`fran@${firm.domain}`).filter((m) => m.template !== 'firm-sign-up-confirmation');
    expect(mail.template).toBe('client-invites-firm');
    const token = tokenFromMail(mail.text);

    // I5: the firm member accepts.
    const accepted = await system.gql(ACCEPT, { token }, firm.token);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.acceptFirmInvitation).toMatchObject({ id: invitationId, status: 'ACCEPTED' });

    // The acceptance and its event were committed together in `invitations`.
    const [outboxRow] = await system.services.invitations.db.dataSource.query(
      'SELECT topic, message_key AS messageKey, envelope FROM outbox_events WHERE topic = ?',
      [invitationAccepted.topic],
    );
    expect(outboxRow.topic).toBe(invitationAccepted.topic);
    expect(outboxRow.messageKey).toBe(client.clientId);
    expect(JSON.parse(outboxRow.envelope).payload).toMatchObject({
      invitationId,
      clientId: client.clientId,
      firmId: firm.firmId,
      assignMemberId: firm.memberId,
    });
    // No token or secret travels in the event.
    expect(outboxRow.envelope).not.toContain(token);

    // C4, C6: through Kafka, `clients` links and assigns; the answer spans clients, firms and payroll-sync.
    const clients = await eventually(async () => {
      const res = await system.gql(MY_CLIENTS, {}, firm.token);
      // The member's names reach clients by member.joined (another topic, so maybe after the acceptance).
      const ready = res.data?.myClients?.length === 1 && res.data.myClients[0].timeTracking && res.data.myClients[0].assignments.every((a: { member: unknown }) => a.member);
      return ready ? res.data.myClients : undefined;
    }, 20_000, 'the client to appear in the firm member\'s list');
    expect(clients).toEqual([
      {
        id: client.clientId,
        businessName: 'Harbor Coffee',
        platform: 'PAYROLL',
        status: 'ACTIVE',
        myPermissions: ['VIEW_COMPANY', 'VIEW_PAYROLL', 'APPROVE_TIMECARDS'],
        firmLink: {
          permissions: ['VIEW_COMPANY', 'VIEW_PAYROLL', 'APPROVE_TIMECARDS'],
          firm: { id: firm.firmId, name: `Firm ${firm.domain}` },
        },
        assignments: [
          {
            role: 'RESPONSIBLE',
            permissions: ['VIEW_COMPANY', 'VIEW_PAYROLL', 'APPROVE_TIMECARDS'],
            effectivePermissions: ['VIEW_COMPANY', 'VIEW_PAYROLL', 'APPROVE_TIMECARDS'],
            member: { id: firm.memberId, firstName: 'Fran', lastName: 'Founder', workEmail: `fran@${firm.domain}` },
          },
        ],
        timeTracking: { status: 'NOT_CONNECTED' },
      },
    ]);

    // I6: the token is single-use: the acceptor's own retry (a lost response) gets the same
    // success back; anyone else is refused.
    const again = await system.gql(ACCEPT, { token }, firm.token);
    expect(again.errors).toBeUndefined();
    const other = await signUpFirm(system);
    const stranger = await system.gql(ACCEPT, { token }, other.token);
    expect(stranger.errors?.[0]?.extensions?.code).toBe('INVITATION_ALREADY_USED');
  });

  it('delivering the same invitation-accepted event again duplicates nothing', async () => {
    const clientsDb = system.services.clients.db.dataSource;
    const counts = async () => {
      const [[links], [assignments], [processed], [linkedEvents]] = await Promise.all([
        clientsDb.query('SELECT COUNT(*) AS n FROM firm_client_links WHERE client_id = ?', [client.clientId]),
        clientsDb.query('SELECT COUNT(*) AS n FROM assignments WHERE client_id = ?', [client.clientId]),
        clientsDb.query('SELECT COUNT(*) AS n FROM processed_events WHERE topic = ?', [invitationAccepted.topic]),
        clientsDb.query('SELECT COUNT(*) AS n FROM outbox_events WHERE topic = ?', [clientLinked.topic]),
      ]);
      return {
        links: Number(links.n),
        assignments: Number(assignments.n),
        processed: Number(processed.n),
        linkedEvents: Number(linkedEvents.n),
      };
    };
    const before = await counts();
    expect(before).toEqual({ links: 1, assignments: 1, processed: 1, linkedEvents: 1 });

    // Where the `clients` consumer group stands on the invitation-accepted topic.
    const kafka = new Kafka({ clientId: 'redelivery-test', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const topic = `${system.kafkaNamespace}${invitationAccepted.topic}`;
    const committed = async () => {
      const [result] = await admin.fetchOffsets({ groupId: `${system.kafkaNamespace}clients`, topics: [topic] });
      return result.partitions.reduce((sum, p) => sum + Math.max(Number(p.offset), 0), 0);
    };
    const endOffsets = async () =>
      (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.offset), 0);
    try {
      const committedBefore = await eventually(async () => {
        const [c, end] = [await committed(), await endOffsets()];
        return c === end && c > 0 ? c : undefined;
      }, 15_000, 'the consumer group to commit the first delivery');

      // The relay published but "crashed" before marking the row: it publishes the same event again.
      await system.services.invitations.db.dataSource.query('UPDATE outbox_events SET published_at = NULL');
      await eventually(async () => ((await endOffsets()) === committedBefore + 1 ? true : undefined), 15_000, 'the duplicate to be on the topic');
      // The consumer group moves past the duplicate only after handling it.
      await eventually(async () => ((await committed()) === committedBefore + 1 ? true : undefined), 15_000, 'the duplicate to be consumed');
    } finally {
      await admin.disconnect();
    }

    expect(await counts()).toEqual(before);

    // The same message handed straight to the consumer again is recognised as a duplicate too.
    const [row] = await system.services.invitations.db.dataSource.query('SELECT envelope, message_key AS k FROM outbox_events WHERE topic = ?', [invitationAccepted.topic]);
    const outcome = await system.services.clients.consumer!.process({
      topic: invitationAccepted.topic,
      key: row.k,
      value: row.envelope,
      partition: 0,
      offset: '0',
    });
    expect(outcome).toBe('duplicate');
    expect(await counts()).toEqual(before);

    // Downstream, payroll-sync's copy holds the client's one link.
    const [access] = await system.services.payrollSync.db.dataSource.query(
      'SELECT COUNT(*) AS n FROM client_links WHERE client_id = ?',
      [client.clientId],
    );
    expect(Number(access.n)).toBe(1);
  });
});
