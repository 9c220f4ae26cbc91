import { describe, expect, it } from 'vitest';
import { graphql } from '../gql';
import { createApiClient } from './client';
import { sessionStore } from './session';

const Me = graphql(`
  query ClientTestMe {
    me {
      id
    }
  }
`);

type Call = { authorization: string | null; operation: string };

/** A gateway that answers like ours: 401 with a reason when a token is outdated. */
function gateway(answers: Array<(call: Call) => { status: number; body: unknown }>) {
  const calls: Call[] = [];
  const fetchFn = (async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body));
    const call = { authorization: new Headers(init.headers).get('authorization'), operation: body.query.match(/(query|mutation) (\w+)/)[2] };
    calls.push(call);
    const answer = answers.shift()!(call);
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { calls, fetchFn };
}

const firmSession = (accessToken: string, expiresInMs = 600_000) => ({
  realm: 'firm' as const,
  accessToken,
  expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
  refreshToken: 'refresh-1',
  memberId: 'm1',
  name: 'Pat Partner',
});

const unauthenticated = (reason: string) => ({
  status: 401,
  body: { errors: [{ message: 'Your access has changed.', extensions: { code: 'UNAUTHENTICATED', reason } }] },
});

describe('the API client’s session handling', () => {
  it('sends the access token, and renews it with the refresh token when the gateway says access changed', async () => {
    sessionStore.set(firmSession('old-token'));
    const { calls, fetchFn } = gateway([
      () => unauthenticated('access-changed'),
      () => ({ status: 200, body: { data: { refreshSession: { accessToken: 'new-token', expiresAt: new Date(Date.now() + 900_000).toISOString(), refreshToken: 'refresh-2' } } } }),
      () => ({ status: 200, body: { data: { me: { id: 'm1', __typename: 'Member' } } } }),
    ]);
    const result = await createApiClient('http://gateway.test/graphql', fetchFn).query(Me, {}).toPromise();
    expect(result.data?.me?.id).toBe('m1');
    expect(calls).toEqual([
      { authorization: 'Bearer old-token', operation: 'ClientTestMe' },
      { authorization: null, operation: 'RefreshSession' },
      { authorization: 'Bearer new-token', operation: 'ClientTestMe' },
    ]);
    expect(sessionStore.get()).toMatchObject({ accessToken: 'new-token', refreshToken: 'refresh-2' });
  });

  it('renews a token about to expire before using it', async () => {
    sessionStore.set(firmSession('expiring', 5_000));
    const { calls, fetchFn } = gateway([
      () => ({ status: 200, body: { data: { refreshSession: { accessToken: 'fresh', expiresAt: new Date(Date.now() + 900_000).toISOString(), refreshToken: 'refresh-2' } } } }),
      () => ({ status: 200, body: { data: { me: { id: 'm1', __typename: 'Member' } } } }),
    ]);
    await createApiClient('http://gateway.test/graphql', fetchFn).query(Me, {}).toPromise();
    expect(calls).toEqual([
      { authorization: null, operation: 'RefreshSession' },
      { authorization: 'Bearer fresh', operation: 'ClientTestMe' },
    ]);
  });

  it('signs the person out when the session ended (the refresh is refused)', async () => {
    sessionStore.set(firmSession('old-token'));
    const { fetchFn } = gateway([
      () => unauthenticated('session-ended'),
      () => ({ status: 200, body: { errors: [{ message: 'Sign in again.', extensions: { code: 'SESSION_EXPIRED' } }], data: null } }),
      () => unauthenticated('session-ended'),
    ]);
    const result = await createApiClient('http://gateway.test/graphql', fetchFn).query(Me, {}).toPromise();
    expect(result.error).toBeDefined();
    expect(sessionStore.get()).toBeNull();
  });

  it('signs a client admin out on 401: their session cannot be renewed', async () => {
    sessionStore.set({ realm: 'client', accessToken: 't', expiresAt: new Date(Date.now() + 600_000).toISOString(), clientAdminId: 'a1', name: 'Alex', companyName: 'Acme' });
    const { calls, fetchFn } = gateway([() => unauthenticated('session-ended'), () => unauthenticated('session-ended')]);
    await createApiClient('http://gateway.test/graphql', fetchFn).query(Me, {}).toPromise();
    expect(sessionStore.get()).toBeNull();
    expect(calls.every((c) => c.operation === 'ClientTestMe')).toBe(true);
  });
});
