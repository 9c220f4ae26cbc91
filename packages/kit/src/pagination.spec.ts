import { encodeCursor, pageRequest, toConnection } from './pagination';

describe('cursor pagination (issue 13)', () => {
  it('reads forward and backward requests, 50 by default', () => {
    expect(pageRequest({}, 2)).toEqual({ backward: false, size: 50, key: null });
    expect(pageRequest({ first: 10, after: encodeCursor(['Acme', 'id-1']) }, 2)).toEqual({ backward: false, size: 10, key: ['Acme', 'id-1'] });
    expect(pageRequest({ last: 5, before: encodeCursor(['Zed', 'id-9']) }, 2)).toEqual({ backward: true, size: 5, key: ['Zed', 'id-9'] });
  });

  it.each([
    [{ first: 0 }], [{ first: 101 }], [{ last: -1 }], [{ first: 2, last: 2 }],
    [{ after: encodeCursor(['a', 'b']), before: encodeCursor(['a', 'b']) }],
    [{ after: 'not base64 json' }], [{ after: encodeCursor(['only one']) }], [{ after: Buffer.from('{"a":1}').toString('base64url') }],
  ])('refuses %j with BAD_USER_INPUT', (args) => {
    expect(() => pageRequest(args, 2)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('a forward page: one extra row says more follow; cursors are the keys of the rows', () => {
    const rows = ['a', 'b', 'c'];
    const page = toConnection(rows, { backward: false, size: 2, key: null }, 3, (r) => [r]);
    expect(page.edges.map((e) => e.node)).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: encodeCursor(['a']), endCursor: encodeCursor(['b']) });
    expect(page.totalCount).toBe(3);
  });

  it('a backward page comes in descending order from the database and is given back in list order', () => {
    const page = toConnection(['c', 'b'], { backward: true, size: 2, key: ['d'] }, 4, (r) => [r]);
    expect(page.edges.map((e) => e.node)).toEqual(['b', 'c']);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('an empty page has no cursors', () => {
    expect(toConnection([], { backward: false, size: 10, key: null }, 0, (r: string) => [r]).pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});
