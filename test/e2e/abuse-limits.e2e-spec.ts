import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, buildClientSchema, getIntrospectionQuery, parse, validate, type DocumentNode } from 'graphql';
import type { AddressInfo } from 'node:net';
import { AccessTokenIssuer, InProcessTransport, createLogger, generateSigningKeyPair } from '@advisor/kit';
import express from 'express';
import { EXPLORER_CSP, QUERY_LIMITS, SUPERGRAPH_PATH, securityHeaders, startGateway } from '@advisor/gateway';
import { GATEWAY_SECRET_HEADER } from '@advisor/kit';
import { checkTokens, costError, limitValidationRules } from '../../gateway/src/limits';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { registerClient, signUpFirm, type SignedUpFirm } from '../support/fixtures';

/** Everything an error body must never carry (SPEC G7). */
function expectNothingInternal(body: string) {
  expect(body).not.toMatch(/Syntax Error:/);
  expect(body).not.toMatch(/serviceName/);
  expect(body).not.toMatch(/stacktrace|\bat \S+ \(/);
  expect(body).not.toMatch(/https?:\/\/127\.0\.0\.1|localhost:\d+/);
  expect(body).not.toMatch(/\/work\/|\/home\/|node_modules|\.ts:\d+/);
  expect(body).not.toMatch(/\b(SELECT|INSERT INTO)\b/);
  expect(body).not.toMatch(/<html|<pre>/i);
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const started = Date.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  return { status: res.status, text, json: safeJson(text), ms: Date.now() - started, headers: res.headers };
}
const safeJson = (t: string) => {
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
};

/** The attacker's query from the issue: 2 aliases per level of nested fragments, `depth` levels. */
function fanOutQuery(depth: number): string {
  const fragments: string[] = [];
  for (let i = 0; i < depth; i++) {
    const inner = i === depth - 1 ? 'id name' : `firm { ...L${i + 1} }`;
    fragments.push(`fragment L${i} on Firm { a: members { ${inner} } b: members { ${inner} } }`);
  }
  return `query { myFirm { ...L0 } } ${fragments.join(' ')}`;
}

describe('abuse limits at the gateway (G7)', () => {
  let system: TestSystem;
  let firm: SignedUpFirm;
  const ops = 'operators-only-token-0123456789';

  beforeAll(async () => {
    system = await startTestSystem({ gatewayHardening: { opsToken: ops } });
    firm = await signUpFirm(system);
  });
  afterAll(() => system?.teardown());

  it('G7: every GraphQL document in the repository (web app, demo, tests) passes at half the limits', async () => {
    const introspection = await system.gql(getIntrospectionQuery(), {}, firm.token);
    const schema = buildClientSchema(introspection.data);
    const root = join(__dirname, '../..');
    const files = execFileSync('git', ['ls-files', 'web/src', 'system/src', 'test', 'services', 'packages'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.tsx?$/.test(f) && !f.startsWith('web/src/gql/') && !f.endsWith('abuse-limits.e2e-spec.ts'));
    const half = { ...QUERY_LIMITS, maxDepth: 6, maxAliases: 10, maxDirectives: 10, maxTokens: 1000, maxCost: 10_000 };
    let operations = 0;
    for (const file of files) {
      for (const [, source] of readFileSync(join(root, file), 'utf8').matchAll(/`(\s*(?:query|mutation|subscription)\b[^`]*)`/g)) {
        if (source.includes('${')) continue;
        let document: DocumentNode;
        try {
          document = parse(source);
        } catch {
          continue;
        }
        operations += document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
        expect(() => checkTokens(source, half)).not.toThrow();
        expect({ file, errors: validate(schema, document, limitValidationRules(half)).map((e) => e.message) }).toEqual({ file, errors: [] });
        expect({ file, cost: costError(schema, document, {}, half)?.message }).toEqual({ file, cost: undefined });
      }
    }
    expect(operations).toBeGreaterThan(100);
  });

  it('G7: the nested-fragment fan-out is refused in well under a second with QUERY_TOO_COMPLEX, memory flat', async () => {
    const before = process.memoryUsage().rss;
    const res = await post(system.gatewayUrl, JSON.stringify({ query: fanOutQuery(14) }), { authorization: `Bearer ${firm.token}` });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.ms).toBeLessThan(1000);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    expectNothingInternal(res.text);
  });

  it('G7: 20,000 aliases without a token are refused at once, and another tenant is served meanwhile', async () => {
    const flood = (n: number) =>
      post(system.gatewayUrl, JSON.stringify({ query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: myFirm { name }`).join(' ')} }` }));
    const other = system.gql('{ myFirm { name } }', {}, firm.token);
    // 20,000 aliases are over the body limit already; 9,000 fit in it and are over the token count.
    const [tooLarge, refused, served] = await Promise.all([flood(20_000), flood(9_000), other]);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens' });
    for (const r of [tooLarge, refused]) {
      expect(r.ms).toBeLessThan(1000);
      expectNothingInternal(r.text);
    }
    expect(served.errors).toBeUndefined();
    expect(served.data.myFirm.name).toContain('Firm');

    const few = Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: me { id }`).join(' ');
    const tooMany = await system.gql(`{ ${few} }`, {}, firm.token);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
  });

  it.each([601, 2001])('G7: a query %i levels deep is refused with a 400, not a stack overflow', async (depth) => {
    const query = `{ ${'me { firm { '.repeat(Math.ceil(depth / 2))}id${' } }'.repeat(Math.ceil(depth / 2))} }`;
    const res = await post(system.gatewayUrl, JSON.stringify({ query }), { authorization: `Bearer ${firm.token}` });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expectNothingInternal(res.text);
  });

  it('G7: depth beyond the limit (short enough to pass the token count) is refused by the depth rule', async () => {
    const levels = QUERY_LIMITS.maxDepth;
    const query = `{ ${'me { firm { '.repeat(levels)}id${' } }'.repeat(levels)} }`;
    const res = await system.gql(query, {}, firm.token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth' });
    expect(res.errors?.[0]?.message).not.toMatch(/Syntax Error/);
  });

  it('G7: a list costs by its page size, from a literal, a variable or the default', async () => {
    const query = `query($n: Int) { firmAuditTrail(first: $n) { actor { firm { members { firstName lastName workEmail jobRole firmRole permissions active } } } } }`;
    const big = await system.gql(query, { n: 500 }, firm.token);
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    const small = await system.gql(query, { n: 5 }, firm.token);
    expect(small.errors).toBeUndefined();
    const literal = await system.gql(query.replace('($n: Int)', '').replace('$n', '500'), {}, firm.token);
    expect(literal.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
  });

  it('G7: directives are bounded', async () => {
    const many = Array.from({ length: QUERY_LIMITS.maxDirectives + 1 }, () => '@include(if: true)').join(' ');
    const res = await system.gql(`{ me ${many} { id } }`, {}, firm.token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'directives' });
  });

  it('G7: batched requests are refused; bodies are bounded; bad JSON is a GraphQL error, not an HTML page', async () => {
    const batch = await post(system.gatewayUrl, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(batch.status).toBe(400);
    expectNothingInternal(batch.text);

    const huge = await post(system.gatewayUrl, JSON.stringify({ query: '{ __typename }', variables: { x: 'x'.repeat(QUERY_LIMITS.maxBodyBytes) } }));
    expect(huge.status).toBe(413);
    expect(huge.json.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');

    const bad = await post(system.gatewayUrl, '{"query": "{ __typename }"');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/json/);
    expect(bad.json.errors[0].extensions.code).toBe('BAD_REQUEST');
    expectNothingInternal(bad.text);
  });

  it('G7: no anonymous introspection and no field suggestions; a signed-in caller may read the schema', async () => {
    const anonymous = await system.gql('{ __schema { queryType { name } } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const typeProbe = await system.gql('{ __type(name: "Member") { fields { name } } }');
    expect(typeProbe.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const signedIn = await system.gql('{ __schema { queryType { name } } }', {}, firm.token);
    expect(signedIn.data.__schema.queryType.name).toBe('Query');

    for (const token of [undefined, firm.token]) {
      const typo = await system.gql('{ myFirmm { name } }', {}, token);
      expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
      expect(JSON.stringify(typo)).not.toMatch(/myFirm"/);
    }
  });

  it('G7: security headers on the API and the app: nosniff, no framing, a referrer policy; HSTS only over TLS', async () => {
    const res = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('G7: behind a trusted TLS proxy HSTS is sent; the explorer can be given its own CSP', async () => {
    const app = express();
    app.set('trust proxy', 'loopback');
    app.use(securityHeaders());
    app.get('/explorer', securityHeaders(EXPLORER_CSP), (_req, res) => res.send('ok'));
    app.get('/x', (_req, res) => res.send('ok'));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const tls = await fetch(`${base}/x`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(tls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect((await fetch(`${base}/x`)).headers.get('strict-transport-security')).toBeNull();
      const explorer = (await fetch(`${base}/explorer`)).headers.get('content-security-policy')!;
      expect(explorer).toMatch(/script-src 'self' 'unsafe-inline'/);
      expect(explorer).toMatch(/worker-src 'self' blob:/);
      expect(explorer).toMatch(/frame-ancestors 'none'/);
    } finally {
      server.close();
    }
  });

  it('G7: a subgraph answers a bad JSON body with a GraphQL error too', async () => {
    const res = await post(system.services.firms.url, '{"query": ', { [GATEWAY_SECRET_HEADER]: system.secrets.firms });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe('BAD_REQUEST');
    expectNothingInternal(res.text);
  });

  it("G7: /ready tells the public a status word only; operators with the token see the checks", async () => {
    const base = system.gatewayUrl.replace(/\/graphql$/, '');
    const open = await (await fetch(`${base}/ready`)).json();
    expect(open).toEqual({ status: 'ready' });
    const forOps = (await (await fetch(`${base}/ready`, { headers: { 'x-advisor-ops-token': ops } })).json()) as { checks: unknown };
    expect(forOps.checks).toEqual(expect.objectContaining({ gateway: true }));
    const wrong = await (await fetch(`${base}/ready`, { headers: { 'x-advisor-ops-token': 'x'.repeat(30) } })).json();
    expect(wrong).toEqual({ status: 'ready' });
  });

  it('G7: a subgraph that fails is masked: INTERNAL_SERVER_ERROR with a request id, no URL and no serviceName', async () => {
    const client = await registerClient(system);
    await system.services.payrollSync.stop();
    const res = await post(system.gatewayUrl, JSON.stringify({ query: '{ myClientCompany { id timeTracking { status } } }' }), {
      authorization: `Bearer ${client.token}`,
    });
    const error = res.json.errors[0];
    expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.extensions.requestId).toBe(res.headers.get('x-request-id'));
    expect(Object.keys(error.extensions).sort()).toEqual(['code', 'requestId']);
    expectNothingInternal(res.text);
    // The rest of the graph still answers.
    expect((await system.gql('{ myFirm { name } }', {}, firm.token)).data.myFirm.name).toBeDefined();
  });
});

describe('request deadlines (G7)', () => {
  it('G7: a subgraph that never answers does not hold the request: the gateway answers in time, masked', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const hanging = http.createServer(() => undefined);
    hanging.on('connection', (s) => sockets.add(s));
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/graphql`;
    const keys = generateSigningKeyPair();
    const logger = createLogger({ name: 'deadline-test', level: 'silent' });
    const transport = new InProcessTransport(logger);
    const secret = 's'.repeat(32);
    const gateway = await startGateway(
      {
        host: '127.0.0.1',
        port: 0,
        supergraphPath: SUPERGRAPH_PATH,
        tokenPublicKeyPem: keys.publicKeyPem,
        subgraphTimeoutMs: 500,
        subgraphs: {
          firms: { url, secret },
          clients: { url, secret },
          invitations: { url, secret },
          'payroll-sync': { url, secret },
        },
      },
      logger,
      transport,
    );
    try {
      const issuer = await AccessTokenIssuer.fromPem(keys.privateKeyPem);
      const { token } = await issuer.issue(
        { realm: 'firm', memberId: crypto.randomUUID(), firmId: crypto.randomUUID(), email: 'a@b.example', firmRole: 'ADMIN', permissions: [] },
        crypto.randomUUID(),
      );
      const res = await post(gateway.url, JSON.stringify({ query: '{ myFirm { name } }' }), { authorization: `Bearer ${token}` });
      expect(res.ms).toBeLessThan(3000);
      expect(res.json.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(res.json.errors[0].extensions.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.get('x-request-id')).toBe(res.json.errors[0].extensions.requestId);
      expectNothingInternal(res.text);
    } finally {
      await gateway.stop();
      await transport.close();
      for (const s of sockets) s.destroy();
      hanging.close();
    }
  });
});
