import { DAY_MS } from '@advisor/kit';
import { eventually, startTestSystem, tokenFromMail, type TestSystem } from '../support/test-system';
import { ACCEPT, INVITE, firmInput, inviteAndJoin, registerClient, signUpFirm, SIGN_UP } from '../support/fixtures';

const inviteInput = (email: string, overrides: Record<string, unknown> = {}) => ({
  input: {
    accountantName: 'Fran Founder',
    accountantEmail: email,
    permissions: ['VIEW_COMPANY'],
    acknowledgeFirmWideAccess: true,
    ...overrides,
  },
});

/** SPEC I1, I2, I5, I6 through the gateway, on MySQL and Kafka. */
describe('client → firm invitations (I1, I2, I5, I6)', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(async () => {
    await system?.teardown();
  });

  const invitationRows = async (clientId: string) =>
    system.services.invitations.db.dataSource.query('SELECT * FROM invitations WHERE client_id = ?', [clientId]);

  it('I1: a client admin without both MANAGE and MANAGE_EMPLOYEES cannot invite, and nothing is written', async () => {
    const client = await registerClient(system, { permissions: ['MANAGE'] });
    const res = await system.gql(INVITE, inviteInput('someone@acme-cpa.example'), client.token);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await invitationRows(client.clientId)).toHaveLength(0);
    expect(system.mailTo('someone@acme-cpa.example')).toHaveLength(0);
  });

  it('I1: firm members and anonymous callers cannot send client invitations', async () => {
    const firm = await signUpFirm(system);
    const asFirm = await system.gql(INVITE, inviteInput('x@acme-cpa.example'), firm.token);
    expect(asFirm.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await system.gql(INVITE, inviteInput('x@acme-cpa.example'));
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('I1: sending requires the acknowledgement; who acknowledged and when are recorded', async () => {
    const client = await registerClient(system);
    const refused = await system.gql(INVITE, inviteInput('a@acme-cpa.example', { acknowledgeFirmWideAccess: false }), client.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('ACKNOWLEDGEMENT_REQUIRED');
    expect(await invitationRows(client.clientId)).toHaveLength(0);

    const sent = await system.gql(INVITE, inviteInput('a@acme-cpa.example'), client.token);
    expect(sent.errors).toBeUndefined();
    const [row] = await invitationRows(client.clientId);
    const [admin] = await system.services.clients.db.dataSource.query('SELECT id FROM client_admins WHERE client_id = ?', [client.clientId]);
    expect(row.acknowledged_by).toBe(admin.id);
    expect(new Date(row.acknowledged_at).toISOString()).toBe(sent.data.inviteAccountantFirm.acknowledgedAt);

    // I1: the client admin sees the invitations sent and their state.
    const list = await system.gql('{ sentFirmInvitations { id status accountantEmail permissions } }', {}, client.token);
    expect(list.data.sentFirmInvitations).toEqual([
      { id: sent.data.inviteAccountantFirm.id, status: 'PENDING', accountantEmail: 'a@acme-cpa.example', permissions: ['VIEW_COMPANY'] },
    ]);
  });

  it('I1: bad input is refused with BAD_USER_INPUT naming the fields', async () => {
    const client = await registerClient(system);
    const res = await system.gql(INVITE, inviteInput('not-an-email', { permissions: [], accountantName: ' ' }), client.token);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (res.errors?.[0]?.extensions as { fields: Array<{ field: string }> }).fields.map((f) => f.field).sort();
    expect(fields).toEqual(['accountantEmail', 'accountantName', 'permissions']);
    const publicDomain = await system.gql(INVITE, inviteInput('cpa@gmail.com'), client.token);
    expect(publicDomain.errors?.[0]?.extensions?.code).toBe('ACCOUNTANT_EMAIL_NOT_ALLOWED');
  });

  it('I2: no second firm invitation while one is pending; possible again once it expired', async () => {
    const client = await registerClient(system);
    expect((await system.gql(INVITE, inviteInput('one@acme-cpa.example'), client.token)).errors).toBeUndefined();
    const second = await system.gql(INVITE, inviteInput('two@other-cpa.example'), client.token);
    expect(second.errors?.[0]?.extensions?.code).toBe('FIRM_INVITATION_ALREADY_PENDING');
    expect(await invitationRows(client.clientId)).toHaveLength(1);

    system.clock.advance(7 * DAY_MS + 60_000);
    try {
      const afterExpiry = await system.gql(INVITE, inviteInput('two@other-cpa.example'), client.token);
      expect(afterExpiry.errors).toBeUndefined();
    } finally {
      system.clock.advance(-(7 * DAY_MS + 60_000));
    }
  });

  it('I6: tokens are random, stored only as a hash, and expire after 7 days', async () => {
    const firm = await signUpFirm(system);
    const client = await registerClient(system);
    const sent = await system.gql(INVITE, inviteInput(`fran@${firm.domain}`), client.token);
    expect(Date.parse(sent.data.inviteAccountantFirm.expiresAt) - Date.parse(sent.data.inviteAccountantFirm.sentAt)).toBe(7 * DAY_MS);
    const token = tokenFromMail(system.mailTo(`fran@${firm.domain}`).filter((m) => m.template !== 'firm-sign-up-confirmation')[0].text);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);

    const [row] = await invitationRows(client.clientId);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);

    system.clock.advance(7 * DAY_MS + 1000);
    try {
      const expired = await system.gql(ACCEPT, { token }, firm.token);
      expect(expired.errors?.[0]?.extensions?.code).toBe('INVITATION_EXPIRED');
      const list = await system.gql('{ sentFirmInvitations { status } }', {}, client.token);
      expect(list.data.sentFirmInvitations).toEqual([{ status: 'EXPIRED' }]);
    } finally {
      system.clock.advance(-(7 * DAY_MS + 1000));
    }
    const [after] = await invitationRows(client.clientId);
    expect(after.status).toBe('PENDING');
  });

  it('I6: an unknown token, a client admin, or a member of another firm cannot accept', async () => {
    const firm = await signUpFirm(system);
    const stranger = await signUpFirm(system);
    const client = await registerClient(system);
    await system.gql(INVITE, inviteInput(`fran@${firm.domain}`), client.token);
    const token = tokenFromMail(system.mailTo(`fran@${firm.domain}`).filter((m) => m.template !== 'firm-sign-up-confirmation')[0].text);

    expect((await system.gql(ACCEPT, { token: 'x'.repeat(43) }, firm.token)).errors?.[0]?.extensions?.code).toBe('INVITATION_NOT_FOUND');
    expect((await system.gql(ACCEPT, { token }, client.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await system.gql(ACCEPT, { token })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await system.gql(ACCEPT, { token }, stranger.token)).errors?.[0]?.extensions?.code).toBe('INVITATION_FOR_ANOTHER_FIRM');
    const [row] = await invitationRows(client.clientId);
    expect(row.status).toBe('PENDING');
    const events = await system.services.invitations.db.dataSource.query("SELECT COUNT(*) AS n FROM outbox_events WHERE topic LIKE '%invitation-accepted%' AND envelope LIKE ?", [
      `%${row.id}%`,
    ]);
    expect(Number(events[0].n)).toBe(0);
  });

  it('I5: a colleague of the invitee without Manage clients cannot accept; one with it can', async () => {
    const firm = await signUpFirm(system);
    const plain = await inviteAndJoin(system, firm);
    const manager = await inviteAndJoin(system, firm, { permissions: ['MANAGE_CLIENTS'] });
    const client = await registerClient(system);
    await system.gql(INVITE, inviteInput(`fran@${firm.domain}`), client.token);
    const token = tokenFromMail(system.mailTo(`fran@${firm.domain}`).filter((m) => m.template !== 'firm-sign-up-confirmation')[0].text);
    expect((await system.gql(ACCEPT, { token }, plain.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await system.gql(ACCEPT, { token }, manager.token)).errors).toBeUndefined();
  });

  it('I6: five simultaneous accepts of one token by the invitee give one acceptance and one event, each answered with it; another firm is refused', async () => {
    const firm = await signUpFirm(system);
    const client = await registerClient(system);
    await system.gql(INVITE, inviteInput(`fran@${firm.domain}`), client.token);
    const token = tokenFromMail(system.mailTo(`fran@${firm.domain}`).filter((m) => m.template !== 'firm-sign-up-confirmation')[0].text);
    const results = await Promise.all(Array.from({ length: 5 }, () => system.gql(ACCEPT, { token }, firm.token)));
    // The same person retrying (a lost response) gets the same success, never "already used".
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(new Set(results.map((r) => r.data.acceptFirmInvitation.id)).size).toBe(1);
    const other = await signUpFirm(system);
    const refused = await system.gql(ACCEPT, { token }, other.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('INVITATION_ALREADY_USED');
    const [{ id }] = await invitationRows(client.clientId);
    const events = await system.services.invitations.db.dataSource.query(
      "SELECT COUNT(*) AS n FROM outbox_events WHERE topic LIKE '%invitation-accepted%' AND envelope LIKE ?",
      [`%${id}%`],
    );
    expect(Number(events[0].n)).toBe(1);
  });

  it('I5: an accountant without an account signs up the firm first, then accepts', async () => {
    const client = await registerClient(system);
    const domain = `newfirm-${Date.now()}.example`;
    await system.gql(INVITE, inviteInput(`fran@${domain}`), client.token);
    const token = tokenFromMail(system.mailTo(`fran@${domain}`)[0].text);

    // Not signed in yet: told to log in or sign up first, and the invitation stays usable.
    const early = await system.gql(ACCEPT, { token });
    expect(early.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Signing up from the invitation's link proves the address: signed in at once (SPEC F3).
    await eventually(async () => {
      const [row] = await system.services.firms.db.dataSource.query('SELECT COUNT(*) AS n FROM sign_up_proofs WHERE email = ?', [`fran@${domain}`]);
      return Number(row.n) === 1 ? true : undefined;
    }, 15_000, 'the sign-up proof to reach firms');
    const signUp = await system.gql(SIGN_UP, { input: { ...firmInput({ domain }), invitationToken: token } });
    expect(signUp.data.signUpFirm.status).toBe('ACTIVE');
    const accepted = await system.gql(ACCEPT, { token }, signUp.data.signUpFirm.session.accessToken);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.acceptFirmInvitation.status).toBe('ACCEPTED');
  });
});
