import type { Server } from 'node:http';
import { GraphQLError, getOperationAST, parse, type DocumentNode, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { ApolloGateway } from '@apollo/gateway';
import type { ApolloServer } from '@apollo/server';
import { CommonErrorCode, type AccessTokenVerifier, type Logger } from '@advisor/kit';
import type { GatewayContext } from '../gateway';
import { authenticate, type Authenticated } from '../authenticate';
import type { RevocationList } from '../revocations';
import { maskErrors } from '../hardening';
import { checkDocumentLimits, checkTokens, type QueryLimits } from '../limits';
import type { EventFeed, SubscriptionField } from './feed';
import { buildSubscriptionSchema } from './schema';
import { SubscriberStream } from './stream';
import { payloadFieldResolver, queryThroughGateway, resolveEntity } from './through-gateway';
import { mayReceive } from './visibility';

/** graphql-ws closes a connection whose token is missing, invalid or no longer valid with 4403 Forbidden. */
export const CLOSE_FORBIDDEN = 4403;
/** Close code for a subscriber that fell behind (its queue or its socket's send buffer filled up). */
export const CLOSE_FELL_BEHIND = 4413;

export interface SubscriptionLimits {
  /** Events waiting for one subscription before its connection is cut off. */
  maxQueuedEvents: number;
  /** Bytes waiting in one connection's send buffer before it is cut off. */
  maxBufferedBytes: number;
  /** Subscriptions open on one connection. */
  maxSubscriptionsPerConnection: number;
}

export const SUBSCRIPTION_LIMITS: SubscriptionLimits = Object.freeze({
  maxQueuedEvents: 256,
  maxBufferedBytes: 1024 * 1024,
  maxSubscriptionsPerConnection: 20,
});

/** What a subscription's resolvers get: the subscriber's identity and the gateway's executor. */
export interface SubscriberContext extends GatewayContext {
  events(field: SubscriptionField): AsyncIterableIterator<Record<string, unknown>>;
  resolveEntity(rootField: string, id: string, info: GraphQLResolveInfo): Promise<unknown>;
}

interface Connection {
  socket: WebSocket;
  auth: Authenticated;
  clientAddress?: string;
  /** SPEC C6 verdicts per client, valid while the feed's access generation of that client stays the same. */
  verdicts: Map<string, { generation: number; visible: Promise<boolean> }>;
  subscriptions: number;
}

type Extra = { connection?: Connection };

const MAX_CACHED_VERDICTS = 10_000;

export interface SubscriptionServerOptions {
  httpServer: Server;
  gateway: ApolloGateway;
  /** The gateway's Apollo Server, started by the caller; subscription payloads resolve through it. */
  apollo: () => ApolloServer<GatewayContext>;
  verifier: Pick<AccessTokenVerifier, 'verify'>;
  revocations: RevocationList;
  feed: EventFeed;
  limits: QueryLimits;
  subscriptionLimits?: SubscriptionLimits;
  logger: Logger;
}

/** The access token from `connectionParams`: `{ authorization: "Bearer …" }` (any case) or `{ token }`. */
export function tokenFromConnectionParams(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (!params) return undefined;
  const headers = (typeof params.headers === 'object' && params.headers ? params.headers : {}) as Record<string, unknown>;
  for (const source of [params, headers]) {
    for (const [key, value] of Object.entries(source)) {
      if (key.toLowerCase() === 'authorization' && typeof value === 'string') {
        const match = /^Bearer\s+(.+)$/i.exec(value.trim());
        if (match) return match[1];
      }
      if (key === 'token' && typeof value === 'string' && value) return value;
    }
  }
  return undefined;
}

const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: CommonErrorCode.BadUserInput } });

/**
 * SPEC G2: subscriptions over graphql-ws on the gateway's own /graphql (Apollo Gateway serves
 * none). The schema is the gateway's API schema plus the subscriptions, rebuilt whenever the
 * gateway loads its supergraph. A connection authenticates once with `connectionParams` (the
 * same token check as HTTP); a token that ends (log-out, deactivation, revocation, expiry) closes
 * its connection, and with it every subscription. Documents meet the same limits as queries.
 */
export function attachSubscriptionServer(opts: SubscriptionServerOptions) {
  const { logger, feed, revocations } = opts;
  const subscriptionLimits = opts.subscriptionLimits ?? SUBSCRIPTION_LIMITS;
  const format = maskErrors(logger);
  let schema: GraphQLSchema | undefined;
  opts.gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    schema = buildSubscriptionSchema(apiSchema);
  });

  const connections = new Set<Connection>();
  const closeConnection = (connection: Connection, code: number, reason: string) => {
    if (!connections.delete(connection)) return;
    connection.socket.close(code, reason);
    // A peer that never answers the close frame is dropped for good.
    setTimeout(() => connection.socket.terminate(), 2_000).unref();
  };
  /** Ends every connection whose token no longer holds. */
  const sweep = () => {
    const now = Date.now();
    for (const connection of connections) {
      const { subject, sessionId, issuedAtMs, expiresAtMs } = connection.auth;
      const verdict = revocations.check(subject, sessionId, issuedAtMs);
      if (verdict !== 'valid') closeConnection(connection, CLOSE_FORBIDDEN, verdict === 'session-ended' ? 'Session ended' : 'Access changed');
      else if (now >= expiresAtMs) closeConnection(connection, CLOSE_FORBIDDEN, 'Token expired');
    }
  };
  const stopListening = revocations.onChange(sweep);
  const sweeper = setInterval(sweep, 1_000);
  sweeper.unref();

  const isVisible = (connection: Connection, context: GatewayContext) => (clientId: string) => {
    const generation = feed.accessGeneration(clientId);
    const cached = connection.verdicts.get(clientId);
    if (cached && cached.generation === generation) return cached.visible;
    if (connection.verdicts.size >= MAX_CACHED_VERDICTS) connection.verdicts.clear();
    const visible = queryThroughGateway(opts.apollo(), context, parse('query SubscriptionAccess($id: ID!) { clientCompany(id: $id) { id } }'), { id: clientId })
      .then((data) => Boolean(data?.clientCompany))
      .catch((err) => {
        logger.warn({ err, clientId }, 'subscription access check failed: event withheld');
        connection.verdicts.delete(clientId);
        return false;
      });
    connection.verdicts.set(clientId, { generation, visible });
    return visible;
  };

  const wss = new WebSocketServer({ server: opts.httpServer, path: '/graphql', maxPayload: opts.limits.maxBodyBytes });
  const disposable = useServer<Record<string, unknown>, Extra>(
    {
      schema: () => {
        if (!schema) throw new Error('The gateway has not loaded its schema yet');
        return schema;
      },
      onConnect: async (ctx) => {
        const token = tokenFromConnectionParams(ctx.connectionParams);
        if (!token) return false;
        let auth: Authenticated;
        try {
          auth = await authenticate(opts.verifier, revocations, token);
        } catch {
          return false;
        }
        const connection: Connection = { socket: ctx.extra.socket, auth, clientAddress: ctx.extra.request.socket.remoteAddress, verdicts: new Map(), subscriptions: 0 };
        ctx.extra.connection = connection;
        connections.add(connection);
        return true;
      },
      onClose: (ctx) => {
        if (ctx.extra.connection) connections.delete(ctx.extra.connection);
      },
      onSubscribe: (ctx, _id, payload) => {
        const connection = ctx.extra.connection;
        if (!connection || !schema) return [badRequest('Not connected.')];
        if (connection.subscriptions >= subscriptionLimits.maxSubscriptionsPerConnection) {
          return [badRequest(`At most ${subscriptionLimits.maxSubscriptionsPerConnection} subscriptions per connection.`)];
        }
        let document: DocumentNode;
        try {
          checkTokens(payload.query, opts.limits);
          document = parse(payload.query);
        } catch (err) {
          return [err instanceof GraphQLError ? err : badRequest('The document could not be parsed.')];
        }
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [badRequest('Only subscriptions are served over WebSocket; send queries and mutations over HTTP.')];
        }
        const variables = payload.variables ?? {};
        const errors = checkDocumentLimits(schema, payload.query, document, variables, opts.limits);
        if (errors.length > 0) return errors;
        const context: GatewayContext = { identity: connection.auth.identity, clientAddress: connection.clientAddress };
        const accept = isVisible(connection, context);
        connection.subscriptions++;
        const contextValue: SubscriberContext = {
          ...context,
          events: (field) => {
            const stream: SubscriberStream = new SubscriberStream({
              maxQueued: subscriptionLimits.maxQueuedEvents,
              accept: (event) => mayReceive(context.identity, event, accept),
              onOverflow: () => closeConnection(connection, CLOSE_FELL_BEHIND, 'Subscriber fell behind'),
              unlisten: feed.listen(field, (event) => {
                if (connection.socket.bufferedAmount > subscriptionLimits.maxBufferedBytes) {
                  closeConnection(connection, CLOSE_FELL_BEHIND, 'Subscriber fell behind');
                  return;
                }
                stream.push(event);
              }),
            });
            return stream;
          },
          resolveEntity: (rootField, id, info) => resolveEntity(opts.apollo(), context, rootField, id, info),
        };
        return { schema, document, variableValues: variables, operationName: payload.operationName, contextValue, fieldResolver: payloadFieldResolver };
      },
      onComplete: (ctx) => {
        if (ctx.extra.connection) ctx.extra.connection.subscriptions--;
      },
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((error) => {
          const formatted = error.toJSON();
          const code = formatted.extensions?.code ?? (error.originalError ? undefined : 'GRAPHQL_VALIDATION_FAILED');
          return format({ ...formatted, extensions: { ...formatted.extensions, code } }, error);
        }),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors?.length ? { ...result, errors: result.errors.map((error) => format(error.toJSON(), error)) } : undefined,
    },
    wss,
  );

  return {
    /** Open connections (authenticated). */
    connectionCount: () => connections.size,
    async stop(): Promise<void> {
      stopListening();
      clearInterval(sweeper);
      for (const connection of [...connections]) closeConnection(connection, 1001, 'Going away');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
