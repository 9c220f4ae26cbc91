import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import helmet from 'helmet';
import type { RequestHandler } from 'express';
import { CommonErrorCode, graphqlErrorBody, type Identity, type Logger } from '@advisor/kit';
import { QUERY_TOO_COMPLEX, asksForIntrospection, checkTokens, isLimitName, type QueryLimits } from './limits';

/**
 * SPEC G7 at the gateway: one request id per request, one `formatError` that masks what is
 * internal, introspection for signed-in callers only, security headers.
 */

const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** The current request's id (also sent back as `x-request-id` and in each error's `extensions.requestId`). */
export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

export const REQUEST_ID_HEADER = 'x-request-id';

/** Gives every request an id, kept for the rest of its handling (logs, errors). */
export function assignRequestId(): RequestHandler {
  return (_req, res, next) => {
    const requestId = randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    requestScope.run({ requestId }, next);
  };
}

/** Codes that mean "something broke inside", never the caller's doing: their text is not shown. */
const INTERNAL_CODES = new Set([CommonErrorCode.Internal as string, 'DOWNSTREAM_SERVICE_ERROR', 'UNTRUSTED_CALLER']);
/** What must never reach a caller: internal URLs, absolute paths, SQL, stack frames. */
const INTERNAL_TEXT = [/\b[a-z][a-z0-9+.-]*:\/\/\S+/i, /(^|[\s(])\/(?:[\w.-]+\/)+[\w.-]+/, /\bat \S+ \(.*:\d+:\d+\)/, /\b(SELECT|INSERT|UPDATE|DELETE)\b.+\b(FROM|INTO|SET)\b/i, /\bER_[A-Z_]+\b/, /ECONN|ETIMEDOUT|EPIPE|socket hang up/i];
/** Extensions a caller may see; everything else (serviceName, exception, stacktrace…) is dropped. */
const HIDDEN_EXTENSIONS = new Set(['serviceName', 'exception', 'stacktrace', 'http']);

export const INTERNAL_MESSAGE = 'Something went wrong on our side. It has been logged; quote the request id when you contact support.';

/**
 * The gateway's one `formatError`: refusals keep their code, message and details; anything
 * internal (a subgraph that failed, a network error, an unexpected exception) is logged with the
 * request id and reaches the caller as INTERNAL_SERVER_ERROR with that id and nothing else.
 */
export function maskErrors(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const requestId = currentRequestId();
    let code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
    // The limits run as validation rules, whose errors Apollo labels GRAPHQL_VALIDATION_FAILED.
    if (code === 'GRAPHQL_VALIDATION_FAILED' && isLimitName(formatted.extensions?.limit)) code = QUERY_TOO_COMPLEX;
    const internal = !code || INTERNAL_CODES.has(code) || INTERNAL_TEXT.some((pattern) => pattern.test(formatted.message));
    if (internal) {
      const original = unwrapResolverError(error);
      logger.error(
        { requestId, err: original instanceof Error ? original : undefined, message: formatted.message, code, path: formatted.path, serviceName: formatted.extensions?.serviceName },
        'internal error answered to the caller as INTERNAL_SERVER_ERROR',
      );
      return {
        message: INTERNAL_MESSAGE,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: CommonErrorCode.Internal, requestId },
      };
    }
    const extensions = Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([key]) => !HIDDEN_EXTENSIONS.has(key)));
    // Expected refusals need no request id (the x-request-id header still has it).
    return { ...formatted, extensions: { ...extensions, code } };
  };
}

/**
 * SPEC G7: introspection answers signed-in callers only (the explorer signs in first), unless
 * the development switch is on. Field suggestions are off separately (hideSchemaDetailsFromClientErrors).
 */
export function introspectionForSignedInOnly(development: boolean): ApolloServerPlugin<{ identity: Identity }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(ctx) {
          if (development || ctx.contextValue.identity.realm !== 'anonymous') return;
          if (asksForIntrospection(ctx.document)) {
            throw new GraphQLError('Sign in to read the schema.', {
              extensions: { code: CommonErrorCode.Unauthenticated, http: { status: 401 } },
            });
          }
        },
      };
    },
  };
}

/**
 * Counts the query's tokens before Apollo parses it, so a huge document is refused for the
 * price of a lexer pass. Batches (arrays) are left to Apollo, which refuses them.
 */
export function tokenLimit(limits: QueryLimits): RequestHandler {
  return (req, res, next) => {
    const query = (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string') return next();
    try {
      checkTokens(query, limits);
      next();
    } catch (err) {
      const e = err as GraphQLError;
      res.status(400).json(graphqlErrorBody(e.message, String(e.extensions.code), { limit: e.extensions.limit, max: e.extensions.max, requestId: currentRequestId() }));
    }
  };
}

/**
 * Security headers (helmet): nosniff, no framing by others, no referrer beyond the origin, HSTS
 * when the request came over TLS (directly or as told by a trusted proxy), and a strict CSP.
 * `extraCsp` widens the CSP for one page (the explorer needs inline script and blob workers),
 * so each route can be given its own policy.
 */
/** What the explorer's page (G3, GraphiQL inline) needs beyond the default policy; give it `securityHeaders(EXPLORER_CSP)`. */
export const EXPLORER_CSP: Record<string, string[]> = {
  scriptSrc: ["'self'", "'unsafe-inline'"],
  workerSrc: ["'self'", 'blob:'],
};

export function securityHeaders(extraCsp: Record<string, string[]> = {}): RequestHandler {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
        ...extraCsp,
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Sent only over TLS below: HSTS on plain HTTP (localhost) is ignored by browsers anyway.
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
  });
  const hsts = helmet.strictTransportSecurity({ maxAge: 180 * 24 * 3600, includeSubDomains: true });
  // Issue 13: helmet runs a dozen middlewares per request to set the same static headers; they
  // depend on nothing in the request (no nonces), so they are worked out once and set in one go.
  const always = headersSetBy(headers);
  const overTls = headersSetBy(hsts);
  return (req, res, next) => {
    for (const [name, value] of always) res.setHeader(name, value);
    if (req.secure) for (const [name, value] of overTls) res.setHeader(name, value);
    next();
  };
}

/** The headers a request-independent middleware sets (it must finish synchronously). */
function headersSetBy(middleware: (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void): Array<[string, string]> {
  const set = new Map<string, string>();
  let finished = false;
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => set.set(name, String(value)),
    removeHeader: (name: string) => set.delete(name),
    getHeader: (name: string) => set.get(name),
  };
  middleware({ headers: {} } as IncomingMessage, res as unknown as ServerResponse, (err) => {
    if (err) throw err;
    finished = true;
  });
  if (!finished) throw new Error('security headers: the middleware did not finish synchronously');
  return [...set];
}
