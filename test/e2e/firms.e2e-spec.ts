import { startTestSystem, type TestSystem } from '../support/test-system';
import { SIGN_UP, firmInput, signUpFirm } from '../support/fixtures';

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

  it('F1: the founder becomes the first ADMIN with every firm permission, and is signed in', async () => {
    const input = firmInput();
    const res = await system.gql(SIGN_UP, { input });
    expect(res.errors).toBeUndefined();
    const member = res.data.signUpFirm.member;
    expect(member.firmRole).toBe('ADMIN');
    expect(member.permissions).toEqual(['MANAGE_FIRM', 'MANAGE_MEMBERS', 'MANAGE_CLIENTS', 'ASSIGN_CLIENTS', 'VIEW_ALL_CLIENTS']);
    expect(member.firm.domain).toBe(input.founder.workEmail.split('@')[1]);
    const me = await system.gql('{ me { id workEmail jobRole } myFirm { name website } }', {}, res.data.signUpFirm.accessToken);
    expect(me.data).toEqual({
      me: { id: member.id, workEmail: input.founder.workEmail, jobRole: 'Partner' },
      myFirm: { name: input.firmName, website: input.website },
    });
    const [row] = await system.services.firms.db.dataSource.query('SELECT * FROM members WHERE id = ?', [member.id]);
    expect(row).toMatchObject({ cell_phone: '+1 917 555 0101', personal_email: 'fran@home.example', work_phone: '+1 212 555 0100' });
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

  it('F3: two simultaneous sign-ups for one domain create exactly one firm', async () => {
    const domain = `race-${Date.now()}.example`;
    const results = await Promise.all(
      [0, 1, 2].map((i) => system.gql(SIGN_UP, { input: firmInput({ domain, workEmail: `p${i}@${domain}` }) })),
    );
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
