import { Secret, TOTP } from 'otpauth';
import { startTestSystem, eventually, tokenFromMail, type TestSystem } from '../support/test-system';
import { ACCEPT_MEMBER, INVITE_MEMBER, inviteAndJoin, signUpFirm, type SignedUpFirm } from '../support/fixtures';

const SIGN_IN = `mutation($u: String!, $p: String!) {
  signIn(username: $u, password: $p) { next challenge challengeExpiresAt session { accessToken } }
}`;
const LOG_IN = `mutation($u: String!, $p: String!) { logIn(username: $u, password: $p) { accessToken } }`;
const COMPLETE = `mutation($c: String!, $code: String!) { completeSignIn(challenge: $c, code: $code) { accessToken refreshToken member { id } } }`;
const BEGIN = `mutation($c: String) { beginTwoFactorEnrolment(challenge: $c) { otpauthUri secret qrCode expiresAt } }`;
const CONFIRM = `mutation($code: String!, $c: String) {
  confirmTwoFactorEnrolment(code: $code, challenge: $c) { recoveryCodes session { accessToken member { id } } }
}`;
const REQUIRE = `mutation($r: Boolean!) { requireTwoFactor(required: $r) { id twoFactorRequired } }`;
const RESET = `mutation($m: ID!) { resetMemberTwoFactor(memberId: $m) { id twoFactorEnabled } }`;
const ME = `{ me { id twoFactorEnabled } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`;
const TRAIL = `query($id: ID) { firmAuditTrail(subjectId: $id, first: 100) { action actor { id } before after } }`;

type Res = { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
const code = (res: Res) => res.errors?.[0]?.extensions?.code;

/**
 * SPEC F9 through the gateway on MySQL and Kafka: a member enrols a TOTP authenticator (RFC 6238)
 * and gets ten recovery codes; sign-in becomes two steps (a challenge, then a code, each accepted
 * once, throttled like passwords); a firm ADMIN requires it for everyone (members without it can
 * do nothing but enrol) and resets a member's second factor, audited (G4).
 */
describe('F9 two-factor sign-in', () => {
  let system: TestSystem;
  let firm: SignedUpFirm;
  let otherFirm: SignedUpFirm;
  let address = 0;

  /** Each test signs in from an address of its own (a trusted proxy reports it), so address counters stay apart. */
  const from = (addr: string) => async (query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Res> => {
    const res = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': addr, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as Res;
  };
  const newAddress = () => from(`198.51.100.${++address}`);
  /** The code an authenticator app shows now (the system's test clock), computed with the same library. */
  const codeNow = (secret: string, offsetMs = 0) =>
    new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: system.clock.now().getTime() + offsetMs });
  /** Moves the clock to the start of the next 30-second step, so a fresh code exists. */
  const nextStep = () => system.clock.advance(30_000 - (system.clock.now().getTime() % 30_000) + 1);

  const enrol = async (gql: ReturnType<typeof from>, token?: string, challenge?: string) => {
    const begun = await gql(BEGIN, { c: challenge ?? null }, token);
    if (begun.errors) throw new Error(JSON.stringify(begun.errors));
    const { secret } = begun.data.beginTwoFactorEnrolment;
    const confirmed = await gql(CONFIRM, { code: codeNow(secret), c: challenge ?? null }, token);
    if (confirmed.errors) throw new Error(JSON.stringify(confirmed.errors));
    return { secret, ...confirmed.data.confirmTwoFactorEnrolment } as { secret: string; recoveryCodes: string[]; session: { accessToken: string } | null };
  };

  beforeAll(async () => {
    system = await startTestSystem({ gatewayHardening: { trustProxy: 'loopback' } });
    firm = await signUpFirm(system);
    otherFirm = await signUpFirm(system);
  });
  afterAll(() => system?.teardown());

  it('F9: a member enrols with the otpauth URI and its QR code, confirms with a first code and sees ten recovery codes once; the secret is sealed and never shown again', async () => {
    const gql = newAddress();
    const member = await inviteAndJoin(system, firm);
    const begun = await gql(BEGIN, {}, member.token);
    expect(begun.errors).toBeUndefined();
    const enrolment = begun.data.beginTwoFactorEnrolment;
    const uri = new URL(enrolment.otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({ issuer: 'Advisor Dashboard', secret: enrolment.secret, algorithm: 'SHA1', digits: '6', period: '30' });
    expect(decodeURIComponent(uri.pathname)).toContain(member.email);
    expect(enrolment.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrolment.qrCode.split(',')[1], 'base64').toString('utf8')).toContain('<svg');

    // The secret at rest is sealed (AES-256-GCM), not the base32 the app got.
    const [row] = await system.services.firms.db.dataSource.query('SELECT secret_sealed, status FROM member_second_factors WHERE member_id = ?', [member.memberId]);
    expect(row.status).toBe('PENDING');
    expect(row.secret_sealed).toMatch(/^v1\./);
    expect(row.secret_sealed).not.toContain(enrolment.secret);

    // A wrong first code confirms nothing.
    const wrong = await gql(CONFIRM, { code: codeNow(enrolment.secret) === '000000' ? '111111' : '000000' }, member.token);
    expect(code(wrong)).toBe('INVALID_TWO_FACTOR_CODE');
    expect((await gql(ME, {}, member.token)).data.me.twoFactorEnabled).toBe(false);

    const confirmed = await gql(CONFIRM, { code: codeNow(enrolment.secret) }, member.token);
    expect(confirmed.errors).toBeUndefined();
    const codes: string[] = confirmed.data.confirmTwoFactorEnrolment.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    expect(confirmed.data.confirmTwoFactorEnrolment.session).toBeNull();
    expect((await gql(ME, {}, member.token)).data.me.twoFactorEnabled).toBe(true);

    // Recovery codes are kept as hashes only.
    const stored = await system.services.firms.db.dataSource.query('SELECT code_hash FROM recovery_codes WHERE member_id = ?', [member.memberId]);
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(codes[0].replace(/-/g, ''));

    // Enrolled: the secret is never handed out again.
    const again = await gql(BEGIN, {}, member.token);
    expect(code(again)).toBe('TWO_FACTOR_ALREADY_ENABLED');
    expect(JSON.stringify(again)).not.toContain(enrolment.secret);

    const trail = await gql(TRAIL, { id: member.memberId }, firm.token);
    expect(trail.data.firmAuditTrail.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['TWO_FACTOR_ENABLED', 'TWO_FACTOR_CODE_FAILED']));
  });

  it('F9: sign-in is two steps: the password gives a challenge, not a session; a right code gives the session; a wrong or replayed code is refused', async () => {
    const gql = newAddress();
    const member = await inviteAndJoin(system, firm);
    const { secret } = await enrol(gql, member.token);

    const step = await gql(SIGN_IN, { u: member.username, p: 'a long enough passphrase' });
    expect(step.errors).toBeUndefined();
    expect(step.data.signIn).toMatchObject({ next: 'TWO_FACTOR_CODE', session: null, challenge: expect.any(String) });
    const { challenge } = step.data.signIn;
    // The challenge is no token: the gateway refuses it everywhere.
    expect(code(await gql(ME, {}, challenge))).toBe('UNAUTHENTICATED');
    // The one-step logIn cannot sign this member in.
    expect(code(await gql(LOG_IN, { u: member.username, p: 'a long enough passphrase' }))).toBe('TWO_FACTOR_REQUIRED');

    expect(code(await gql(COMPLETE, { c: challenge, code: '12345' }))).toBe('INVALID_TWO_FACTOR_CODE');
    nextStep();
    const theCode = codeNow(secret);
    const done = await gql(COMPLETE, { c: challenge, code: theCode });
    expect(done.errors).toBeUndefined();
    expect((await gql(ME, {}, done.data.completeSignIn.accessToken)).data.me.id).toBe(member.memberId);
    // A challenge works once.
    expect(code(await gql(COMPLETE, { c: challenge, code: theCode }))).toBe('SIGN_IN_CHALLENGE_EXPIRED');

    // The same code, within its 30 seconds, does not sign in a second time (no replay) …
    const second = (await gql(SIGN_IN, { u: member.username, p: 'a long enough passphrase' })).data.signIn.challenge;
    expect(code(await gql(COMPLETE, { c: second, code: theCode }))).toBe('INVALID_TWO_FACTOR_CODE');
    // … nor does the previous step's code, still inside the ±1 step window.
    expect(code(await gql(COMPLETE, { c: second, code: codeNow(secret, -30_000) }))).toBe('INVALID_TWO_FACTOR_CODE');
    // The next step's code does.
    nextStep();
    expect((await gql(COMPLETE, { c: second, code: codeNow(secret) })).errors).toBeUndefined();

    // A challenge expires after 5 minutes.
    const late = (await gql(SIGN_IN, { u: member.username, p: 'a long enough passphrase' })).data.signIn.challenge;
    system.clock.advance(5 * 60_000 + 1_000);
    expect(code(await gql(COMPLETE, { c: late, code: codeNow(secret) }))).toBe('SIGN_IN_CHALLENGE_EXPIRED');
  });

  it('F9: a recovery code signs in once; used again it is refused; the trail says how many are left', async () => {
    const gql = newAddress();
    const member = await inviteAndJoin(system, firm);
    const { recoveryCodes } = await enrol(gql, member.token);
    const challenge = async () => (await gql(SIGN_IN, { u: member.username, p: 'a long enough passphrase' })).data.signIn.challenge as string;

    const used = await gql(COMPLETE, { c: await challenge(), code: recoveryCodes[3].toUpperCase() });
    expect(used.errors).toBeUndefined();
    expect((await gql(ME, {}, used.data.completeSignIn.accessToken)).data.me.id).toBe(member.memberId);
    expect(code(await gql(COMPLETE, { c: await challenge(), code: recoveryCodes[3] }))).toBe('INVALID_TWO_FACTOR_CODE');
    expect((await gql(COMPLETE, { c: await challenge(), code: recoveryCodes[4].replace(/-/g, ' ') })).errors).toBeUndefined();

    const trail = await gql(TRAIL, { id: member.memberId }, firm.token);
    const uses = trail.data.firmAuditTrail.filter((e: { action: string }) => e.action === 'RECOVERY_CODE_USED');
    expect(uses.map((e: { after: string }) => JSON.parse(e.after).recoveryCodesLeft)).toEqual([8, 9]);
    expect(JSON.stringify(trail.data)).not.toContain(recoveryCodes[3]);
  });

  it('F9, G7: codes are throttled like passwords: after 3 wrong codes even the right one waits, a right password does not clear the count, and 5 wrong codes void a challenge', async () => {
    const gql = newAddress();
    const member = await inviteAndJoin(system, firm);
    const { secret } = await enrol(gql, member.token);
    const signIn = async () => (await gql(SIGN_IN, { u: member.username, p: 'a long enough passphrase' })).data.signIn.challenge as string;
    const wrong = () => (codeNow(secret) === '000000' ? '111111' : '000000');

    // A time step whose code has not been used (enrolment used the current one).
    nextStep();
    const challenge = await signIn();
    for (let i = 0; i < 3; i++) expect(code(await gql(COMPLETE, { c: challenge, code: wrong() }))).toBe('INVALID_TWO_FACTOR_CODE');
    // Throttled: the right code is not even checked (and counts as a failure).
    expect(code(await gql(COMPLETE, { c: challenge, code: codeNow(secret) }))).toBe('INVALID_TWO_FACTOR_CODE');
    // A fresh challenge from the right password does not clear the codes' count.
    const fresh = await signIn();
    expect(code(await gql(COMPLETE, { c: fresh, code: codeNow(secret) }))).toBe('INVALID_TWO_FACTOR_CODE');
    // After the wait, the right code works.
    system.clock.advance(61_000);
    nextStep();
    expect((await gql(COMPLETE, { c: fresh, code: codeNow(secret) })).errors).toBeUndefined();

    // Five wrong codes void a challenge, whatever comes after.
    const voided = await signIn();
    // Spaced out so the throttle lets each one be checked, all within the challenge's 5 minutes.
    for (let i = 0; i < 5; i++) {
      system.clock.advance(13_000);
      expect(code(await gql(COMPLETE, { c: voided, code: wrong() }))).toBe('INVALID_TWO_FACTOR_CODE');
    }
    system.clock.advance(13_000);
    expect(code(await gql(COMPLETE, { c: voided, code: codeNow(secret) }))).toBe('SIGN_IN_CHALLENGE_EXPIRED');

    const trail = await gql(TRAIL, { id: member.memberId }, firm.token);
    const actions = trail.data.firmAuditTrail.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['TWO_FACTOR_CODE_FAILED', 'TWO_FACTOR_THROTTLED']));
    system.clock.advance(15 * 60_000);
  });

  it('F9: an ADMIN requires it for the firm: members without it are signed out, get only an enrolment challenge (no token), and can do nothing else until they enrol', async () => {
    const gql = newAddress();
    const manager = await inviteAndJoin(system, firm, { permissions: ['MANAGE_MEMBERS'] });
    const member = await inviteAndJoin(system, firm);
    // Only an ADMIN, and only one who has it on.
    expect(code(await gql(REQUIRE, { r: true }, manager.token))).toBe('FORBIDDEN');
    expect(code(await gql(REQUIRE, { r: true }, firm.token))).toBe('TWO_FACTOR_NOT_ENABLED');
    expect((await gql(`{ myFirm { twoFactorRequired } }`, {}, firm.token)).data.myFirm.twoFactorRequired).toBe(false);
    await enrol(gql, firm.token);

    const required = await gql(REQUIRE, { r: true }, firm.token);
    expect(required.errors).toBeUndefined();
    expect(required.data.requireTwoFactor.twoFactorRequired).toBe(true);

    // The member's tokens stop at the gateway; the session cannot be renewed.
    await eventually(async () => code(await gql(ME, {}, member.token)) === 'UNAUTHENTICATED', 20_000, 'the gateway to refuse the member without a second factor');
    expect(code(await gql(REFRESH, { t: member.refreshToken }))).toBe('SESSION_EXPIRED');
    // The ADMIN, who has it, keeps working.
    expect((await gql(ME, {}, firm.token)).data.me.twoFactorEnabled).toBe(true);

    // Signing in gives an enrolment challenge and nothing else.
    const step = await gql(SIGN_IN, { u: member.username, p: 'a long enough passphrase' });
    expect(step.data.signIn).toMatchObject({ next: 'TWO_FACTOR_ENROLMENT', session: null });
    const challenge = step.data.signIn.challenge;
    expect(code(await gql(LOG_IN, { u: member.username, p: 'a long enough passphrase' }))).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    expect(code(await gql(ME, {}, challenge))).toBe('UNAUTHENTICATED');
    expect(code(await gql(`{ myClients { id } }`, {}, challenge))).toBe('UNAUTHENTICATED');
    // A code challenge is not an enrolment challenge, nor the other way round.
    expect(code(await gql(COMPLETE, { c: challenge, code: '123456' }))).toBe('SIGN_IN_CHALLENGE_EXPIRED');

    // A new member joining now is created, but gets no session until they enrol.
    const email = `late.joiner.${Date.now().toString(36)}@${firm.domain}`;
    const invited = await gql(INVITE_MEMBER, { input: { firstName: 'Late', lastName: 'Joiner', email, jobRole: 'Staff', permissions: [] } }, firm.token);
    expect(invited.errors).toBeUndefined();
    const joinToken = tokenFromMail(system.mailTo(email).pop()!.text);
    const accepted = await gql(ACCEPT_MEMBER, { token: joinToken, username: `late.${Date.now().toString(36)}`, password: 'a long enough passphrase' });
    expect(code(accepted)).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    const members = await gql(`{ myFirm { members { workEmail twoFactorEnabled } } }`, {}, firm.token);
    expect(members.data.myFirm.members).toEqual(expect.arrayContaining([{ workEmail: email, twoFactorEnabled: false }]));

    // Enrolling with the challenge signs the member in.
    const enrolled = await enrol(gql, undefined, challenge);
    expect(enrolled.recoveryCodes).toHaveLength(10);
    expect((await gql(ME, {}, enrolled.session!.accessToken)).data.me).toEqual({ id: member.memberId, twoFactorEnabled: true });
    // The challenge was used up.
    expect(code(await gql(BEGIN, { c: challenge }))).toBe('SIGN_IN_CHALLENGE_EXPIRED');

    const trail = await gql(TRAIL, { id: firm.firmId }, firm.token);
    const change = trail.data.firmAuditTrail.find((e: { action: string }) => e.action === 'TWO_FACTOR_REQUIREMENT_CHANGED');
    expect(change).toMatchObject({ actor: { id: firm.memberId } });
    expect(JSON.parse(change.after)).toMatchObject({ twoFactorRequired: true, membersToEnrol: 2 });
  });

  it("F9, G4: resetting a member's second factor is an ADMIN action, audited; it ends their sessions, and the firm's requirement asks them to enrol again", async () => {
    const gql = newAddress();
    // The firm requires two-factor sign-in since the previous test; the ADMIN has it.
    const memberEmail = `resettable.${Date.now().toString(36)}@${firm.domain}`;
    await gql(INVITE_MEMBER, { input: { firstName: 'Reset', lastName: 'Able', email: memberEmail, jobRole: 'Staff', permissions: [] } }, firm.token);
    const username = `resettable.${Date.now().toString(36)}`;
    const accepted = await gql(ACCEPT_MEMBER, { token: tokenFromMail(system.mailTo(memberEmail).pop()!.text), username, password: 'a long enough passphrase' });
    expect(code(accepted)).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    const challenge = (await gql(SIGN_IN, { u: username, p: 'a long enough passphrase' })).data.signIn.challenge;
    const enrolled = await enrol(gql, undefined, challenge);
    const memberToken = enrolled.session!.accessToken;
    const memberId = (await gql(ME, {}, memberToken)).data.me.id;

    expect(code(await gql(RESET, { m: memberId }, memberToken))).toBe('FORBIDDEN');
    expect(code(await gql(RESET, { m: memberId }, otherFirm.token))).toBe('NOT_FOUND');

    const reset = await gql(RESET, { m: memberId }, firm.token);
    expect(reset.errors).toBeUndefined();
    expect(reset.data.resetMemberTwoFactor).toEqual({ id: memberId, twoFactorEnabled: false });
    await eventually(async () => code(await gql(ME, {}, memberToken)) === 'UNAUTHENTICATED', 20_000, 'the gateway to refuse the reset member');
    // Their recovery codes are gone with the authenticator; the firm's requirement asks them to enrol again.
    const db = system.services.firms.db.dataSource;
    expect(await db.query('SELECT id FROM recovery_codes WHERE member_id = ?', [memberId])).toEqual([]);
    expect(await db.query('SELECT member_id FROM member_second_factors WHERE member_id = ?', [memberId])).toEqual([]);
    const after = await gql(SIGN_IN, { u: username, p: 'a long enough passphrase' });
    expect(after.data.signIn.next).toBe('TWO_FACTOR_ENROLMENT');

    const trail = await gql(TRAIL, { id: memberId }, firm.token);
    const entry = trail.data.firmAuditTrail.find((e: { action: string }) => e.action === 'TWO_FACTOR_RESET');
    expect(entry).toMatchObject({ actor: { id: firm.memberId } });
    expect(JSON.parse(entry.before)).toEqual({ twoFactorEnabled: true });
    expect(JSON.parse(entry.after)).toEqual({ twoFactorEnabled: false });
  });
});
