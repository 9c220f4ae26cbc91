import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode } from 'graphql';
import { CommonErrorCode, domainErrorLoggingPlugin, formatError } from './errors';
import { GATEWAY_SECRET_HEADER, IDENTITY_HEADER, decodeIdentity, hasGatewaySecret, type Identity } from './auth';
import type { Logger } from './logger';

export type ReadinessCheck = () => Promise<boolean> | boolean;

export interface HttpServerHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** `/health` (the process is alive) and `/ready` (every dependency answers) for probes. */
export function healthRoutes(app: express.Express, checks: Record<string, ReadinessCheck>) {
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const results: Record<string, boolean> = {};
    for (const [name, check] of Object.entries(checks)) {
      try {
        results[name] = await check();
      } catch {
        results[name] = false;
      }
    }
    const ready = Object.values(results).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not-ready', checks: results });
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
  resolvers: GraphQLResolverMap<TContext>;
  gatewaySecret: string;
  host: string;
  port: number;
  logger: Logger;
  createContext(identity: Identity): TContext;
  readiness: Record<string, ReadinessCheck>;
}): Promise<HttpServerHandle> {
  const app = express();
  app.disable('x-powered-by');
  healthRoutes(app, opts.readiness);

  const { server: httpServer, port } = await listen(app, opts.host, opts.port);
  const apollo = new ApolloServer<TContext>({
    schema: buildSubgraphSchema({ typeDefs: opts.typeDefs, resolvers: opts.resolvers as GraphQLResolverMap<unknown> }),
    formatError: formatError(opts.logger),
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
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
      next();
    },
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const header = req.headers[IDENTITY_HEADER];
        return opts.createContext(decodeIdentity(typeof header === 'string' ? header : undefined));
      },
    }),
  );

  return {
    port,
    url: `http://${opts.host === '0.0.0.0' ? '127.0.0.1' : opts.host}:${port}/graphql`,
    stop: async () => {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
