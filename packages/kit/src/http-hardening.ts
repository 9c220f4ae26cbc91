import type http from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';

/**
 * SPEC G7 for every HTTP entrypoint (the gateway and each subgraph): bounded bodies, answers in
 * GraphQL's own shape instead of Express's HTML error page, and deadlines so no request holds
 * the process.
 */

/**
 * The explicit development switch: `GRAPHQL_DEV=true` allows anonymous introspection and field
 * suggestions ("Did you mean …"). Anything else, including an unset variable and
 * `NODE_ENV=development`, keeps the safe defaults.
 */
export function graphqlDevelopmentMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GRAPHQL_DEV === 'true';
}

/** How long a GraphQL request may take end to end before it is answered with REQUEST_TIMEOUT. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

/** An error body in GraphQL's response shape. */
export function graphqlErrorBody(message: string, code: string, extra: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extra } }] };
}

/**
 * Express's body-parser failures (bad JSON, too large, wrong charset) answered as GraphQL errors:
 * no HTML page, no stack trace, no path on disk. Any other error gets a bare internal error.
 */
export function jsonErrorHandler(onUnexpected?: (err: unknown) => void): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    const status = typeof err?.status === 'number' ? err.status : typeof err?.statusCode === 'number' ? err.statusCode : 500;
    if (err?.type === 'entity.parse.failed') {
      res.status(400).json(graphqlErrorBody('The request body is not valid JSON.', 'BAD_REQUEST'));
    } else if (err?.type === 'entity.too.large') {
      res.status(413).json(graphqlErrorBody('The request body is too large.', 'PAYLOAD_TOO_LARGE', { maxBytes: err.limit }));
    } else if (status >= 400 && status < 500) {
      res.status(status).json(graphqlErrorBody('The request could not be read.', 'BAD_REQUEST'));
    } else {
      onUnexpected?.(err);
      res.status(500).json(graphqlErrorBody('Something went wrong on our side. It has been logged.', 'INTERNAL_SERVER_ERROR'));
    }
  };
}

/**
 * Answers 503 REQUEST_TIMEOUT when the handler has not answered within `ms`; whatever the
 * handler writes later is dropped, and the connection is free again.
 */
export function requestDeadline(ms: number, onTimeout?: (req: http.IncomingMessage) => void): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      onTimeout?.(req);
      res.status(503).setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(graphqlErrorBody('The request took too long. Try again, or ask for less.', 'REQUEST_TIMEOUT')));
      // The handler keeps running; make its late writes no-ops instead of errors.
      const late = res as unknown as Record<string, unknown>;
      for (const method of ['setHeader', 'writeHead', 'write', 'end', 'send', 'json', 'status']) {
        late[method] = method === 'status' ? () => res : () => true;
      }
    }, ms);
    timer.unref();
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}

/** Slow clients cannot hold sockets: headers within 10 s, the whole request within `requestMs`. */
export function applyServerTimeouts(server: http.Server, requestMs: number = DEFAULT_REQUEST_TIMEOUT_MS): void {
  server.headersTimeout = Math.min(10_000, requestMs);
  server.requestTimeout = requestMs;
  server.keepAliveTimeout = 5_000;
}
