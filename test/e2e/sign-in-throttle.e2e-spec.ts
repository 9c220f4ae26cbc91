import { gatewayRequest } from '@advisor/system';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { registerClient, signUpFirm, type SignedUpFirm } from '../support/fixtures';

const LOG_IN = `mutation($u: String!, $p: String!) { logIn(username: $u, password: $p) { accessToken } }`;
const LOG_IN_CLIENT = `mutation($e: String!, $p: String!) { logInClientAdmin(email: $e, password: $p) { accessToken } }`;

/** SPEC G7, F4 through the gateway: the caller's address is the one a trusted proxy reports. */
describe('sign-in throttling (F4, G7)', () => {
  let system: TestSystem;
  let victim: SignedUpFirm;
  let bystander: SignedUpFirm;

  beforeAll(async () => {
    system = await startTestSystem({ gatewayHardening: { trustProxy: 'loopback' } });
    victim = await signUpFirm(system);
    bystander = await signUpFirm(system);
  });
  afterAll(() => system?.teardown());

  const from = async (address: string, query: string, variables: Record<string, unknown>) => {
    const started = Date.now();
    const res = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions: { code: string } }> };
    return { ...body, ms: Date.now() - started };
  };
  const logIn = (address: string, u: string, p: string) => from(address, LOG_IN, { u, p });

  it('F4, G7: 20 wrong passwords lock the username and slow the address, while another user signs in normally', async () => {
    const attacker = '203.0.113.7';
    for (let i = 0; i < 20; i++) {
      const res = await logIn(attacker, victim.username, `wrong password number ${i}`);
      expect(res.errors?.[0]?.extensions.code).toBe('INVALID_CREDENTIALS');
    }
    // The right password no longer opens the account, from anywhere, answered like a wrong one.
    const locked = await logIn('198.51.100.20', victim.username, victim.password);
    expect(locked.errors?.[0]?.extensions.code).toBe('INVALID_CREDENTIALS');
    expect(locked.errors?.[0]?.message).toBe('The username or password is not correct.');

    // Another user, from another address, signs in at once.
    const other = await logIn('198.51.100.21', bystander.username, bystander.password);
    expect(other.errors).toBeUndefined();
    expect(other.data.logIn.accessToken).toBeTruthy();

    // The attacker's address is slowed: even a right password waits its turn there.
    const slowed = await logIn(attacker, bystander.username, bystander.password);
    expect(slowed.errors?.[0]?.extensions.code).toBe('INVALID_CREDENTIALS');
    system.clock.advance(61_000);
    const later = await logIn(attacker, bystander.username, bystander.password);
    expect(later.errors).toBeUndefined();

    // The lock is temporary: 15 minutes.
    system.clock.advance(15 * 60_000);
    const unlocked = await logIn('198.51.100.20', victim.username, victim.password);
    expect(unlocked.errors).toBeUndefined();
  });

  it('G7: an unknown user, a wrong password and a locked account get the same answer in about the same time', async () => {
    const target = await signUpFirm(system);
    for (let i = 0; i < 20; i++) await logIn('203.0.113.50', target.username, `nope ${i}`);
    const median = async (run: () => Promise<{ ms: number; errors?: Array<{ message: string; extensions: { code: string } }> }>) => {
      const results = [];
      for (let i = 0; i < 5; i++) results.push(await run());
      const first = results[0]!.errors![0]!;
      return { ms: results.map((r) => r.ms).sort((a, b) => a - b)[2]!, answer: `${first.extensions.code}: ${first.message}` };
    };
    let n = 0;
    // Each from a fresh address, so the address counter does not step in.
    const unknown = await median(() => logIn(`192.0.2.${++n}`, `nobody-${Date.now()}`, 'some password here'));
    const wrong = await median(() => logIn(`192.0.2.${100 + ++n}`, bystander.username, 'not the right password'));
    const lockedOut = await median(() => logIn(`192.0.2.${200 + ++n}`, target.username, target.password));
    expect(new Set([unknown.answer, wrong.answer, lockedOut.answer]).size).toBe(1);
    for (const m of [unknown.ms, lockedOut.ms]) {
      expect(m).toBeGreaterThan(wrong.ms * 0.4);
      expect(m).toBeLessThan(wrong.ms * 2.5 + 50);
    }
  });

  it('G7, G4: failed, throttled and locking attempts are on the member\'s audit trail, with the address and never the password', async () => {
    const member = await signUpFirm(system);
    for (let i = 0; i < 20; i++) await logIn('203.0.113.99', member.username, `secret-guess-${i}`);
    system.clock.advance(16 * 60_000);
    const admin = await logIn('198.51.100.99', member.username, member.password);
    const trail = await system.gql(
      `query($id: ID) { firmAuditTrail(first: 100, subjectId: $id) { action after actor { id } } }`,
      { id: member.memberId },
      admin.data.logIn.accessToken,
    );
    const actions = trail.data.firmAuditTrail.map((e: { action: string }) => e.action);
    expect(actions).toContain('SIGN_IN_FAILED');
    expect(actions).toContain('SIGN_IN_THROTTLED');
    expect(actions).toContain('SIGN_IN_LOCKED');
    expect(trail.data.firmAuditTrail.find((e: { action: string }) => e.action === 'SIGN_IN_FAILED').after).toContain('203.0.113.99');
    expect(JSON.stringify(trail.data)).not.toContain('secret-guess');
  });

  it('F4, G7: client admin sign-in is throttled the same way', async () => {
    const client = await registerClient(system);
    for (let i = 0; i < 20; i++) {
      const res = await from('203.0.113.150', LOG_IN_CLIENT, { e: client.adminEmail, p: `wrong ${i}` });
      expect(res.errors?.[0]?.extensions.code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await from('198.51.100.150', LOG_IN_CLIENT, { e: client.adminEmail, p: client.adminPassword });
    expect(locked.errors?.[0]?.extensions.code).toBe('INVALID_CREDENTIALS');
    const trail = await gatewayRequest(system.gatewayUrl, '{ clientAuditTrail(first: 50) { action } }', {}, client.token);
    expect(trail.data.clientAuditTrail.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['SIGN_IN_FAILED', 'SIGN_IN_LOCKED']));
    system.clock.advance(16 * 60_000);
    const later = await from('198.51.100.150', LOG_IN_CLIENT, { e: client.adminEmail, p: client.adminPassword });
    expect(later.errors).toBeUndefined();
  });

  it('G7: an address the caller sends without a trusted proxy is not believed', async () => {
    const plain = await startTestSystem();
    try {
      const someone = await signUpFirm(plain);
      for (let i = 0; i < 12; i++) {
        await fetch(plain.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.8.${i}` },
          body: JSON.stringify({ query: LOG_IN, variables: { u: `ghost-${i}`, p: 'whatever password' } }),
        });
      }
      // All twelve counted against the socket's own address: the next attempt there waits.
      const res = await plain.gql(LOG_IN, { u: someone.username, p: someone.password });
      expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    } finally {
      await plain.teardown();
    }
  });
});
