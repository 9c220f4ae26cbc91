import { DAY_MS } from '@advisor/kit';
import { startTestSystem, eventually, tokenFromMail, type TestSystem } from '../support/test-system';
import {
  ACCEPT_MEMBER,
  INVITE_MEMBER,
  inviteAndJoin,
  linkClientToFirm,
  registerClient,
  signUpFirm,
  type SignedUpFirm,
} from '../support/fixtures';

const DOMAIN_MESSAGE = 'Your firm members must share the same email domain. This domain is not allowed.';
const UPDATE = `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { id firmRole permissions jobRole } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateMember(memberId: $id) { id active } }`;
const PENDING = `{ myFirm { pendingInvitations { id email status } } }`;
const AUDIT = `query($subjectId: ID) { firmAuditTrail(subjectId: $subjectId) { action actor { id } subjectType subjectId before after at } }`;

const invite = (email: string, extra: Record<string, unknown> = {}) => ({
  input: { firstName: 'Sam', lastName: 'Staff', email, jobRole: 'Bookkeeper', permissions: ['MANAGE_CLIENTS'], ...extra },
});

/** SPEC F5–F8 and the firm side of G4, through the gateway, on MySQL and Kafka. */
describe('firm members: invitations, permissions, deactivation, sessions (F5–F8, G4)', () => {
  let system: TestSystem;
  let firm: SignedUpFirm;

  beforeAll(async () => {
    system = await startTestSystem();
    firm = await signUpFirm(system);
  });
  afterAll(async () => {
    await system?.teardown();
  });

  describe('F5: team member invitations', () => {
    it('F5: invites by email on the firm domain; the invitee gets an email and chooses username and password', async () => {
      const email = `sam.${Date.now()}@${firm.domain}`;
      const invited = await system.gql(INVITE_MEMBER, invite(email), firm.token);
      expect(invited.errors).toBeUndefined();
      const inv = invited.data.inviteMember;
      expect(inv).toMatchObject({ email, firmRole: 'MEMBER', permissions: ['MANAGE_CLIENTS'], status: 'PENDING', invitedBy: { id: firm.memberId } });
      expect(Date.parse(inv.expiresAt) - Date.parse(inv.sentAt)).toBe(7 * DAY_MS);

      const pending = await system.gql(PENDING, {}, firm.token);
      expect(pending.data.myFirm.pendingInvitations).toEqual(expect.arrayContaining([{ id: inv.id, email, status: 'PENDING' }]));

      const [mail] = system.mailTo(email);
      expect(mail.template).toBe('member-invitation');
      const token = tokenFromMail(mail.text);
      const [row] = await system.services.firms.db.dataSource.query('SELECT token_hash FROM member_invitations WHERE id = ?', [inv.id]);
      expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.token_hash).not.toContain(token);

      const joined = await system.gql(ACCEPT_MEMBER, { token, username: `sam.${Date.now()}`, password: 'a long enough passphrase' });
      expect(joined.errors).toBeUndefined();
      expect(joined.data.acceptMemberInvitation.member).toMatchObject({ firmRole: 'MEMBER', permissions: ['MANAGE_CLIENTS'], workEmail: email });
      const me = await system.gql('{ me { id firm { id } } }', {}, joined.data.acceptMemberInvitation.accessToken);
      expect(me.data.me.firm.id).toBe(firm.firmId);

      const after = await system.gql(PENDING, {}, firm.token);
      expect(after.data.myFirm.pendingInvitations.map((i: { id: string }) => i.id)).not.toContain(inv.id);
      const reuse = await system.gql(ACCEPT_MEMBER, { token, username: `again.${Date.now()}`, password: 'a long enough passphrase' });
      expect(reuse.errors?.[0]?.extensions?.code).toBe('INVITATION_ALREADY_USED');
    });

    it('F2/F5: an invitee on another domain is refused with the domain message; nothing is written', async () => {
      const res = await system.gql(INVITE_MEMBER, invite('sam@other-firm.example'), firm.token);
      expect(res.errors?.[0]?.message).toBe(DOMAIN_MESSAGE);
      expect(res.errors?.[0]?.extensions?.code).toBe('FIRM_DOMAIN_NOT_ALLOWED');
      const rows = await system.services.firms.db.dataSource.query("SELECT COUNT(*) AS n FROM member_invitations WHERE email = 'sam@other-firm.example'");
      expect(Number(rows[0].n)).toBe(0);
    });

    it('F5: "Resend invite" issues a fresh invitation and voids the old one', async () => {
      const email = `resend.${Date.now()}@${firm.domain}`;
      const first = await system.gql(INVITE_MEMBER, invite(email), firm.token);
      const again = await system.gql(INVITE_MEMBER, invite(email), firm.token);
      expect(again.errors?.[0]?.extensions?.code).toBe('MEMBER_INVITATION_ALREADY_PENDING');
      const oldToken = tokenFromMail(system.mailTo(email)[0].text);

      const resent = await system.gql(
        `mutation($id: ID!) { resendMemberInvitation(invitationId: $id) { id status expiresAt } }`,
        { id: first.data.inviteMember.id },
        firm.token,
      );
      expect(resent.errors).toBeUndefined();
      expect(resent.data.resendMemberInvitation.id).not.toBe(first.data.inviteMember.id);
      const mails = system.mailTo(email);
      expect(mails).toHaveLength(2);
      const newToken = tokenFromMail(mails[1].text);
      expect(newToken).not.toBe(oldToken);

      const old = await system.gql(ACCEPT_MEMBER, { token: oldToken, username: `old.${Date.now()}`, password: 'a long enough passphrase' });
      expect(old.errors?.[0]?.extensions?.code).toBe('INVITATION_VOIDED');
      const fresh = await system.gql(ACCEPT_MEMBER, { token: newToken, username: `new.${Date.now()}`, password: 'a long enough passphrase' });
      expect(fresh.errors).toBeUndefined();
    });

    it('F5: an invitation expires after 7 days; resending renews it', async () => {
      const email = `late.${Date.now()}@${firm.domain}`;
      const first = await system.gql(INVITE_MEMBER, invite(email), firm.token);
      const token = tokenFromMail(system.mailTo(email)[0].text);
      system.clock.advance(7 * DAY_MS + 1000);
      try {
        const late = await system.gql(ACCEPT_MEMBER, { token, username: `late.${Date.now()}`, password: 'a long enough passphrase' });
        expect(late.errors?.[0]?.extensions?.code).toBe('INVITATION_EXPIRED');
        const pending = await system.gql(PENDING, {}, firm.token);
        expect(pending.data.myFirm.pendingInvitations).toEqual(expect.arrayContaining([{ id: first.data.inviteMember.id, email, status: 'EXPIRED' }]));
        const resent = await system.gql(`mutation($id: ID!) { resendMemberInvitation(invitationId: $id) { status } }`, { id: first.data.inviteMember.id }, firm.token);
        expect(resent.data.resendMemberInvitation.status).toBe('PENDING');
      } finally {
        system.clock.advance(-(7 * DAY_MS + 1000));
      }
    });

    it('F5: two simultaneous accepts of one invitation create exactly one member', async () => {
      const email = `race.${Date.now()}@${firm.domain}`;
      await system.gql(INVITE_MEMBER, invite(email), firm.token);
      const token = tokenFromMail(system.mailTo(email)[0].text);
      const results = await Promise.all(
        [0, 1, 2, 3].map((i) => system.gql(ACCEPT_MEMBER, { token, username: `race${i}.${Date.now()}`, password: 'a long enough passphrase' })),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      const members = await system.services.firms.db.dataSource.query('SELECT COUNT(*) AS n FROM members WHERE work_email = ?', [email]);
      expect(Number(members[0].n)).toBe(1);
    });

    it('F4/F5: accepting with a taken username or a weak password leaves the invitation usable', async () => {
      const email = `retry.${Date.now()}@${firm.domain}`;
      await system.gql(INVITE_MEMBER, invite(email), firm.token);
      const token = tokenFromMail(system.mailTo(email)[0].text);
      const taken = await system.gql(ACCEPT_MEMBER, { token, username: firm.username, password: 'a long enough passphrase' });
      expect(taken.errors?.[0]?.extensions?.code).toBe('USERNAME_TAKEN');
      const weak = await system.gql(ACCEPT_MEMBER, { token, username: `retry.${Date.now()}`, password: 'short' });
      expect(weak.errors?.[0]?.extensions?.code).toBe('WEAK_PASSWORD');
      const ok = await system.gql(ACCEPT_MEMBER, { token, username: `retry.${Date.now()}`, password: 'a long enough passphrase' });
      expect(ok.errors).toBeUndefined();
    });
  });

  describe('F6: firm permissions', () => {
    it('F6: only an ADMIN may grant VIEW_ALL_CLIENTS or make an ADMIN, also when inviting', async () => {
      const manager = await inviteAndJoin(system, firm, { permissions: ['MANAGE_MEMBERS'] });
      const target = await inviteAndJoin(system, firm);
      for (const change of [{ permissions: ['VIEW_ALL_CLIENTS'] }, { firmRole: 'ADMIN' }]) {
        const res = await system.gql(UPDATE, { input: { memberId: target.memberId, ...change } }, manager.token);
        expect(res.errors?.[0]?.extensions?.code).toBe('ADMIN_REQUIRED');
      }
      const inv = await system.gql(INVITE_MEMBER, invite(`x.${Date.now()}@${firm.domain}`, { permissions: ['VIEW_ALL_CLIENTS'] }), manager.token);
      expect(inv.errors?.[0]?.extensions?.code).toBe('ADMIN_REQUIRED');
      // A manager may grant the other permissions.
      const ok = await system.gql(UPDATE, { input: { memberId: target.memberId, permissions: ['ASSIGN_CLIENTS'] } }, manager.token);
      expect(ok.data.updateMember.permissions).toEqual(['ASSIGN_CLIENTS']);
      // The admin may grant both.
      const byAdmin = await system.gql(UPDATE, { input: { memberId: target.memberId, permissions: ['VIEW_ALL_CLIENTS'] } }, firm.token);
      expect(byAdmin.data.updateMember.permissions).toEqual(['VIEW_ALL_CLIENTS']);
      const [row] = await system.services.firms.db.dataSource.query('SELECT permissions FROM members WHERE id = ?', [target.memberId]);
      expect(JSON.parse(row.permissions)).toEqual(['VIEW_ALL_CLIENTS']);
    });

    it('F6: the last active ADMIN can be neither demoted nor deactivated; with two, one may go', async () => {
      const solo = await signUpFirm(system);
      const helper = await inviteAndJoin(system, solo, { permissions: ['MANAGE_MEMBERS'] });
      const demote = await system.gql(UPDATE, { input: { memberId: solo.memberId, firmRole: 'MEMBER' } }, solo.token);
      expect(demote.errors?.[0]?.extensions?.code).toBe('LAST_ACTIVE_ADMIN');
      const deactivate = await system.gql(DEACTIVATE, { id: solo.memberId }, helper.token);
      expect(deactivate.errors?.[0]?.extensions?.code).toBe('ADMIN_REQUIRED');
      const self = await system.gql(DEACTIVATE, { id: solo.memberId }, solo.token);
      expect(self.errors?.[0]?.extensions?.code).toBe('CANNOT_DEACTIVATE_SELF');

      const second = await inviteAndJoin(system, solo, { firmRole: 'ADMIN' });
      // Two admins demoting each other at once: exactly one succeeds.
      const results = await Promise.all([
        system.gql(UPDATE, { input: { memberId: second.memberId, firmRole: 'MEMBER' } }, solo.token),
        system.gql(UPDATE, { input: { memberId: solo.memberId, firmRole: 'MEMBER' } }, second.token),
      ]);
      const failed = results.filter((r) => r.errors);
      expect(failed).toHaveLength(1);
      expect(['LAST_ACTIVE_ADMIN', 'FORBIDDEN', 'ADMIN_REQUIRED']).toContain(failed[0].errors?.[0]?.extensions?.code);
      const admins = await system.services.firms.db.dataSource.query(
        "SELECT COUNT(*) AS n FROM members WHERE firm_id = ? AND firm_role = 'ADMIN' AND active = 1",
        [solo.firmId],
      );
      expect(Number(admins[0].n)).toBe(1);
    });

    it('F6: permissions are read from the database, not from a stale token; a changed member must refresh', async () => {
      const member = await inviteAndJoin(system, firm, { permissions: ['MANAGE_MEMBERS'] });
      const target = await inviteAndJoin(system, firm);
      await system.gql(UPDATE, { input: { memberId: member.memberId, permissions: [] } }, firm.token);
      // Once the gateway learns of the change, the old token is refused with a reason to refresh.
      const refused = await eventually(async () => {
        const res = await system.gql(UPDATE, { input: { memberId: target.memberId, jobRole: 'x' } }, member.token);
        return res.status === 401 ? res : undefined;
      }, 15_000, 'the gateway to refuse the stale token');
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'access-changed' });
      const refreshed = await system.gql(
        `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken member { permissions } } }`,
        { t: member.refreshToken },
      );
      expect(refreshed.data.refreshSession.member.permissions).toEqual([]);
      const nowRefused = await system.gql(UPDATE, { input: { memberId: target.memberId, jobRole: 'x' } }, refreshed.data.refreshSession.accessToken);
      expect(nowRefused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('F7: deactivation', () => {
    it('F7: deactivating a member ends their sessions and all their client assignments', async () => {
      const member = await inviteAndJoin(system, firm, { permissions: ['MANAGE_CLIENTS'] });
      const client = await registerClient(system);
      // The member accepts the client's invitation and is assigned (C4).
      await linkClientToFirm(system, { ...firm, token: member.token, memberId: member.memberId }, client);
      const clientsDb = system.services.clients.db.dataSource;
      const assigned = await clientsDb.query('SELECT COUNT(*) AS n FROM assignments WHERE member_id = ?', [member.memberId]);
      expect(Number(assigned[0].n)).toBe(1);

      const res = await system.gql(DEACTIVATE, { id: member.memberId }, firm.token);
      expect(res.data.deactivateMember).toEqual({ id: member.memberId, active: false });

      // Sessions: refresh is refused at once; the access token is refused once the gateway hears of it.
      const refresh = await system.gql(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, { t: member.refreshToken });
      expect(refresh.errors?.[0]?.extensions?.code).toBe('SESSION_EXPIRED');
      const refused = await eventually(async () => {
        const r = await system.gql('{ me { id } }', {}, member.token);
        return r.status === 401 ? r : undefined;
      }, 15_000, 'the gateway to refuse the deactivated member');
      expect(refused.errors?.[0]?.extensions?.reason).toBe('session-ended');
      const login = await system.gql(`mutation($u: String!, $p: String!) { logIn(username: $u, password: $p) { accessToken } }`, {
        u: member.username,
        p: 'a long enough passphrase',
      });
      expect(login.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');

      // Assignments end through the member.deactivated event.
      await eventually(async () => {
        const rows = await clientsDb.query('SELECT COUNT(*) AS n FROM assignments WHERE member_id = ?', [member.memberId]);
        return Number(rows[0].n) === 0 ? true : undefined;
      }, 15_000, 'the assignments to end');
      const audit = await clientsDb.query("SELECT scope_type FROM audit_trail WHERE action = 'ASSIGNMENT_ENDED_MEMBER_DEACTIVATED'");
      expect(audit.map((a: { scope_type: string }) => a.scope_type).sort()).toEqual(['CLIENT', 'FIRM']);
      // The client stays linked to the firm; the admin still sees it.
      const clients = await system.gql('{ myClients { id assignments { member { id } } } }', {}, firm.token);
      expect(clients.data.myClients.find((c: { id: string }) => c.id === client.clientId).assignments).toEqual([]);
    });
  });

  describe('sessions', () => {
    it('refresh rotates the refresh token (single-use); log-out ends the session', async () => {
      const member = await inviteAndJoin(system, firm);
      const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
      const first = await system.gql(REFRESH, { t: member.refreshToken });
      expect(first.errors).toBeUndefined();

      const token = first.data.refreshSession.accessToken;
      expect((await system.gql('mutation { logOut }', {}, token)).data.logOut).toBe(true);
      const refused = await eventually(async () => {
        const r = await system.gql('{ me { id } }', {}, token);
        return r.status === 401 ? r : undefined;
      }, 15_000, 'the gateway to refuse the logged-out token');
      expect(refused.errors?.[0]?.extensions?.reason).toBe('session-ended');
      // (A replayed refresh token ends its whole session: see the test below.)
      const reused = await system.gql(REFRESH, { t: member.refreshToken });
      expect(reused.errors?.[0]?.extensions?.code).toBe('SESSION_EXPIRED');
      const afterLogout = await system.gql(REFRESH, { t: first.data.refreshSession.refreshToken });
      expect(afterLogout.errors?.[0]?.extensions?.code).toBe('SESSION_EXPIRED');
      // Other sessions of the same member are untouched.
      const login = await system.gql(`mutation($u: String!, $p: String!) { logIn(username: $u, password: $p) { accessToken } }`, {
        u: member.username,
        p: 'a long enough passphrase',
      });
      expect((await system.gql('{ me { id } }', {}, login.data.logIn.accessToken)).data.me.id).toBe(member.memberId);
    });

    it('F4, G7: a replayed refresh token ends its whole family: the pair issued by the rotation dies too', async () => {
      const member = await inviteAndJoin(system, firm);
      const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
      const rotated = await system.gql(REFRESH, { t: member.refreshToken });
      expect(rotated.errors).toBeUndefined();
      const { accessToken, refreshToken } = rotated.data.refreshSession;
      expect((await system.gql('{ me { id } }', {}, accessToken)).data.me.id).toBe(member.memberId);

      // The first refresh token again (a stolen copy): refused, and the family is dead.
      const replay = await system.gql(REFRESH, { t: member.refreshToken });
      expect(replay.errors?.[0]?.extensions?.code).toBe('SESSION_EXPIRED');
      const next = await system.gql(REFRESH, { t: refreshToken });
      expect(next.errors?.[0]?.extensions?.code).toBe('SESSION_EXPIRED');
      const refused = await eventually(async () => {
        const r = await system.gql('{ me { id } }', {}, accessToken);
        return r.status === 401 ? r : undefined;
      }, 15_000, 'the gateway to refuse the family\'s access token');
      expect(refused.errors?.[0]?.extensions?.reason).toBe('session-ended');
      // Signing in again opens a new family.
      const login = await system.gql(`mutation($u: String!, $p: String!) { logIn(username: $u, password: $p) { accessToken } }`, {
        u: member.username,
        p: 'a long enough passphrase',
      });
      expect(login.errors).toBeUndefined();
    });

    it('G7: a client admin logs out: the token is refused at the gateway, their other sessions and firm members are untouched', async () => {
      const client = await registerClient(system);
      const LOG_IN = `mutation($email: String!, $password: String!) { logInClientAdmin(email: $email, password: $password) { accessToken } }`;
      const second = (await system.gql(LOG_IN, { email: client.adminEmail, password: client.adminPassword })).data.logInClientAdmin.accessToken;
      expect((await system.gql('{ myClientCompany { id } }', {}, client.token)).data.myClientCompany.id).toBe(client.clientId);

      // Refusals: anonymous, and a firm member (whose log-out is logOut).
      expect((await system.gql('mutation { logOutClientAdmin }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await system.gql('mutation { logOutClientAdmin }', {}, firm.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const firmLogOut = await system.gql('mutation { logOut }', {}, client.token);
      expect(firmLogOut.errors?.[0]?.message).toMatch(/logOutClientAdmin/);

      const out = await system.gql('mutation { logOutClientAdmin }', {}, client.token);
      expect(out.errors).toBeUndefined();
      expect(out.data.logOutClientAdmin).toBe(true);
      const refused = await eventually(async () => {
        const r = await system.gql('{ myClientCompany { id } }', {}, client.token);
        return r.status === 401 ? r : undefined;
      }, 15_000, 'the gateway to refuse the logged-out client admin token');
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(refused.errors?.[0]?.extensions?.reason).toBe('session-ended');
      // Only that session: the admin's other sign-in and the firm's member still work.
      expect((await system.gql('{ myClientCompany { id } }', {}, second)).data.myClientCompany.id).toBe(client.clientId);
      expect((await system.gql('{ me { id } }', {}, firm.token)).data.me.id).toBe(firm.memberId);
      // On the company's audit trail, by the admin.
      const [entry] = await system.services.clients.db.dataSource.query(
        "SELECT actor_id FROM audit_trail WHERE scope_id = ? AND action = 'SIGNED_OUT'",
        [client.clientId],
      );
      expect(entry).toBeDefined();
    });
  });

  it('F8: the firm sees its Advisor Dashboard support and escalation contact', async () => {
    const res = await system.gql('{ myFirm { support { email hours responseTime escalationContact { name email } } } }', {}, firm.token);
    expect(res.data.myFirm.support).toMatchObject({
      email: expect.stringContaining('@'),
      hours: 'Monday to Friday, 9:00 to 18:00 ET',
      responseTime: 'within 24 business hours',
    });
  });

  it('F8: each client shows its named Customer Success contact and its platform\'s support hours', async () => {
    const client = await registerClient(system);
    await linkClientToFirm(system, firm, client);
    const res = await system.gql('{ myClients { id platform support { customerSuccess { name phone email } hours { description alwaysOpen days opens closes timeZone } } } }', {}, firm.token);
    const mine = res.data.myClients.find((c: { id: string }) => c.id === client.clientId);
    expect(mine.support).toEqual({
      customerSuccess: { name: 'Jordan Success', phone: '+1 646 555 0199', email: 'jordan.success@payroll-platform.example' },
      hours: {
        description: 'Monday to Friday, 9:00 to 18:00 ET',
        alwaysOpen: false,
        days: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
        opens: '09:00',
        closes: '18:00',
        timeZone: 'America/New_York',
      },
    });
  });

  it('G4: role and permission changes are in the audit trail with actor, time, before and after; admins only', async () => {
    const target = await inviteAndJoin(system, firm, { permissions: ['ASSIGN_CLIENTS'] });
    await system.gql(UPDATE, { input: { memberId: target.memberId, permissions: ['ASSIGN_CLIENTS', 'MANAGE_CLIENTS'] } }, firm.token);
    const trail = await system.gql(AUDIT, { subjectId: target.memberId }, firm.token);
    expect(trail.errors).toBeUndefined();
    const updated = trail.data.firmAuditTrail.find((e: { action: string }) => e.action === 'MEMBER_UPDATED');
    expect(updated).toMatchObject({ actor: { id: firm.memberId }, subjectType: 'MEMBER', subjectId: target.memberId });
    expect(JSON.parse(updated.before).permissions).toEqual(['ASSIGN_CLIENTS']);
    expect(JSON.parse(updated.after).permissions).toEqual(['ASSIGN_CLIENTS', 'MANAGE_CLIENTS']);
    expect(Date.now() - Date.parse(updated.at)).toBeLessThan(60_000);
    expect(trail.data.firmAuditTrail.map((e: { action: string }) => e.action)).toContain('MEMBER_JOINED');

    // The target's permissions changed, so they refresh first; still not an admin.
    const refreshed = await system.gql(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, { t: target.refreshToken });
    const asMember = await system.gql(AUDIT, {}, refreshed.data.refreshSession.accessToken);
    expect(asMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
