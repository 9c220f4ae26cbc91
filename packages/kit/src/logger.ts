import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths that must never reach a log line. Passwords, password hashes, tokens and the
 * gateway's secrets are censored wherever they appear one or two levels deep.
 */
const REDACT = [
  'password',
  '*.password',
  '*.*.password',
  'passwordHash',
  '*.passwordHash',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'secret',
  '*.secret',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers["x-advisor-gateway-secret"]',
  'variables.password',
  'variables.input.password',
  'variables.input.founder.password',
  'variables.token',
];

export function createLogger(opts: { name: string; level?: string }): Logger {
  return pino({
    name: opts.name,
    level: opts.level ?? process.env.LOG_LEVEL ?? 'info',
    redact: { paths: REDACT, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
