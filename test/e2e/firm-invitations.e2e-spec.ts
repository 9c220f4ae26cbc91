import { randomUUID } from 'node:crypto';
import { DAY_MS } from '@advisor/kit';
import { clientCompanyChanged, clientLinked, invitationAccepted } from '@advisor/schema';
import { startTestSystem, eventually, type TestSystem } from '../support/test-system';
import { INVITE, MY_CLIENTS, inviteAndJoin, linkClientToFirm, registerClient, signUpFirm, type SignedUpFirm } from '../support/fixtures';
import {
  ACCEPT_REQUEST,
  AUDIT_TRAIL,
  FIRM_REQUESTS,
  MARK_READ,
  MY_NOTIFICATIONS,
  RECEIVED_REQUESTS,
  REJECT_REQUEST,
  REQUEST_ACCESS,
  invitationsDb,
  lockInvitationRow,
  outboxEventsAbout,
  registerClientWithAdmins,
  requestAccessOnceListed,
  requestInput,
  whenInDirectory,
  whenLinkKnown,
  whenWaitingOnInvitation,
  type AdminPermission,
  type RegisteredClient,
} from '../support/invitation-fixtures';

const code = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

/** SPEC I2, I3, I4, I6, I7, C7 and G4 for firm → client invitations, through the gateway, on MySQL and Kafka. */
describe('firm → client invitations (I2, I3, I4, I6, I7, C7, G4)', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(async () => {
    await system?.teardown();
  });

  /** Everything the invitations service holds about one client: a refusal must leave all of it as it was. */
  const writtenAbout = async (clientId: string) => {
    const [[invitations], [notifications], [audit]] = await Promise.all([
      invitationsDb(system, 'SELECT COUNT(*) AS n FROM invitations WHERE client_id = ?', [clientId]),
      invitationsDb(system, 'SELECT COUNT(*) AS n FROM notifications WHERE client_id = ?', [clientId]),
      invitationsDb(system, "SELECT COUNT(*) AS n FROM audit_trail WHERE scope_type = 'CLIENT' AND scope_id = ?", [clientId]),
    ]);
    return { invitations: Number(invitations.n), notifications: Number(notifications.n), audit: Number(audit.n) };
  };
  const mailsOf = (client: RegisteredClient) => client.admins.map((a) => system.mailTo(a.email).length);

  /** A firm, a client with one qualifying admin, and the firm's pending request to it. */
  const pendingRequest = async (opts: { admins?: AdminPermission[][]; permissions?: string[] } = {}) => {
    const firm = await signUpFirm(system);
    const client = await registerClientWithAdmins(system, { admins: opts.admins });
    const res = await requestAccessOnceListed(
      system,
      firm.token,
      requestInput(client, opts.permissions ? { permissions: opts.permissions } : {}),
    );
    expect(res.errors).toBeUndefined();
    return { firm, client, invitation: res.data.requestClientAccess };
  };

  it('I3: only signed-in firm members holding MANAGE_CLIENTS (or ADMIN) can ask a client for access', async () => {
    const firm = await signUpFirm(system);
    const client = await registerClientWithAdmins(system);
    await whenInDirectory(system, client.clientId);
    const staff = await inviteAndJoin(system, firm, { permissions: ['ASSIGN_CLIENTS'] });

    expect(code(await system.gql(REQUEST_ACCESS, requestInput(client), staff.token))).toBe('FORBIDDEN');
    expect(code(await system.gql(REQUEST_ACCESS, requestInput(client), client.token))).toBe('FORBIDDEN');
    expect(code(await system.gql(REQUEST_ACCESS, requestInput(client)))).toBe('UNAUTHENTICATED');
    expect(await writtenAbout(client.clientId)).toEqual({ invitations: 0, notifications: 0, audit: 0 });
    expect(mailsOf(client)).toEqual([0]);

    // A member with MANAGE_CLIENTS who is not an ADMIN may.
    const manager = await inviteAndJoin(system, firm, { permissions: ['MANAGE_CLIENTS'] });
    const sent = await system.gql(REQUEST_ACCESS, requestInput(client), manager.token);
    expect(sent.errors).toBeUndefined();
    expect(sent.data.requestClientAccess).toMatchObject({ kind: 'FIRM_TO_CLIENT', requestedBy: { id: manager.memberId } });
  });

  it('I3: bad input is refused with BAD_USER_INPUT naming the fields', async () => {
    const firm = await signUpFirm(system);
    const res = await system.gql(
      REQUEST_ACCESS,
      { input: { businessName: '  ', fein: '12-34', platform: 'PAYROLL', permissions: [] } },
      firm.token,
    );
    expect(code(res)).toBe('BAD_USER_INPUT');
    const fields = (res.errors?.[0]?.extensions as { fields: Array<{ field: string }> }).fields.map((f) => f.field).sort();
    expect(fields).toEqual(['businessName', 'fein', 'permissions']);
  });

  it('I3: an FEIN that matches no client company is refused: nothing is written and nobody is emailed', async () => {
    const firm = await signUpFirm(system);
    const client = await registerClientWithAdmins(system);
    await whenInDirectory(system, client.clientId);
    const before = await writtenAbout(client.clientId);
    const [invitationsBefore] = await invitationsDb(system, 'SELECT COUNT(*) AS n FROM invitations');
    const [notificationsBefore] = await invitationsDb(system, 'SELECT COUNT(*) AS n FROM notifications');

    const res = await system.gql(REQUEST_ACCESS, requestInput(client, { fein: '98-7654321' }), firm.token);
    expect(code(res)).toBe('CLIENT_NOT_FOUND_ON_PLATFORM');
    expect(res.errors?.[0]?.message).toMatch(/98-7654321/);
    expect(res.errors?.[0]?.message).toMatch(/nothing was sent/i);

    const [invitationsAfter] = await invitationsDb(system, 'SELECT COUNT(*) AS n FROM invitations');
    const [notificationsAfter] = await invitationsDb(system, 'SELECT COUNT(*) AS n FROM notifications');
    expect(Number(invitationsAfter.n)).toBe(Number(invitationsBefore.n));
    expect(Number(notificationsAfter.n)).toBe(Number(notificationsBefore.n));
    expect(await writtenAbout(client.clientId)).toEqual(before);
    expect(mailsOf(client)).toEqual([0]);
  });

  it('I3: an existing FEIN on the other platform is refused too', async () => {
    const firm = await signUpFirm(system);
    const client = await registerClientWithAdmins(system, { platform: 'PAYROLL' });
    // The client is in the directory: the refusal is about the platform, not about a late event.
    await whenInDirectory(system, client.clientId);

    const res = await system.gql(REQUEST_ACCESS, requestInput(client, { platform: 'PEO' }), firm.token);
    expect(code(res)).toBe('CLIENT_NOT_FOUND_ON_PLATFORM');
    expect(res.errors?.[0]?.message).toMatch(/PEO/);
    expect(await writtenAbout(client.clientId)).toEqual({ invitations: 0, notifications: 0, audit: 0 });
    expect(mailsOf(client)).toEqual([0]);
  });

  it('I3: every client admin holding MANAGE and MANAGE_EMPLOYEES, and only they, gets one email and one notification', async () => {
    const firm = await signUpFirm(system);
    const client = await registerClientWithAdmins(system, {
      name: 'Harbor Coffee LLC',
      platform: 'PEO',
      admins: [
        ['MANAGE', 'MANAGE_EMPLOYEES'],
        ['MANAGE', 'MANAGE_EMPLOYEES', 'MANAGE_PAYMENTS'],
        ['MANAGE', 'MANAGE_PAYMENTS'],
      ],
    });
    const [first, second, withoutEmployees] = client.admins;

    // The FEIN typed as nine digits, the name without its legal form: still the same client.
    const res = await requestAccessOnceListed(
      system,
      firm.token,
      requestInput(client, {
        fein: client.fein.replace('-', ''),
        businessName: 'harbor coffee',
        permissions: ['VIEW_COMPANY', 'VIEW_PAYROLL', 'VIEW_COMPANY'],
      }),
    );
    expect(res.errors).toBeUndefined();
    const invitation = res.data.requestClientAccess;
    expect(invitation).toMatchObject({
      kind: 'FIRM_TO_CLIENT',
      status: 'PENDING',
      businessName: 'harbor coffee',
      businessNameMatches: true,
      platform: 'PEO',
      permissions: ['VIEW_COMPANY', 'VIEW_PAYROLL'],
      requestedPermissions: ['VIEW_COMPANY', 'VIEW_PAYROLL'],
      accountantEmail: `fran@${firm.domain}`,
      requestedBy: { id: firm.memberId },
      acceptedAt: null,
      rejectedAt: null,
    });
    // SPEC I6: seven days to answer.
    expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.sentAt)).toBe(7 * DAY_MS);

    // One email to each qualifying admin, linking to the request; none to the third admin.
    for (const admin of [first, second]) {
      const mails = system.mailTo(admin.email);
      expect(mails).toHaveLength(1);
      expect(mails[0].template).toBe('firm-requests-access');
      expect(mails[0].text).toContain(`/requests/${invitation.id}`);
      expect(mails[0].text).toContain('Harbor Coffee LLC');
    }
    expect(system.mailTo(withoutEmployees.email)).toHaveLength(0);

    // One in-product notification each, about this request; none for the third admin.
    for (const admin of [first, second]) {
      const list = await system.gql(MY_NOTIFICATIONS, {}, admin.token);
      expect(list.errors).toBeUndefined();
      expect(list.data.myNotifications).toEqual([
        expect.objectContaining({ kind: 'FIRM_REQUESTED_ACCESS', read: false, readAt: null, invitation: { id: invitation.id, status: 'PENDING' } }),
      ]);
    }
    const none = await system.gql(MY_NOTIFICATIONS, {}, withoutEmployees.token);
    expect(none.data.myNotifications).toEqual([]);
    const rows = await invitationsDb(system, 'SELECT recipient_id FROM notifications WHERE invitation_id = ?', [invitation.id]);
    expect(rows.map((r) => r.recipient_id).sort()).toEqual([first.id, second.id].sort());

    // SPEC I6: a random token, stored only as its hash.
    const [row] = await invitationsDb(system, 'SELECT token_hash, firm_id, sent_by_realm, sent_by_id FROM invitations WHERE id = ?', [invitation.id]);
    expect(row).toMatchObject({ firm_id: firm.firmId, sent_by_realm: 'firm', sent_by_id: firm.memberId });
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);

    // SPEC I4: the qualifying admins see it among the requests their company received.
    const received = await system.gql(RECEIVED_REQUESTS, {}, second.token);
    expect(received.data.receivedFirmRequests.map((r: { id: string }) => r.id)).toEqual([invitation.id]);
  });

  it('I3: a typed business name that differs from the registered one is kept and flagged', async () => {
    const firm = await signUpFirm(system);
    const client = await registerClientWithAdmins(system, { name: 'Blue Heron Bakery' });
    const res = await requestAccessOnceListed(system, firm.token, requestInput(client, { businessName: 'Red Fox Deli' }));
    expect(res.errors).toBeUndefined();
    expect(res.data.requestClientAccess).toMatchObject({ businessName: 'Red Fox Deli', businessNameMatches: false });
  });

  it('C7: the firm tracks its pending requests under Requested, per platform; other firms never see them', async () => {
    const { firm, client, invitation } = await pendingRequest();
    const colleague = await inviteAndJoin(system, firm, { permissions: [] });
    const other = await signUpFirm(system);

    const all = await system.gql(FIRM_REQUESTS, {}, firm.token);
    expect(all.errors).toBeUndefined();
    expect(all.data.firmRequests).toEqual([
      { id: invitation.id, status: 'PENDING', platform: 'PAYROLL', businessName: client.businessName },
    ]);
    expect((await system.gql(FIRM_REQUESTS, { platform: 'PAYROLL' }, colleague.token)).data.firmRequests).toHaveLength(1);
    expect((await system.gql(FIRM_REQUESTS, { platform: 'PEO' }, firm.token)).data.firmRequests).toEqual([]);
    expect((await system.gql(FIRM_REQUESTS, {}, other.token)).data.firmRequests).toEqual([]);
    expect(code(await system.gql(FIRM_REQUESTS, {}, client.token))).toBe('FORBIDDEN');
    expect(code(await system.gql(FIRM_REQUESTS, {}))).toBe('UNAUTHENTICATED');
  });

  it('I3: one pending request per firm and client; other firms may ask too, and a client\'s own pending invitation does not block them', async () => {
    const { firm, client } = await pendingRequest();
    const other = await signUpFirm(system);
    const before = await writtenAbout(client.clientId);

    // The same firm asking again is refused, and nothing is written or sent.
    const again = await system.gql(REQUEST_ACCESS, requestInput(client), firm.token);
    expect(code(again)).toBe('FIRM_INVITATION_ALREADY_PENDING');
    expect(again.errors?.[0]?.message).toMatch(/already asked/);
    expect(await writtenAbout(client.clientId)).toEqual(before);
    expect(mailsOf(client)).toEqual([1]);

    // G7: a first request does not lock the client: another firm's request is sent.
    const fromOther = await system.gql(REQUEST_ACCESS, requestInput(client), other.token);
    expect(fromOther.errors).toBeUndefined();
    expect(fromOther.data.requestClientAccess.status).toBe('PENDING');
    expect(mailsOf(client)).toEqual([2]);

    // Nor does a firm request keep the client from inviting its own accountant (SPEC I2 counts the client's own only).
    const invited = await system.gql(
      INVITE,
      { input: { accountantName: 'Pat', accountantEmail: `pat@${firm.domain}`, permissions: ['VIEW_COMPANY'], acknowledgeFirmWideAccess: true } },
      client.token,
    );
    expect(invited.errors).toBeUndefined();
    // ... and the client's own pending invitation does not block a firm's request.
    const third = await signUpFirm(system);
    expect((await system.gql(REQUEST_ACCESS, requestInput(client), third.token)).errors).toBeUndefined();
  });

  it('I3: accepting one firm\'s request supersedes every other pending request and invitation of the client; the firms are told and cannot be accepted', async () => {
    const { firm, client, invitation } = await pendingRequest();
    const rival = await signUpFirm(system);
    const rivalRequest = await system.gql(REQUEST_ACCESS, requestInput(client), rival.token);
    expect(rivalRequest.errors).toBeUndefined();
    const third = await signUpFirm(system);
    const invited = await system.gql(
      INVITE,
      { input: { accountantName: 'Pat', accountantEmail: `pat@${third.domain}`, permissions: ['VIEW_COMPANY'], acknowledgeFirmWideAccess: true } },
      client.token,
    );
    expect(invited.errors).toBeUndefined();
    const inviteToken = /token=([A-Za-z0-9_-]+)/.exec(system.mailTo(`pat@${third.domain}`)[0].text)![1];
    const rivalMailsBefore = system.mailTo(`fran@${rival.domain}`).length;

    // The client picks the rival's request.
    const accepted = await system.gql(ACCEPT_REQUEST, { invitationId: rivalRequest.data.requestClientAccess.id }, client.token);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.acceptFirmRequest.status).toBe('ACCEPTED');

    const received = (await system.gql(RECEIVED_REQUESTS, {}, client.token)).data.receivedFirmRequests as Array<{ id: string; status: string }>;
    expect(received.find((r) => r.id === invitation.id)?.status).toBe('SUPERSEDED');
    const [own] = await invitationsDb(system, "SELECT status FROM invitations WHERE client_id = ? AND kind = 'CLIENT_TO_FIRM'", [client.clientId]);
    expect(own.status).toBe('SUPERSEDED');
    // The first firm no longer lists it under Requested, and is told by email; the winner gets no such email.
    expect((await system.gql(FIRM_REQUESTS, {}, firm.token)).data.firmRequests).toEqual([]);
    const told = system.mailTo(`fran@${firm.domain}`).filter((m) => m.template === 'invitation-superseded');
    expect(told).toHaveLength(1);
    expect(told[0].text).toMatch(/accepted another accounting firm/);
    expect(system.mailTo(`pat@${third.domain}`).filter((m) => m.template === 'invitation-superseded')).toHaveLength(1);
    expect(system.mailTo(`fran@${rival.domain}`).slice(rivalMailsBefore).filter((m) => m.template === 'invitation-superseded')).toHaveLength(0);

    // Superseded means over: neither the request nor the invitation can be accepted any more.
    const late = await system.gql(ACCEPT_REQUEST, { invitationId: invitation.id }, client.token);
    expect(code(late)).toBe('INVITATION_ALREADY_USED');
    expect(late.errors?.[0]?.message).toMatch(/no longer stands/);
    const lateInvite = await system.gql(`mutation($token: String!) { acceptFirmInvitation(token: $token) { id status } }`, { token: inviteToken }, third.token);
    expect(['INVITATION_ALREADY_USED', 'CLIENT_ALREADY_HAS_FIRM']).toContain(code(lateInvite));

    // G4: the supersession is on the first firm's invitation trail.
    const trail = await system.gql(AUDIT_TRAIL, {}, firm.token);
    const actions = trail.data.invitationAuditTrail.map((e: { action: string }) => e.action);
    expect(actions).toContain('INVITATION_SUPERSEDED');
  });

  it('I4: the client admin edits the permissions and accepts; the client appears in the requesting member\'s list with exactly those, the member assigned', async () => {
    const firm = await signUpFirm(system);
    const requester = await inviteAndJoin(system, firm, { permissions: ['MANAGE_CLIENTS'] });
    const client = await registerClientWithAdmins(system, { name: 'Cedar Dental' });
    const sent = await requestAccessOnceListed(
      system,
      requester.token,
      requestInput(client, { permissions: ['VIEW_COMPANY', 'VIEW_PAYROLL', 'RUN_PAYROLL'] }),
    );
    expect(sent.errors).toBeUndefined();
    const invitationId = sent.data.requestClientAccess.id;

    // At least one permission must stay.
    expect(code(await system.gql(ACCEPT_REQUEST, { invitationId, permissions: [] }, client.token))).toBe('BAD_USER_INPUT');

    const accepted = await system.gql(ACCEPT_REQUEST, { invitationId, permissions: ['VIEW_COMPANY', 'APPROVE_TIMECARDS'] }, client.token);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.acceptFirmRequest).toMatchObject({
      id: invitationId,
      status: 'ACCEPTED',
      permissions: ['VIEW_COMPANY', 'APPROVE_TIMECARDS'],
      requestedPermissions: ['VIEW_COMPANY', 'VIEW_PAYROLL', 'RUN_PAYROLL'],
    });
    expect(accepted.data.acceptFirmRequest.acceptedAt).toEqual(expect.any(String));

    // Who accepted is stored; the acceptance and its event were committed together.
    const [row] = await invitationsDb(system, 'SELECT status, accepted_by_id FROM invitations WHERE id = ?', [invitationId]);
    expect(row).toEqual({ status: 'ACCEPTED', accepted_by_id: client.admins[0].id });
    const events = await outboxEventsAbout(system, invitationId);
    expect(events).toHaveLength(1);
    expect(events[0].topic).toBe(invitationAccepted.topic);
    expect(JSON.parse(events[0].envelope).payload).toEqual({
      invitationId,
      kind: 'FIRM_TO_CLIENT',
      clientId: client.clientId,
      firmId: firm.firmId,
      acceptedBy: { realm: 'client', id: client.admins[0].id },
      assignMemberId: requester.memberId,
      permissions: ['VIEW_COMPANY', 'APPROVE_TIMECARDS'],
      acceptedAt: accepted.data.acceptFirmRequest.acceptedAt,
    });

    // C2, C4 through Kafka: the clients service links the firm with the edited permissions and
    // assigns the member who asked.
    const clients = await eventually(async () => {
      const res = await system.gql(MY_CLIENTS, {}, requester.token);
      // The member's names reach clients by member.joined (another topic, so maybe after the acceptance).
      const ready = res.data?.myClients?.length === 1 && res.data.myClients[0].timeTracking && res.data.myClients[0].assignments.every((a: { member: unknown }) => a.member);
      return ready ? res.data.myClients : undefined;
    }, 20_000, 'the client to appear in the requesting member\'s list');
    expect(clients).toEqual([
      expect.objectContaining({
        id: client.clientId,
        businessName: 'Cedar Dental',
        myPermissions: ['VIEW_COMPANY', 'APPROVE_TIMECARDS'],
        firmLink: { permissions: ['VIEW_COMPANY', 'APPROVE_TIMECARDS'], firm: { id: firm.firmId, name: `Firm ${firm.domain}` } },
        assignments: [
          expect.objectContaining({
            role: 'RESPONSIBLE',
            permissions: ['VIEW_COMPANY', 'APPROVE_TIMECARDS'],
            member: expect.objectContaining({ id: requester.memberId }),
          }),
        ],
      }),
    ]);

    // Answered: no longer under Requested, and cannot be answered otherwise; the same admin's
    // retried acceptance (a lost response) gets the same success back (I6).
    expect((await system.gql(FIRM_REQUESTS, {}, requester.token)).data.firmRequests).toEqual([]);
    const retried = await system.gql(ACCEPT_REQUEST, { invitationId, permissions: ['VIEW_COMPANY', 'APPROVE_TIMECARDS'] }, client.token);
    expect(retried.errors).toBeUndefined();
    expect(code(await system.gql(ACCEPT_REQUEST, { invitationId }, client.token))).toBe('INVITATION_ALREADY_USED');
    expect(code(await system.gql(REJECT_REQUEST, { invitationId }, client.token))).toBe('INVITATION_ALREADY_USED');
  });

  it('I4: accepting without edits grants what the firm asked for', async () => {
    const { client, invitation } = await pendingRequest({ permissions: ['VIEW_REPORTS', 'VIEW_TAX_DOCUMENTS'] });
    const accepted = await system.gql(ACCEPT_REQUEST, { invitationId: invitation.id }, client.token);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.acceptFirmRequest.permissions).toEqual(['VIEW_REPORTS', 'VIEW_TAX_DOCUMENTS']);
  });

  it('I4: rejecting marks the request REJECTED, sends no event and links nothing; the firm may ask again', async () => {
    const { firm, client, invitation } = await pendingRequest();
    const rejected = await system.gql(REJECT_REQUEST, { invitationId: invitation.id }, client.token);
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data.rejectFirmRequest).toMatchObject({ id: invitation.id, status: 'REJECTED', acceptedAt: null });
    expect(rejected.data.rejectFirmRequest.rejectedAt).toEqual(expect.any(String));
    const [row] = await invitationsDb(system, 'SELECT status, rejected_by_id FROM invitations WHERE id = ?', [invitation.id]);
    expect(row).toEqual({ status: 'REJECTED', rejected_by_id: client.admins[0].id });
    expect(await outboxEventsAbout(system, invitation.id)).toEqual([]);

    expect(code(await system.gql(ACCEPT_REQUEST, { invitationId: invitation.id }, client.token))).toBe('INVITATION_ALREADY_USED');
    expect((await system.gql(FIRM_REQUESTS, {}, firm.token)).data.firmRequests).toEqual([]);
    const [links] = await system.services.clients.db.dataSource.query('SELECT COUNT(*) AS n FROM firm_client_links WHERE client_id = ?', [
      client.clientId,
    ]);
    expect(Number(links.n)).toBe(0);

    // Nothing pending any more: a new request may be sent.
    expect((await system.gql(REQUEST_ACCESS, requestInput(client), firm.token)).errors).toBeUndefined();
  });

  it('I4: an admin of another client gets NOT_FOUND; an admin without MANAGE_EMPLOYEES, or a firm member, gets FORBIDDEN', async () => {
    const { firm, client, invitation } = await pendingRequest({ admins: [['MANAGE', 'MANAGE_EMPLOYEES'], ['MANAGE']] });
    const otherClient = await registerClient(system);
    const narrowAdmin = client.admins[1];
    const invitationId = invitation.id;

    expect(code(await system.gql(ACCEPT_REQUEST, { invitationId }, otherClient.token))).toBe('NOT_FOUND');
    expect(code(await system.gql(REJECT_REQUEST, { invitationId }, otherClient.token))).toBe('NOT_FOUND');
    expect(code(await system.gql(ACCEPT_REQUEST, { invitationId: randomUUID() }, client.token))).toBe('NOT_FOUND');
    expect(code(await system.gql(ACCEPT_REQUEST, { invitationId }, narrowAdmin.token))).toBe('FORBIDDEN');
    expect(code(await system.gql(REJECT_REQUEST, { invitationId }, narrowAdmin.token))).toBe('FORBIDDEN');
    expect(code(await system.gql(RECEIVED_REQUESTS, {}, narrowAdmin.token))).toBe('FORBIDDEN');
    expect(code(await system.gql(ACCEPT_REQUEST, { invitationId }, firm.token))).toBe('FORBIDDEN');
    expect(code(await system.gql(ACCEPT_REQUEST, { invitationId }))).toBe('UNAUTHENTICATED');
    // Another company's list does not show it.
    expect((await system.gql(RECEIVED_REQUESTS, {}, otherClient.token)).data.receivedFirmRequests).toEqual([]);

    const [row] = await invitationsDb(system, 'SELECT status FROM invitations WHERE id = ?', [invitationId]);
    expect(row.status).toBe('PENDING');
    expect(await outboxEventsAbout(system, invitationId)).toEqual([]);
  });

  it('I6: two admins accepting at once give exactly one acceptance and one event', async () => {
    const { client, invitation } = await pendingRequest({ admins: [['MANAGE', 'MANAGE_EMPLOYEES'], ['MANAGE', 'MANAGE_EMPLOYEES']] });
    const [a, b] = client.admins;
    // Every answer reads the request as PENDING, then they all queue on the same row.
    const lock = await lockInvitationRow(system, invitation.id);
    let pending: Array<Promise<any>>;
    try {
      pending = [
        system.gql(ACCEPT_REQUEST, { invitationId: invitation.id, permissions: ['VIEW_COMPANY'] }, a.token),
        system.gql(ACCEPT_REQUEST, { invitationId: invitation.id, permissions: ['VIEW_PAYROLL'] }, b.token),
        system.gql(ACCEPT_REQUEST, { invitationId: invitation.id }, a.token),
        system.gql(ACCEPT_REQUEST, { invitationId: invitation.id }, b.token),
      ];
      await whenWaitingOnInvitation(system, invitation.id, pending.length, client.clientId);
    } finally {
      await lock.release();
    }
    const results = await Promise.all(pending);
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((r) => r.errors)) expect(code(r)).toBe('INVITATION_ALREADY_USED');

    // The stored acceptance is the one that answered OK: its admin and its permissions.
    const winner = ok[0].data.acceptFirmRequest;
    const [row] = await invitationsDb(system, 'SELECT status, permissions, accepted_by_id FROM invitations WHERE id = ?', [invitation.id]);
    expect(row.status).toBe('ACCEPTED');
    expect(JSON.parse(row.permissions)).toEqual(winner.permissions);
    const events = await outboxEventsAbout(system, invitation.id);
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].envelope).payload).toMatchObject({ permissions: winner.permissions, acceptedBy: { id: row.accepted_by_id } });
    const [audit] = await invitationsDb(system, "SELECT COUNT(*) AS n FROM audit_trail WHERE subject_id = ? AND action = 'INVITATION_ACCEPTED'", [
      invitation.id,
    ]);
    // One acceptance, recorded once in the client's trail and once in the firm's.
    expect(Number(audit.n)).toBe(2);
  });

  it('I6: a request expires 7 days after it is sent: it cannot be answered and leaves the Requested tab', async () => {
    const { firm, client, invitation } = await pendingRequest();
    system.clock.advance(7 * DAY_MS + 1000);
    try {
      expect(code(await system.gql(ACCEPT_REQUEST, { invitationId: invitation.id }, client.token))).toBe('INVITATION_EXPIRED');
      expect(code(await system.gql(REJECT_REQUEST, { invitationId: invitation.id }, client.token))).toBe('INVITATION_EXPIRED');
      expect((await system.gql(FIRM_REQUESTS, {}, firm.token)).data.firmRequests).toEqual([]);
      const received = await system.gql(RECEIVED_REQUESTS, {}, client.token);
      expect(received.data.receivedFirmRequests).toEqual([expect.objectContaining({ id: invitation.id, status: 'EXPIRED' })]);
      // An expired request no longer blocks a new one (SPEC I2).
      const again = await system.gql(REQUEST_ACCESS, requestInput(client), firm.token);
      expect(again.errors).toBeUndefined();
    } finally {
      system.clock.advance(-(7 * DAY_MS + 1000));
    }
    const [row] = await invitationsDb(system, 'SELECT status FROM invitations WHERE id = ?', [invitation.id]);
    expect(row.status).toBe('PENDING');
    expect(await outboxEventsAbout(system, invitation.id)).toEqual([]);
  });

  describe('once the client is linked to a firm', () => {
    let firm: SignedUpFirm;
    let client: RegisteredClient;

    beforeAll(async () => {
      firm = await signUpFirm(system);
      client = await registerClientWithAdmins(system, { name: 'Linked Lumber' });
      await whenInDirectory(system, client.clientId);
      await linkClientToFirm(system, firm, client);
      await whenLinkKnown(system, client.clientId);
    });

    it('I2: a client → firm invitation is refused with CLIENT_ALREADY_HAS_FIRM', async () => {
      const other = await signUpFirm(system);
      const before = await writtenAbout(client.clientId);
      const res = await system.gql(
        INVITE,
        { input: { accountantName: 'Pat', accountantEmail: `pat@${other.domain}`, permissions: ['VIEW_COMPANY'], acknowledgeFirmWideAccess: true } },
        client.token,
      );
      expect(code(res)).toBe('CLIENT_ALREADY_HAS_FIRM');
      expect(await writtenAbout(client.clientId)).toEqual(before);
      expect(system.mailTo(`pat@${other.domain}`)).toHaveLength(0);
    });

    it('I2: a firm request is refused with CLIENT_ALREADY_HAS_FIRM, from the linked firm ("already linked") or any other', async () => {
      const other = await signUpFirm(system);
      const before = await writtenAbout(client.clientId);
      const mailsBefore = mailsOf(client);

      const same = await system.gql(REQUEST_ACCESS, requestInput(client), firm.token);
      expect(code(same)).toBe('CLIENT_ALREADY_HAS_FIRM');
      expect(same.errors?.[0]?.message).toMatch(/already linked/);
      const fromOther = await system.gql(REQUEST_ACCESS, requestInput(client), other.token);
      expect(code(fromOther)).toBe('CLIENT_ALREADY_HAS_FIRM');

      expect(await writtenAbout(client.clientId)).toEqual(before);
      expect(mailsOf(client)).toEqual(mailsBefore);
    });

    it('G4: the client → firm invitation\'s sending and acceptance are in the client\'s and the firm\'s trails', async () => {
      const clientTrail = await system.gql(AUDIT_TRAIL, {}, client.token);
      expect(clientTrail.errors).toBeUndefined();
      const actions = clientTrail.data.invitationAuditTrail.map((e: { action: string; actorRealm: string }) => [e.action, e.actorRealm]);
      expect(actions).toEqual([
        ['INVITATION_ACCEPTED', 'FIRM'],
        ['INVITATION_SENT', 'CLIENT'],
      ]);
      const [accepted, sent] = clientTrail.data.invitationAuditTrail;
      expect(sent.actorId).toBe(client.admins[0].id);
      expect(sent.before).toBeNull();
      expect(JSON.parse(sent.after)).toMatchObject({ kind: 'CLIENT_TO_FIRM', status: 'PENDING', permissions: ['VIEW_COMPANY', 'VIEW_PAYROLL'] });
      expect(accepted.actorId).toBe(firm.memberId);
      expect(JSON.parse(accepted.before)).toMatchObject({ status: 'PENDING', firmId: null });
      expect(JSON.parse(accepted.after)).toMatchObject({ status: 'ACCEPTED', firmId: firm.firmId });

      // The firm's trail holds the acceptance (the firm was not known when the invitation was sent).
      const firmTrail = await system.gql(AUDIT_TRAIL, {}, firm.token);
      expect(firmTrail.data.invitationAuditTrail.map((e: { action: string }) => e.action)).toEqual(['INVITATION_ACCEPTED']);
    });

    it('I3: while a firm\'s request is pending, the client can still invite its own accountant, and accepting that invitation supersedes the request', async () => {
      const requester = await signUpFirm(system);
      const fresh = await registerClientWithAdmins(system);
      const sent = await requestAccessOnceListed(system, requester.token, requestInput(fresh));
      expect(sent.errors).toBeUndefined();
      const invite = await system.gql(
        INVITE,
        { input: { accountantName: 'Fran', accountantEmail: `fran@${firm.domain}`, permissions: ['VIEW_COMPANY'], acknowledgeFirmWideAccess: true } },
        fresh.token,
      );
      expect(invite.errors).toBeUndefined();
      const token = /token=([A-Za-z0-9_-]+)/.exec(system.mailTo(`fran@${firm.domain}`).filter((m) => m.template === 'client-invites-firm').pop()!.text)![1];
      const accepted = await system.gql(`mutation($token: String!) { acceptFirmInvitation(token: $token) { id status } }`, { token }, firm.token);
      expect(accepted.errors).toBeUndefined();
      const [row] = await invitationsDb(system, 'SELECT status FROM invitations WHERE id = ?', [sent.data.requestClientAccess.id]);
      expect(row.status).toBe('SUPERSEDED');
      expect(system.mailTo(`fran@${requester.domain}`).filter((m) => m.template === 'invitation-superseded')).toHaveLength(1);
    });

    it('I2: once one acceptance has claimed the client, a second cannot be accepted even before the link arrives', async () => {
      const fresh = await registerClientWithAdmins(system);
      const sent = await requestAccessOnceListed(system, firm.token, requestInput(fresh));
      expect(sent.errors).toBeUndefined();
      const accepted = await system.gql(ACCEPT_REQUEST, { invitationId: sent.data.requestClientAccess.id }, fresh.token);
      expect(accepted.errors).toBeUndefined();
      // The claim lives in a table of its own, apart from the shared link copy.
      const [claim] = await invitationsDb(system, 'SELECT firm_id FROM link_claims WHERE client_id = ?', [fresh.clientId]);
      expect(claim.firm_id).toBe(firm.firmId);
      const other = await signUpFirm(system);
      expect(code(await system.gql(REQUEST_ACCESS, requestInput(fresh), other.token))).toBe('CLIENT_ALREADY_HAS_FIRM');
      await whenLinkKnown(system, fresh.clientId);
      const [link] = await invitationsDb(system, 'SELECT firm_id FROM client_links WHERE client_id = ?', [fresh.clientId]);
      expect(link.firm_id).toBe(firm.firmId);
      const [claims] = await invitationsDb(system, 'SELECT COUNT(*) AS n FROM link_claims WHERE client_id = ?', [fresh.clientId]);
      expect(Number(claims.n)).toBe(0);
    });

    it('I3: redelivering the same client-company.changed and client.linked events changes nothing; an out-of-date one is ignored', async () => {
      const clientsDb = system.services.clients.db.dataSource;
      const consumer = system.services.invitations.consumer!;
      const snapshot = async () => ({
        directory: await invitationsDb(system, 'SELECT * FROM client_directory WHERE client_id = ?', [client.clientId]),
        links: await invitationsDb(system, 'SELECT * FROM client_links WHERE client_id = ?', [client.clientId]),
        processed: Number((await invitationsDb(system, 'SELECT COUNT(*) AS n FROM processed_events'))[0].n),
      });
      const before = await snapshot();
      expect(before.directory).toHaveLength(1);
      expect(before.links).toHaveLength(1);

      // The exact rows the clients service published, handed to the consumer again.
      for (const contract of [clientCompanyChanged, clientLinked]) {
        const rows = await clientsDb.query('SELECT envelope, message_key AS k FROM outbox_events WHERE topic = ? AND message_key = ?', [
          contract.topic,
          client.clientId,
        ]);
        expect(rows.length).toBeGreaterThanOrEqual(1);
        for (const row of rows) {
          const outcome = await consumer.process({ topic: contract.topic, key: row.k, value: row.envelope, partition: 0, offset: '0' });
          expect(outcome).toBe('duplicate');
        }
      }
      expect(await snapshot()).toEqual(before);

      // A different, older description of the company (e.g. delivered late) does not overwrite the newer one.
      const [row] = await clientsDb.query('SELECT envelope FROM outbox_events WHERE topic = ? AND message_key = ? ORDER BY seq DESC LIMIT 1', [
        clientCompanyChanged.topic,
        client.clientId,
      ]);
      const original = JSON.parse(row.envelope);
      const stale = {
        ...original,
        eventId: randomUUID(),
        payload: { ...original.payload, businessName: 'Stale Name', changedAt: new Date(Date.parse(original.payload.changedAt) - 60_000).toISOString() },
      };
      const outcome = await consumer.process({ topic: clientCompanyChanged.topic, key: client.clientId, value: JSON.stringify(stale), partition: 0, offset: '0' });
      expect(outcome).toBe('processed');
      const after = await snapshot();
      expect(after.directory).toEqual(before.directory);
      expect(after.processed).toBe(before.processed + 1);
    });
  });

  it('I7: a client admin sees only their own notifications and marks them read; someone else\'s is NOT_FOUND', async () => {
    const { firm, client, invitation } = await pendingRequest({ admins: [['MANAGE', 'MANAGE_EMPLOYEES'], ['MANAGE', 'MANAGE_EMPLOYEES']] });
    const [a, b] = client.admins;
    const other = await registerClient(system);
    const mine = (await system.gql(MY_NOTIFICATIONS, {}, a.token)).data.myNotifications;
    const theirs = (await system.gql(MY_NOTIFICATIONS, {}, b.token)).data.myNotifications;
    expect(mine).toHaveLength(1);
    expect(theirs).toHaveLength(1);
    expect(mine[0].id).not.toBe(theirs[0].id);
    expect(mine[0].title).toContain(client.businessName);

    expect(code(await system.gql(MARK_READ, { id: theirs[0].id }, a.token))).toBe('NOT_FOUND');
    expect(code(await system.gql(MARK_READ, { id: mine[0].id }, other.token))).toBe('NOT_FOUND');
    expect(code(await system.gql(MARK_READ, { id: mine[0].id }, firm.token))).toBe('FORBIDDEN');
    expect(code(await system.gql(MY_NOTIFICATIONS, {}, firm.token))).toBe('FORBIDDEN');
    expect(code(await system.gql(MY_NOTIFICATIONS, {}))).toBe('UNAUTHENTICATED');
    expect((await system.gql(MY_NOTIFICATIONS, {}, other.token)).data.myNotifications).toEqual([]);

    const marked = await system.gql(MARK_READ, { id: mine[0].id }, a.token);
    expect(marked.errors).toBeUndefined();
    expect(marked.data.markNotificationRead).toMatchObject({ id: mine[0].id, read: true });
    // Marking again keeps the first time.
    const again = await system.gql(MARK_READ, { id: mine[0].id }, a.token);
    expect(again.data.markNotificationRead.readAt).toBe(marked.data.markNotificationRead.readAt);

    expect((await system.gql(MY_NOTIFICATIONS, { unreadOnly: true }, a.token)).data.myNotifications).toEqual([]);
    expect((await system.gql(MY_NOTIFICATIONS, { unreadOnly: false }, a.token)).data.myNotifications).toEqual([
      expect.objectContaining({ id: mine[0].id, read: true, invitation: { id: invitation.id, status: 'PENDING' } }),
    ]);
    // The other admin's stays unread.
    expect((await system.gql(MY_NOTIFICATIONS, { unreadOnly: true }, b.token)).data.myNotifications).toHaveLength(1);
  });

  it('G4: sending and accepting a firm request are in the firm\'s and the client\'s trails, with actor, before and after', async () => {
    const { firm, client, invitation } = await pendingRequest({ permissions: ['VIEW_COMPANY', 'RUN_PAYROLL'] });
    const accepted = await system.gql(ACCEPT_REQUEST, { invitationId: invitation.id, permissions: ['VIEW_COMPANY'] }, client.token);
    expect(accepted.errors).toBeUndefined();

    for (const token of [firm.token, client.token]) {
      const trail = await system.gql(AUDIT_TRAIL, { first: 10 }, token);
      expect(trail.errors).toBeUndefined();
      const entries = trail.data.invitationAuditTrail;
      expect(entries.map((e: { action: string }) => e.action)).toEqual(['INVITATION_ACCEPTED', 'INVITATION_SENT']);
      const [acceptedEntry, sentEntry] = entries;
      expect(sentEntry).toMatchObject({ actorRealm: 'FIRM', actorId: firm.memberId, subjectId: invitation.id, before: null });
      expect(JSON.parse(sentEntry.after)).toMatchObject({
        kind: 'FIRM_TO_CLIENT',
        status: 'PENDING',
        permissions: ['VIEW_COMPANY', 'RUN_PAYROLL'],
        firmId: firm.firmId,
      });
      expect(acceptedEntry).toMatchObject({ actorRealm: 'CLIENT', actorId: client.admins[0].id, subjectId: invitation.id });
      expect(JSON.parse(acceptedEntry.before)).toMatchObject({ status: 'PENDING', permissions: ['VIEW_COMPANY', 'RUN_PAYROLL'] });
      expect(JSON.parse(acceptedEntry.after)).toMatchObject({ status: 'ACCEPTED', permissions: ['VIEW_COMPANY'] });
      expect(Date.parse(acceptedEntry.at)).toBe(Date.parse(accepted.data.acceptFirmRequest.acceptedAt));
    }

    // Nobody reads another tenant's trail: another firm's is empty of it, and a plain member may not read it.
    const other = await signUpFirm(system);
    expect((await system.gql(AUDIT_TRAIL, {}, other.token)).data.invitationAuditTrail).toEqual([]);
    const staff = await inviteAndJoin(system, firm, { permissions: [] });
    expect(code(await system.gql(AUDIT_TRAIL, {}, staff.token))).toBe('FORBIDDEN');
    expect(code(await system.gql(AUDIT_TRAIL, {}))).toBe('UNAUTHENTICATED');
  });

  it('G4: a rejection is recorded with who rejected, before and after', async () => {
    const { client, invitation } = await pendingRequest();
    expect((await system.gql(REJECT_REQUEST, { invitationId: invitation.id }, client.token)).errors).toBeUndefined();
    const trail = await system.gql(AUDIT_TRAIL, {}, client.token);
    const [rejected] = trail.data.invitationAuditTrail;
    expect(rejected).toMatchObject({ action: 'INVITATION_REJECTED', actorRealm: 'CLIENT', actorId: client.admins[0].id, subjectId: invitation.id });
    expect(JSON.parse(rejected.before)).toMatchObject({ status: 'PENDING' });
    expect(JSON.parse(rejected.after)).toMatchObject({ status: 'REJECTED' });
  });
});
