import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pooledFetcher } from '../src/fetcher';

/** The gateway's subgraph client (issue 13): what RemoteGraphQLDataSource reads, kept-alive sockets, deadlines. */
describe('pooled subgraph client', () => {
  let server: Server;
  let url: string;
  const sockets = new Set<unknown>();
  beforeAll(async () => {
    server = createServer((req, res) => {
      sockets.add(req.socket);
      let body = '';
      req.on('data', (c) => (body += c)).on('end', () => {
        if (req.url === '/slow') return void setTimeout(() => res.end('{}'), 2_000);
        res.setHeader('content-type', 'application/json');
        res.setHeader('set-cookie', ['a=1', 'b=2']);
        res.statusCode = req.url === '/missing' ? 404 : 200;
        res.end(JSON.stringify({ method: req.method, secret: req.headers['x-secret'], body }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('sends method, headers and body, and answers as a fetch Response would', async () => {
    const { fetcher, close } = pooledFetcher();
    const res = await fetcher(`${url}/graphql`, { method: 'POST', headers: { 'x-secret': 's3' }, body: '{"query":"{ me { id } }"}' });
    expect(res.ok).toBe(true);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(res.clone().headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ method: 'POST', secret: 's3', body: '{"query":"{ me { id } }"}' });
    const missing = await fetcher(`${url}/missing`, { method: 'POST', body: '{}' });
    expect([missing.ok, missing.status, missing.statusText]).toEqual([false, 404, 'Not Found']);
    await close();
  });

  it('keeps connections alive: ten calls in a row open at most two sockets, not ten', async () => {
    const { fetcher, close } = pooledFetcher();
    sockets.clear();
    for (let i = 0; i < 10; i++) await (await fetcher(`${url}/graphql`, { method: 'POST', body: '{}' })).text();
    // undici may open a second connection while the first is being handed back to the pool.
    expect(sockets.size).toBeLessThanOrEqual(2);
    await close();
  });

  it('a call past its deadline is aborted (SPEC G7)', async () => {
    const { fetcher, close } = pooledFetcher();
    const started = Date.now();
    await expect(fetcher(`${url}/slow`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_500);
    await close();
  });
});
