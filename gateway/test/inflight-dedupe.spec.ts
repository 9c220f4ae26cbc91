import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Identity } from '@advisor/kit';
import { SubgraphDataSource, type GatewayContext } from '../src/data-source';
import { pooledFetcher } from '../src/fetcher';

/**
 * Issue 13: identical queries in flight at once reach a subgraph once; each caller gets its own
 * answer. Different callers (identity headers), mutations, and calls one after another are never
 * merged.
 */
describe('identical subgraph queries in flight go out once', () => {
  let server: Server;
  let url: string;
  const bodies: string[] = [];
  let release: () => void = () => undefined;
  let held = new Promise<void>((r) => (release = r));

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c)).on('end', async () => {
        bodies.push(body);
        // Answers wait until the test lets them go, so calls are surely in flight together.
        await held;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: { me: { id: JSON.parse(Buffer.from(String(req.headers['x-advisor-identity']), 'base64url').toString()).memberId } } }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((r) => {
    server.closeAllConnections();
    server.close(r);
  }));

  const member = (memberId: string): Identity => ({ realm: 'firm', memberId, firmId: '00000000-0000-4000-8000-0000000000f1', email: 'm@firm.example', firmRole: 'ADMIN', permissions: [] });

  async function callsFor(requests: Array<{ query: string; identity: Identity }>) {
    const { fetcher, close } = pooledFetcher();
    const source = new SubgraphDataSource(url, 'secret', 5_000, fetcher);
    bodies.length = 0;
    held = new Promise<void>((r) => (release = r));
    try {
      const answers = requests.map(({ query, identity }) =>
        source.process({ kind: 'loading schema', request: { query, variables: {} }, context: { identity } } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>),
      );
      // Wait until the server has what will arrive, then answer everything.
      await new Promise((r) => setTimeout(r, 200));
      release();
      return { answers: await Promise.all(answers), calls: bodies.length };
    } finally {
      await close();
    }
  }

  it('ten identical queries of one caller: one call, ten answers, none shared', async () => {
    const { answers, calls } = await callsFor(Array.from({ length: 10 }, () => ({ query: '{ me { id } }', identity: member('00000000-0000-4000-8000-000000000001') })));
    expect(calls).toBe(1);
    expect(answers.map((a) => a.data)).toEqual(Array.from({ length: 10 }, () => ({ me: { id: '00000000-0000-4000-8000-000000000001' } })));
    expect(new Set(answers.map((a) => a.data)).size).toBe(10);
  });

  it('refused: two callers never share an answer (the identity header is part of the key)', async () => {
    const { answers, calls } = await callsFor([
      { query: '{ me { id } }', identity: member('00000000-0000-4000-8000-000000000001') },
      { query: '{ me { id } }', identity: member('00000000-0000-4000-8000-000000000002') },
    ]);
    expect(calls).toBe(2);
    expect(answers.map((a) => (a.data as { me: { id: string } }).me.id)).toEqual(['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']);
  });

  it('refused: identical mutations each go out', async () => {
    const { calls } = await callsFor(Array.from({ length: 3 }, () => ({ query: 'mutation { logOut }', identity: member('00000000-0000-4000-8000-000000000001') })));
    expect(calls).toBe(3);
  });

  it('a query asked again after the answer came goes out again (nothing is cached)', async () => {
    const first = await callsFor([{ query: 'query Me { me { id } }', identity: member('00000000-0000-4000-8000-000000000001') }]);
    const second = await callsFor([{ query: 'query Me { me { id } }', identity: member('00000000-0000-4000-8000-000000000001') }]);
    expect([first.calls, second.calls]).toEqual([1, 1]);
  });
});
