import { readFileSync } from 'node:fs';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import {
  ANONYMOUS,
  AccessTokenVerifier,
  CommonErrorCode,
  GATEWAY_SECRET_HEADER,
  IDENTITY_HEADER,
  InvalidAccessTokenError,
  encodeIdentity,
  healthRoutes,
  listen,
  type EventTransport,
  type HttpServerHandle,
  type Identity,
  type Logger,
} from '@advisor/kit';
import type { SubgraphName } from './compose';
import { RevocationList } from './revocations';

export interface GatewayContext {
  identity: Identity;
}

export interface GatewayConfig {
  host: string;
  port: number;
  supergraphPath: string;
  /** Where each subgraph answers and the secret the gateway presents to it. */
  subgraphs: Record<SubgraphName, { url: string; secret: string }>;
  /** SPKI PEM of the Ed25519 key that signs access tokens. */
  tokenPublicKeyPem: string;
}

/** Forwards the caller's identity with the subgraph's own secret (SPEC G1). */
class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly secret: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    request.http?.headers.set(GATEWAY_SECRET_HEADER, this.secret);
    const identity = 'identity' in context && context.identity ? context.identity : ANONYMOUS;
    request.http?.headers.set(IDENTITY_HEADER, encodeIdentity(identity));
  }
}

function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) {
    throw new GraphQLError('Send the access token as "Authorization: Bearer <token>".', {
      extensions: { code: CommonErrorCode.Unauthenticated, http: { status: 401 } },
    });
  }
  return match[1];
}

/**
 * The one GraphQL endpoint (SPEC G1): authenticates the bearer token, then plans each query
 * over the committed supergraph and calls the subgraphs with the caller's identity.
 */
export async function startGateway(config: GatewayConfig, logger: Logger, transport: EventTransport): Promise<HttpServerHandle> {
  const verifier = await AccessTokenVerifier.fromPem(config.tokenPublicKeyPem);
  const revocations = new RevocationList(logger.child({ component: 'revocations' }));
  await revocations.start(transport);
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
    buildService: ({ name }) => {
      const target = config.subgraphs[name as SubgraphName];
      if (!target) throw new Error(`The supergraph names subgraph "${name}", which is not configured`);
      return new AuthenticatedDataSource(target.url, target.secret);
    },
  });

  const app = express();
  app.disable('x-powered-by');
  let started = false;
  healthRoutes(app, { gateway: () => started, revocations: () => revocations.running() });
  const { server: httpServer, port } = await listen(app, config.host, config.port);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();
  started = true;

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const token = bearerToken(req.headers.authorization);
        if (!token) return { identity: ANONYMOUS };
        let verified: Awaited<ReturnType<AccessTokenVerifier['verify']>>;
        try {
          verified = await verifier.verify(token);
        } catch (err) {
          const reason = err instanceof InvalidAccessTokenError ? err.message : 'The access token is not valid.';
          throw new GraphQLError(reason, {
            extensions: { code: CommonErrorCode.Unauthenticated, http: { status: 401 } },
          });
        }
        const { identity, sessionId, issuedAtMs } = verified;
        const subject = identity.realm === 'firm' ? identity.memberId : identity.clientAdminId;
        const verdict = revocations.check(subject, sessionId, issuedAtMs);
        if (verdict !== 'valid') {
          throw new GraphQLError(
            verdict === 'session-ended'
              ? 'Your session has ended. Sign in again.'
              : 'Your access has changed. Refresh your session to continue.',
            { extensions: { code: CommonErrorCode.Unauthenticated, reason: verdict, http: { status: 401 } } },
          );
        }
        return { identity };
      },
    }),
  );
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  logger.info({ url: `http://${host}:${port}/graphql` }, 'gateway ready');
  return {
    port,
    url: `http://${host}:${port}/graphql`,
    stop: async () => {
      await revocations.stop();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
