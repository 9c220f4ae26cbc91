import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';

/**
 * A refusal with a stable code, answered as `{ error: { code, message } }`. The codes are the
 * simulator's contract with the adapter (payroll-sync maps them to provider errors), so they
 * never change meaning.
 */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SimError';
  }
}

export const badRequest = (code: string, message: string) => new SimError(400, code, message);
export const notFound = (code: string, message: string) => new SimError(404, code, message);
export const conflict = (code: string, message: string) => new SimError(409, code, message);
export const unprocessable = (code: string, message: string) => new SimError(422, code, message);

/** Parses a body or query with zod; a failure is one 400 `VALIDATION_FAILED` naming every bad field. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const message = result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
  throw badRequest('VALIDATION_FAILED', message);
}

export const notFoundRoute: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.path}.` } });
};

/** The one place errors become responses; anything unexpected is a 500 without internals. */
export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (res.headersSent) return;
  if (err instanceof SimError) {
    res.status(err.status).json({ error: { code: err.code, message: err.message } });
    return;
  }
  const type = (err as { type?: string }).type;
  if (type === 'entity.parse.failed') {
    res.status(400).json({ error: { code: 'INVALID_JSON', message: 'The request body is not valid JSON.' } });
    return;
  }
  if (type === 'entity.too.large') {
    res.status(413).json({ error: { code: 'BODY_TOO_LARGE', message: 'The request body is too large.' } });
    return;
  }
  process.stderr.write(`[simulator] unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
  res.status(500).json({ error: { code: 'INTERNAL', message: 'The simulator failed unexpectedly.' } });
};
