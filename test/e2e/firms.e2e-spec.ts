import { eventually, startTestSystem, type TestSystem } from '../support/test-system';
import { DAY_MS } from '@advisor/kit';
import { CONFIRM_SIGN_UP, SIGN_UP, confirmationTokenFor, firmInput, signUpFirm } from '../support/fixtures';
import { INVITE, registerClient } from '../support/fixtures';

const DOMAIN_MESSAGE = 'Your firm members must share the same email domain. This domain is not allowed.';
const FIRM_EXISTS_MESSAGE =
  "It looks like your firm is already on Advisor Dashboard. Contact your firm administrator to access your firm's account.";
const LOG_IN = `mutation($u: String!, $p: String!) { logIn(username: $u, password: $p) { accessToken member { id firmRole } } }`;

/** SPEC F1–F4 as far as the walking skeleton reaches: sign-up, domain rules, credentials, login. */
describe('firm sign-up and login (F1–F4)', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(async () => {
    await system?.teardown();
  });

  const firmRows = (domain: string) => system.services.firms.db.dataSource.query('SELECT * FROM firms WHERE domain = ?', [domain]);

  it('F1, F3: the founder confirms the work email, becomes the first ADMIN with every firm permission, and is signed in', async () => {
    const input = firmInput();
    const before = system.clock.now().getTime();
    const res = await system.gql(SIGN_UP, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data.signUpFirm).toMatchObject({ status: 'CONFIRMATION_SENT', workEmail: input.founder.workEmail, session: null });
    // While waiting, the password is kept as its argon2id hash only.
    const [waiting] = await system.services.firms.db.dataSource.query('SELECT password_hash FROM firm_sign_ups WHERE work_email = ?', [input.founder.workEmail]);
    expect(waiting.password_hash).toMatch(/^\$argon2id\$/);
    const validFor = Date.parse(res.data.signUpFirm.confirmBy) - before;
    expect(validFor).toBeGreaterThanOrEqual(DAY_MS);
    expect(validFor).toBeLessThan(DAY_MS + 10_000);
    // Nothing is claimed before the confirmation: no firm, no member, no credential.
    const domain = input.founder.workEmail.split('@')[1];
    expect(await firmRows(domain)).toHaveLength(0);
    const mail = system.mailTo(input.founder.workEmail).filter((m) => m.template === 'firm-sign-up-confirmation');
    expect(mail).toHaveLength(1);
    expect(mail[0].text).toMatch(/\/signup\/confirm\?token=/);
    expect(mail[0].text).not.toContain(input.founder.password);

    const confirmed = await system.gql(CONFIRM_SIGN_UP, { token: confirmationTokenFor(system, input.founder.workEmail) });
    expect(confirmed.errors).toBeUndefined();
    const member = confirmed.data.confirmFirmSignUp.member;
    expect(member.firmRole).toBe('ADMIN');
    expect(member.permissions).toEqual(['MANAGE_FIRM', 'MANAGE_MEMBERS', 'MANAGE_CLIENTS', 'ASSIGN_CLIENTS', 'VIEW_ALL_CLIENTS']);
    expect(member.firm.domain).toBe(domain);
    const me = await system.gql('{ me { id workEmail jobRole } myFirm { name website } }', {}, confirmed.data.confirmFirmSignUp.accessToken);
    expect(me.data).toEqual({
      me: { id: member.id, workEmail: input.founder.workEmail, jobRole: 'Partner' },
      myFirm: { name: input.firmName, website: input.website },
    });
    const [row] = await system.services.firms.db.dataSource.query('SELECT * FROM members WHERE id = ?', [member.id]);
    expect(row).toMatchObject({ cell_phone: '+1 917 555 0101', personal_email: 'fran@home.example', work_phone: '+1 212 555 0100' });
    // The link's token is stored as its hash only; once confirmed, the sign-up keeps no password hash (the credentials do).
    const [pending] = await system.services.firms.db.dataSource.query('SELECT * FROM firm_sign_ups WHERE work_email = ?', [input.founder.workEmail]);
    expect(pending.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(mail[0].text).not.toContain(pending.token_hash);
    expect(pending.password_hash).toBe('');
    expect(pending.firm_id).toBe(member.firm.id);
  });

  it('F3: an unverified sign-up does not claim the domain: the real firm signs up and confirms; the squatter\'s link then gets F3\'s message', async () => {
    const domain = `claimed-${Date.now()}.example`;
    const squatter = firmInput({ domain, workEmail: `ceo@${domain}` });
    expect((await system.gql(SIGN_UP, { input: squatter })).data.signUpFirm.status).toBe('CONFIRMATION_SENT');
    // The real firm is not told it "is already on Advisor Dashboard".
    const real = firmInput({ domain, workEmail: `fran@${domain}` });
    const second = await system.gql(SIGN_UP, { input: real });
    expect(second.errors).toBeUndefined();
    expect((await system.gql(CONFIRM_SIGN_UP, { token: confirmationTokenFor(system, real.founder.workEmail) })).errors).toBeUndefined();
    expect(await firmRows(domain)).toHaveLength(1);

    const late = await system.gql(CONFIRM_SIGN_UP, { token: confirmationTokenFor(system, squatter.founder.workEmail) });
    expect(late.errors?.[0]?.extensions?.code).toBe('FIRM_ALREADY_EXISTS');
    expect(late.errors?.[0]?.message).toBe(FIRM_EXISTS_MESSAGE);
    expect(await firmRows(domain)).toHaveLength(1);
    const [members] = await system.services.firms.db.dataSource.query('SELECT COUNT(*) AS n FROM members WHERE work_email = ?', [squatter.founder.workEmail]);
    expect(Number(members.n)).toBe(0);
  });

  it('F3: the confirmation link works once and for 24 hours; an unknown link is refused; nothing is written by a refusal', async () => {
    const unknown = await system.gql(CONFIRM_SIGN_UP, { token: 'not-a-real-token' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('SIGN_UP_NOT_FOUND');

    const input = firmInput();
    await system.gql(SIGN_UP, { input });
    const token = confirmationTokenFor(system, input.founder.workEmail);
    const [once, twice] = await Promise.all([system.gql(CONFIRM_SIGN_UP, { token }), system.gql(CONFIRM_SIGN_UP, { token })]);
    expect([once, twice].filter((r) => !r.errors)).toHaveLength(1);
    expect([once, twice].find((r) => r.errors)?.errors?.[0]?.extensions?.code).toBe('SIGN_UP_ALREADY_CONFIRMED');
    expect(await firmRows(input.founder.workEmail.split('@')[1])).toHaveLength(1);

    const late = firmInput();
    await system.gql(SIGN_UP, { input: late });
    system.clock.advance(DAY_MS + 1000);
    try {
      const expired = await system.gql(CONFIRM_SIGN_UP, { token: confirmationTokenFor(system, late.founder.workEmail) });
      expect(expired.errors?.[0]?.extensions?.code).toBe('SIGN_UP_EXPIRED');
      expect(await firmRows(late.founder.workEmail.split('@')[1])).toHaveLength(0);
      // An expired sign-up holds nothing: the same username and domain sign up again.
      const again = await system.gql(SIGN_UP, { input: { ...late, founder: { ...late.founder, workEmail: `other@${late.founder.workEmail.split('@')[1]}` } } });
      expect(again.errors).toBeUndefined();
      // ... and the expired one, with its founder's details, is swept away.
      const [left] = await system.services.firms.db.dataSource.query('SELECT COUNT(*) AS n FROM firm_sign_ups WHERE work_email = ?', [late.founder.workEmail]);
      expect(Number(left.n)).toBe(0);
    } finally {
      system.clock.advance(-(DAY_MS + 1000));
    }
  });

  it('F3, F4: a waiting sign-up holds its username against other addresses; its own address may sign up again, three times at most', async () => {
    const input = firmInput();
    await system.gql(SIGN_UP, { input });
    const domain = input.founder.workEmail.split('@')[1];
    const other = await system.gql(SIGN_UP, { input: firmInput({ domain, workEmail: `else@${domain}`, username: input.founder.username.toUpperCase() }) });
    expect(other.errors?.[0]?.extensions?.code).toBe('USERNAME_TAKEN');
    // The founder lost the email: signing up again sends a new link (the username is theirs).
    expect((await system.gql(SIGN_UP, { input })).errors).toBeUndefined();
    expect((await system.gql(SIGN_UP, { input })).errors).toBeUndefined();
    const fourth = await system.gql(SIGN_UP, { input });
    expect(fourth.errors?.[0]?.extensions?.code).toBe('SIGN_UP_PENDING');
    expect(system.mailTo(input.founder.workEmail).filter((m) => m.template === 'firm-sign-up-confirmation')).toHaveLength(3);
    // Any of the links creates the firm (the latest here).
    expect((await system.gql(CONFIRM_SIGN_UP, { token: confirmationTokenFor(system, input.founder.workEmail) })).errors).toBeUndefined();
  });

  it('F3, I5: signing up from a client\'s invitation sent to the same address is verified at once; another address still confirms by email', async () => {
    const client = await registerClient(system);
    const domain = `invited-${Date.now()}.example`;
    const invite = (email: string) =>
      system.gql(INVITE, { input: { accountantName: 'Fran', accountantEmail: email, permissions: ['VIEW_COMPANY'], acknowledgeFirmWideAccess: true } }, client.token);
    expect((await invite(`fran@${domain}`)).errors).toBeUndefined();
    const token = /token=([A-Za-z0-9_-]+)/.exec(system.mailTo(`fran@${domain}`)[0].text)![1];
    // The proof reaches firms through accountant.invited (Kafka).
    await eventually(async () => {
      const [row] = await system.services.firms.db.dataSource.query('SELECT COUNT(*) AS n FROM sign_up_proofs WHERE email = ?', [`fran@${domain}`]);
      return Number(row.n) === 1 ? true : undefined;
    }, 15_000, 'the sign-up proof to reach firms');

    // A colleague at the same domain with the same link is not the invited address: confirmation by email.
    const colleague = await system.gql(SIGN_UP, { input: { ...firmInput({ domain, workEmail: `pat@${domain}` }), invitationToken: token } });
    expect(colleague.data.signUpFirm).toMatchObject({ status: 'CONFIRMATION_SENT', session: null });
    expect(await firmRows(domain)).toHaveLength(0);

    const res = await system.gql(SIGN_UP, { input: { ...firmInput({ domain, workEmail: `Fran@${domain}` }), invitationToken: token } });
    expect(res.errors).toBeUndefined();
    expect(res.data.signUpFirm).toMatchObject({ status: 'ACTIVE', confirmBy: null });
    expect(res.data.signUpFirm.session.member.firmRole).toBe('ADMIN');
    expect(await firmRows(domain)).toHaveLength(1);
    expect(system.mailTo(`fran@${domain}`).filter((m) => m.template === 'firm-sign-up-confirmation')).toHaveLength(0);
    // And the founder accepts the invitation as before (SPEC I5).
    const accepted = await system.gql(`mutation($token: String!) { acceptFirmInvitation(token: $token) { status } }`, { token }, res.data.signUpFirm.session.accessToken);
    expect(accepted.data.acceptFirmInvitation.status).toBe('ACCEPTED');
    // A made-up invitation token proves nothing.
    const guess = await system.gql(SIGN_UP, { input: { ...firmInput(), invitationToken: 'guessed' } });
    expect(guess.data.signUpFirm.status).toBe('CONFIRMATION_SENT');
  });

  it.each(['gmail.com', 'GMAIL.com', 'gmail.com.', 'yahoo.com', 'outlook.com', 'hotmail.com'])(
    'F2: refuses a firm on the public domain %s with the exact message',
    async (domain) => {
      const res = await system.gql(SIGN_UP, { input: firmInput({ workEmail: `fran@${domain}` }) });
      expect(res.errors?.[0]?.message).toBe(DOMAIN_MESSAGE);
      expect(res.errors?.[0]?.extensions?.code).toBe('FIRM_DOMAIN_NOT_ALLOWED');
      expect(await firmRows(domain.toLowerCase().replace(/\.$/, ''))).toHaveLength(0);
    },
  );

  it('F3: a second sign-up for a domain that has a firm is refused, also in another case or with a trailing dot', async () => {
    const firm = await signUpFirm(system);
    for (const email of [`other@${firm.domain}`, `other@${firm.domain.toUpperCase()}`, `other@${firm.domain}.`]) {
      const res = await system.gql(SIGN_UP, { input: firmInput({ workEmail: email }) });
      expect(res.errors?.[0]?.message).toBe(FIRM_EXISTS_MESSAGE);
      expect(res.errors?.[0]?.extensions?.code).toBe('FIRM_ALREADY_EXISTS');
    }
    expect(await firmRows(firm.domain)).toHaveLength(1);
  });

  it('F3: three sign-ups for one domain confirmed at once create exactly one firm', async () => {
    const domain = `race-${Date.now()}.example`;
    const inputs = [0, 1, 2].map((i) => firmInput({ domain, workEmail: `p${i}@${domain}` }));
    for (const input of inputs) expect((await system.gql(SIGN_UP, { input })).errors).toBeUndefined();
    const results = await Promise.all(inputs.map((input) => system.gql(CONFIRM_SIGN_UP, { token: confirmationTokenFor(system, input.founder.workEmail) })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((r) => r.errors)) expect(r.errors?.[0]?.extensions?.code).toBe('FIRM_ALREADY_EXISTS');
    expect(await firmRows(domain)).toHaveLength(1);
  });

  it('F4: the username may not be an email address and is unique regardless of case', async () => {
    const email = await system.gql(SIGN_UP, { input: firmInput({ username: 'fran@acme.example' }) });
    expect(email.errors?.[0]?.extensions?.code).toBe('USERNAME_IS_EMAIL');
    const firm = await signUpFirm(system);
    const taken = await system.gql(SIGN_UP, { input: firmInput({ username: firm.username.toUpperCase() }) });
    expect(taken.errors?.[0]?.extensions?.code).toBe('USERNAME_TAKEN');
  });

  it('F4: weak passwords are refused; nothing is written', async () => {
    const domain = `weak-${Date.now()}.example`;
    for (const password of ['short', 'aaaaaaaaaaaaaaaa', 'x'.repeat(129)]) {
      const res = await system.gql(SIGN_UP, { input: firmInput({ domain, password }) });
      expect(res.errors?.[0]?.extensions?.code).toBe('WEAK_PASSWORD');
    }
    expect(await firmRows(domain)).toHaveLength(0);
  });

  it('F4: the password is stored as an argon2id hash and never returned', async () => {
    const firm = await signUpFirm(system);
    const [credential] = await system.services.firms.db.dataSource.query('SELECT * FROM credentials WHERE member_id = ?', [firm.memberId]);
    expect(credential.password_hash).toMatch(/^\$argon2id\$v=19\$/);
    const params = /\$v=19\$([^$]+)\$/.exec(credential.password_hash)![1].split(',').sort();
    expect(params).toEqual(['m=19456', 'p=1', 't=2']); // OWASP: 19 MiB, 2 iterations, 1 lane
    expect(credential.password_hash).not.toContain(firm.password);
    // SPEC G7: only signed-in callers read the schema.
    const schema = await system.gql('{ __type(name: "Member") { fields { name } } }', {}, firm.token);
    expect(schema.data.__type.fields.map((f: { name: string }) => f.name)).not.toEqual(expect.arrayContaining(['password']));
  });

  it('F4: logs in with the username (any case) and refuses a wrong password or unknown user alike', async () => {
    const firm = await signUpFirm(system);
    const ok = await system.gql(LOG_IN, { u: firm.username.toUpperCase(), p: firm.password });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.logIn.member).toEqual({ id: firm.memberId, firmRole: 'ADMIN' });
    const wrong = await system.gql(LOG_IN, { u: firm.username, p: 'wrong password here' });
    const unknown = await system.gql(LOG_IN, { u: 'nobody.here', p: 'wrong password here' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.errors?.[0]).toEqual({ ...wrong.errors?.[0] });
  });

  it('F1: bad input is refused with BAD_USER_INPUT naming every bad field', async () => {
    const input = firmInput();
    const res = await system.gql(SIGN_UP, {
      input: { ...input, website: 'not a url', founder: { ...input.founder, workEmail: 'nope', cellPhone: 'call me' } },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (res.errors?.[0]?.extensions as { fields: Array<{ field: string }> }).fields.map((f) => f.field).sort();
    expect(fields).toEqual(['founder.cellPhone', 'founder.workEmail', 'website']);
  });
});
