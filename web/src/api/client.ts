import { Client, cacheExchange, fetchExchange, type CombinedError } from 'urql';
import { authExchange } from '@urql/exchange-auth';
import { graphql } from '../gql';
import { sessionStore } from './session';

const RefreshSession = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      accessToken
      expiresAt
      refreshToken
    }
  }
`);

const isAuthError = (error: CombinedError) =>
  error.response?.status === 401 || error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED' && e.extensions?.reason);

/**
 * The one GraphQL client (urql) for the app: every request is a generated, typed document sent
 * to the gateway's /graphql on this origin, with the session's bearer token. A firm member's
 * 15-minute token is renewed with the refresh token when it expires or when the gateway asks
 * for a new one (`reason: access-changed`); a session that ended signs the person out.
 */
export function createApiClient(url = '/graphql', fetchFn?: typeof fetch): Client {
  return new Client({
    url,
    fetch: fetchFn,
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    exchanges: [
      cacheExchange,
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const session = sessionStore.get();
          // The refresh goes without the old token: the gateway refuses an expired or revoked one.
          if (!session || operation.context.skipAuth) return operation;
          return utils.appendHeaders(operation, { Authorization: `Bearer ${session.accessToken}` });
        },
        willAuthError() {
          const session = sessionStore.get();
          // Renew a little before the token expires rather than after a failed request.
          return session?.realm === 'firm' && Date.parse(session.expiresAt) - Date.now() < 15_000;
        },
        didAuthError: isAuthError,
        async refreshAuth() {
          const session = sessionStore.get();
          if (session?.realm !== 'firm') {
            sessionStore.set(null);
            return;
          }
          const result = await utils.mutate(RefreshSession, { refreshToken: session.refreshToken }, { skipAuth: true });
          const renewed = result.data?.refreshSession;
          sessionStore.set(renewed ? { ...session, ...renewed } : null);
        },
      })),
      fetchExchange,
    ],
  });
}
