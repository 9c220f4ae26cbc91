import { z } from 'zod';
import { parseSecretBoxKey } from './secret-box';

/**
 * Parses configuration with zod and fails fast, listing every bad variable at once
 * (not just the first), so an operator fixes the deployment in one go.
 */
export function parseConfig<T extends z.ZodType>(
  schema: T,
  source: Record<string, string | undefined>,
  what = 'configuration',
): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => {
    const missing = i.code === 'invalid_type' && source[String(i.path[0])] === undefined;
    return `  - ${i.path.join('.') || '(root)'}: ${missing ? 'is required' : i.message}`;
  });
  throw new Error(`Invalid ${what}:\n${lines.join('\n')}`);
}

/** Environment helpers shared by every service's env.ts. */
export const env = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  optionalUrl: () =>
    z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined)),
  /** A comma-separated list of host:port pairs, e.g. `127.0.0.1:19092`. */
  brokers: () =>
    z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v.split(',').map((b) => b.trim()).filter(Boolean) : undefined)),
  secret: (min = 24) => z.string().min(min, `must be at least ${min} characters`),
  /** A SecretBox key: 32 random bytes in base64 (`openssl rand -base64 32`). */
  secretBoxKey: () =>
    z.string().refine((v) => {
      try {
        parseSecretBoxKey(v);
        return true;
      } catch {
        return false;
      }
    }, 'must be 32 random bytes in base64 (openssl rand -base64 32)'),
};
