import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { DocumentNode } from 'graphql';
import { CommonErrorCode, domainErrorLoggingPlugin, formatError } from './errors';
import {
  CLIENT_ADDRESS_HEADER,
  GATEWAY_SECRET_HEADER,
  IDENTITY_HEADER,
  decodeClientAddress,
  decodeIdentity,
  hasGatewaySecret,
  type Identity,
  type RequestOrigin,
} from './auth';
import type { Logger } from './logger';
import { DEFAULT_REQUEST_TIMEOUT_MS, applyServerTimeouts, graphqlDevelopmentMode, jsonErrorHandler, requestDeadline } from './http-hardening';

export type ReadinessCheck = () => Promise<boolean> | boolean;

/**
 * The resolver map `buildSubgraphSchema` takes (its `GraphQLResolverMap<any>`, which
 * @apollo/subgraph's public entry does not export). Each service types its own resolvers with the
 * `Resolvers` generated from its SDL (`npm run codegen`), which fit this.
 */
export type SubgraphResolverMap = NonNullable<Extract<Extract<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[]>[number], { typeDefs: unknown }>['resolvers']>;

/** How long a stopping server lets in-flight requests finish before it closes their connections. */
export const HTTP_DRAIN_GRACE_MS = 4000;

export interface HttpServerHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** What a subgraph has been asked through the gateway: calls and request bytes (tests and `npm run bench` read it). */
export interface GraphqlRequestCount {
  calls: number;
  bytes: number;
}

/**
 * `/health` (the process is alive) and `/ready` (it can serve requests) for probes. `observed`
 * checks are reported beside them but do not fail readiness: a broker outage must not take every
 * replica out of service, since the outbox lets the API keep working without the broker.
 */
export function healthRoutes(
  app: express.Express,
  checks: Record<string, ReadinessCheck>,
  observed: Record<string, ReadinessCheck> = {},
  /** SPEC G7: which checks failed is for operators; everyone else sees the status word only. */
  showDetails: (req: express.Request) => boolean = () => false,
) {
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (req, res) => {
    const run = async (all: Record<string, ReadinessCheck>) => {
      const results: Record<string, boolean> = {};
      for (const [name, check] of Object.entries(all)) {
        try {
          results[name] = await check();
        } catch {
          results[name] = false;
        }
      }
      return results;
    };
    const results = await run(checks);
    const ready = Object.values(results).every(Boolean);
    const status = ready ? 'ready' : 'not-ready';
    res.status(ready ? 200 : 503).json(showDetails(req) ? { status, checks: results, observed: await run(observed) } : { status });
  });
}

export async function listen(app: express.Express, host: string, port: number): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}

/**
 * Serves one subgraph. Every GraphQL request must carry this subgraph's gateway secret;
 * without it the request is refused before any resolver runs (so `_service` and `_entities`
 * cannot be reached around the gateway), and identity headers are only read after that check.
 */
export async function startSubgraphServer<TContext extends BaseContext>(opts: {
  name: string;
  typeDefs: DocumentNode;
  resolvers: SubgraphResolverMap;
  gatewaySecret: string;
  host: string;
  port: number;
  logger: Logger;
  createContext(identity: Identity, origin: RequestOrigin): TContext;
  readiness: Record<string, ReadinessCheck>;
  /** Reported on /ready without failing it (the broker). */
  observed?: Record<string, ReadinessCheck>;
  /** On stop, how long /ready fails before the server stops taking requests (load balancers notice). */
  shutdownDelayMs?: number;
}): Promise<HttpServerHandle & { requests: GraphqlRequestCount }> {
  const requests: GraphqlRequestCount = { calls: 0, bytes: 0 };
  const app = express();
  app.disable('x-powered-by');
  let stopping = false;
  // Operators (who hold the gateway secret) see which check failed.
  healthRoutes(app, { ...opts.readiness, accepting: () => !stopping }, opts.observed, (req) =>
    hasGatewaySecret(req.headers[GATEWAY_SECRET_HEADER], opts.gatewaySecret),
  );

  const { server: httpServer, port } = await listen(app, opts.host, opts.port);
  applyServerTimeouts(httpServer);
  const development = graphqlDevelopmentMode();
  const apollo = new ApolloServer<TContext>({
    schema: buildSubgraphSchema({ typeDefs: opts.typeDefs, resolvers: opts.resolvers }),
    formatError: formatError(opts.logger),
    includeStacktraceInErrorResponses: false,
    // SPEC G7: no schema and no "Did you mean …" outside development (GRAPHQL_DEV=true).
    introspection: development,
    hideSchemaDetailsFromClientErrors: !development,
    // The service stops once, in order, from its own signal handler (runMain); Apollo's own
    // SIGTERM handler would start a second stop() that the service's stop then waits on forever.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: HTTP_DRAIN_GRACE_MS }),
      ApolloServerPluginLandingPageDisabled(),
      // No usage reporting to Apollo's cloud: traces would only travel to the gateway and be dropped.
      ApolloServerPluginInlineTraceDisabled(),
      domainErrorLoggingPlugin(opts.logger),
    ],
  });
  await apollo.start();

  app.use(
    '/graphql',
    (req, res, next) => {
      if (!hasGatewaySecret(req.headers[GATEWAY_SECRET_HEADER], opts.gatewaySecret)) {
        opts.logger.warn({ ip: req.socket.remoteAddress }, 'refused a request that did not come through the gateway');
        res.status(403).json({
          errors: [
            {
              message: 'This service only answers the Advisor Dashboard gateway.',
              extensions: { code: CommonErrorCode.UntrustedCaller },
            },
          ],
        });
        return;
      }
      requests.calls++;
      requests.bytes += Number(req.headers['content-length'] ?? 0);
      next();
    },
    requestDeadline(DEFAULT_REQUEST_TIMEOUT_MS, (req) => opts.logger.warn({ url: req.url }, 'request timed out')),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const header = req.headers[IDENTITY_HEADER];
        // Read only after the gateway secret was checked above.
        return opts.createContext(decodeIdentity(typeof header === 'string' ? header : undefined), {
          clientAddress: decodeClientAddress(req.headers[CLIENT_ADDRESS_HEADER]),
        });
      },
    }),
  );
  app.use(jsonErrorHandler((err) => opts.logger.error({ err }, 'unexpected error before GraphQL')));

  return {
    port,
    requests,
    url: `http://${opts.host === '0.0.0.0' ? '127.0.0.1' : opts.host}:${port}/graphql`,
    stop: async () => {
      // Readiness fails first; then in-flight requests finish and the server closes.
      stopping = true;
      if (opts.shutdownDelayMs) await new Promise((resolve) => setTimeout(resolve, opts.shutdownDelayMs));
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
