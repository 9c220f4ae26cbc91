import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway } from '@apollo/gateway';
import { GraphQLError, parse } from 'graphql';
import {
  ANONYMOUS,
  AccessTokenVerifier,
  CLIENT_ADDRESS_HEADER,
  CommonErrorCode,
  DEFAULT_REQUEST_TIMEOUT_MS,
  GATEWAY_SECRET_HEADER,
  HTTP_DRAIN_GRACE_MS,
  IDENTITY_HEADER,
  PLATFORM,
  applyServerTimeouts,
  encodeIdentity,
  healthRoutes,
  jsonErrorHandler,
  listen,
  requestDeadline,
  secretsEqual,
  type EventTransport,
  type HttpServerHandle,
  type Identity,
  type Logger,
} from '@advisor/kit';
import type { SubgraphName } from './compose';
import { RevocationList } from './revocations';
import { VerifiedTokens, authenticate } from './authenticate';
import { EventFeed } from './subscriptions/feed';
import { attachSubscriptionServer, type SubscriptionLimits } from './subscriptions/server';
import { PlatformAccount } from './platform-account';
import { serveWebApp } from './web-app';
import { serveExplorer } from './explorer';
import { pooledFetcher } from './fetcher';
import { CSV_REPORTS, serveCsvExports } from './exports';
import { queryThroughGateway } from './subscriptions/through-gateway';
import { SubgraphDataSource, type GatewayContext } from './data-source';
import { QUERY_LIMITS, limitValidationRules, queryCostPlugin, type QueryLimits } from './limits';
import { assignRequestId, introspectionForSignedInOnly, maskErrors, securityHeaders, tokenLimit } from './hardening';

export type { GatewayContext } from './data-source';

export interface GatewayConfig {
  host: string;
  port: number;
  supergraphPath: string;
  /** Where each subgraph answers and the secret the gateway presents to it. */
  subgraphs: Record<SubgraphName, { url: string; secret: string }>;
  /** SPKI PEM of the Ed25519 key that signs access tokens. */
  tokenPublicKeyPem: string;
  /** The built web app (SPEC S1) to serve beside /graphql; absent: none. */
  webDir?: string;
  /** Names this replica's revocation consumer group (stable across its restarts); default: the host name. */
  replicaId?: string;
  /** SPEC G7: anonymous introspection and field suggestions; off unless explicitly switched on (GRAPHQL_DEV=true). */
  development?: boolean;
  /** Express's `trust proxy`: which proxies may report the client's address and TLS (default: none). */
  trustProxy?: boolean | number | string;
  /** SPEC G7 query limits; default QUERY_LIMITS. */
  limits?: QueryLimits;
  /** How long one subgraph call may take (default 15 s); the whole request has DEFAULT_REQUEST_TIMEOUT_MS. */
  subgraphTimeoutMs?: number;
  /** `pooled` (default): undici with keep-alive (gateway/src/fetcher.ts); `apollo`: Apollo's default client, kept for `npm run bench`'s side-by-side figures. */
  subgraphClient?: 'pooled' | 'apollo';
  /** SPEC G2: how far a subscriber may fall behind, and how many subscriptions one connection holds. */
  subscriptionLimits?: SubscriptionLimits;
  /** Operators who send it as `x-advisor-ops-token` see /ready's details; everyone else the status word. */
  opsToken?: string;
  /** SPEC G6, C1: the platform account's key (a bearer credential); absent: no platform account. */
  platformApiKey?: string;
  /** SPEC P5 CSV downloads (gateway/src/exports): rows asked per page (default 200). */
  exportPageSize?: number;
}

export const OPS_TOKEN_HEADER = 'x-advisor-ops-token';

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
  const verifier = new VerifiedTokens(await AccessTokenVerifier.fromPem(config.tokenPublicKeyPem));
  const platform = new PlatformAccount(config.platformApiKey);
  const revocations = new RevocationList(logger.child({ component: 'revocations' }));
  const pooled = config.subgraphClient === 'apollo' ? undefined : pooledFetcher();
  const replicaId = config.replicaId ?? hostname();
  const feed = new EventFeed(logger.child({ component: 'subscriptions' }));
  // Two consumer groups of this replica, joined side by side (each join takes the broker seconds).
  await Promise.all([revocations.start(transport, replicaId), feed.start(transport, replicaId)]);
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
    buildService: ({ name }) => {
      const target = config.subgraphs[name as SubgraphName];
      if (!target) throw new Error(`The supergraph names subgraph "${name}", which is not configured`);
      return new SubgraphDataSource(target.url, target.secret, config.subgraphTimeoutMs ?? 15_000, pooled?.fetcher);
    },
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy ?? false);
  app.use(assignRequestId(), securityHeaders());
  let started = false;
  let stopping = false;
  const opsToken = config.opsToken;
  healthRoutes(app, { gateway: () => started && !stopping, revocations: () => revocations.running(), subscriptions: () => feed.running() }, {}, (req) => {
    const sent = req.headers[OPS_TOKEN_HEADER];
    return Boolean(opsToken) && typeof sent === 'string' && secretsEqual(sent, opsToken!);
  });
  const { server: httpServer, port } = await listen(app, config.host, config.port);
  applyServerTimeouts(httpServer);
  const limits = config.limits ?? QUERY_LIMITS;
  const development = config.development ?? false;
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    // SPEC G7: one formatError masks every internal error; limits on every document; no schema
    // details for anonymous callers outside development; batches refused.
    formatError: maskErrors(logger),
    validationRules: limitValidationRules(limits),
    introspection: true,
    hideSchemaDetailsFromClientErrors: !development,
    allowBatchedHttpRequests: false,
    // Stopped once, in order, by the entrypoint's own signal handler (runMain), not by Apollo's.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: HTTP_DRAIN_GRACE_MS }),
      queryCostPlugin(limits),
      introspectionForSignedInOnly(development),
      // SPEC G3: browsers get the offline explorer (explorer.ts), never Apollo's CDN-loaded Sandbox.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  // Before start: the subscription schema follows the gateway's schema from its first load on.
  const subscriptions = attachSubscriptionServer({
    httpServer,
    gateway,
    apollo: () => apollo,
    verifier,
    revocations,
    feed,
    limits,
    subscriptionLimits: config.subscriptionLimits,
    logger: logger.child({ component: 'subscriptions' }),
  });
  await apollo.start();
  started = true;

  /** Who calls: the same bearer-token check for /graphql and the CSV downloads. */
  const contextOf = async (req: express.Request): Promise<GatewayContext> => {
    const clientAddress = req.ip;
    const token = bearerToken(req.headers.authorization);
    if (!token) return { identity: ANONYMOUS, clientAddress };
    if (platform.matches(token)) return { identity: PLATFORM, clientAddress };
    const { identity } = await authenticate(verifier, revocations, token);
    return { identity, clientAddress };
  };

  serveExplorer(app);
  // SPEC P5: reports as CSV, each page queried through this gateway as the caller (C6 stays in the domain).
  serveCsvExports(app, {
    reports: CSV_REPORTS,
    query: async (req, query, variables) => queryThroughGateway(apollo, await contextOf(req), parse(query), variables),
    pageSize: config.exportPageSize,
    logger: logger.child({ component: 'exports' }),
  });
  app.use(
    '/graphql',
    requestDeadline(DEFAULT_REQUEST_TIMEOUT_MS, (req) => logger.warn({ url: req.url }, 'request timed out')),
    express.json({ limit: limits.maxBodyBytes }),
    tokenLimit(limits),
    expressMiddleware(apollo, { context: async ({ req }) => contextOf(req) }),
  );
  app.use('/graphql', jsonErrorHandler((err) => logger.error({ err }, 'unexpected error before GraphQL')));
  if (config.webDir) serveWebApp(app, config.webDir, logger);
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  logger.info({ url: `http://${host}:${port}/graphql` }, 'gateway ready');
  return {
    port,
    url: `http://${host}:${port}/graphql`,
    stop: async () => {
      // Readiness fails first, in-flight requests finish, then the revocation consumer leaves its group.
      stopping = true;
      await subscriptions.stop();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await feed.stop();
      await revocations.stop();
      await pooled?.close();
    },
  };
}
