import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ANONYMOUS } from '@advisor/kit';
import { SubgraphDataSource, type GatewayContext } from '../src/data-source';
import { pooledFetcher } from '../src/fetcher';

type Rep = { __typename: string; id: string };

/**
 * Issue 13: a fetch of 1,000 clients' firm sends one `{ __typename: "Firm", id }`, not 1,000; every
 * entity comes back in its place, and an entity's error reaches every place that entity stood.
 */
describe('subgraph calls send each entity representation once', () => {
  let server: Server;
  let url: string;
  const received: Rep[][] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c)).on('end', () => {
        const reps: Rep[] = JSON.parse(body).variables.representations;
        received.push(reps);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({
          data: { _entities: reps.map((r) => (r.id === 'gone' ? null : { name: `Name of ${r.id}`, nested: { id: r.id } })) },
          errors: reps.flatMap((r, i) => (r.id === 'gone' ? [{ message: 'Not found', path: ['_entities', i, 'name'] }] : [])),
        }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  async function fetchEntities(representations: Rep[]) {
    const { fetcher, close } = pooledFetcher();
    const source = new SubgraphDataSource(url, 'secret', 5_000, fetcher);
    try {
      // The enum is not exported from the package root: its value, as the gateway sends it.
      return await source.process({
        kind: 'loading schema',
        request: { query: 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Firm { name } } }', variables: { representations } },
        context: { identity: ANONYMOUS },
      } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
    } finally {
      await close();
    }
  }

  it('1,000 copies of two firms travel as two representations; each answer lands in its place, as its own object', async () => {
    const reps = Array.from({ length: 1_000 }, (_, i) => ({ __typename: 'Firm', id: i % 3 === 0 ? 'f2' : 'f1' }));
    const res = await fetchEntities(reps);
    expect(received.at(-1)).toEqual([{ __typename: 'Firm', id: 'f2' }, { __typename: 'Firm', id: 'f1' }]);
    const entities = res.data!._entities as Array<{ name: string; nested: { id: string } }>;
    expect(entities).toHaveLength(1_000);
    entities.forEach((e, i) => expect(e.name).toBe(`Name of ${reps[i].id}`));
    // The gateway merges into each entity in place: no two positions may share an object.
    expect(new Set(entities).size).toBe(1_000);
    expect(new Set(entities.map((e) => e.nested)).size).toBe(1_000);
  });

  it('an error of one distinct entity is reported at every position it stood in', async () => {
    const res = await fetchEntities([{ __typename: 'Firm', id: 'gone' }, { __typename: 'Firm', id: 'f1' }, { __typename: 'Firm', id: 'gone' }]);
    expect(received.at(-1)).toHaveLength(2);
    expect(res.data!._entities).toEqual([null, { name: 'Name of f1', nested: { id: 'f1' } }, null]);
    expect(res.errors?.map((e) => e.path)).toEqual([['_entities', 0, 'name'], ['_entities', 2, 'name']]);
  });

  it('distinct representations go as they are', async () => {
    await fetchEntities([{ __typename: 'Firm', id: 'a' }, { __typename: 'Firm', id: 'b' }]);
    expect(received.at(-1)).toEqual([{ __typename: 'Firm', id: 'a' }, { __typename: 'Firm', id: 'b' }]);
  });
});
