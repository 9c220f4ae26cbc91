import { z } from 'zod';

/** The standalone simulator's settings; every bad variable is listed at once. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4101),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_FILE: z.string().trim().optional().transform((v) => v || undefined),
  ADMIN_ALLOW_REMOTE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export function readEnv(source: Record<string, string | undefined> = process.env) {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
  throw new Error(`Invalid time-tracking simulator configuration:\n${lines.join('\n')}`);
}

/** The same schema, for checks of deployment files (test/deploy/compose.spec.ts). */
export { schema as timeTrackingSimulatorEnvSchema };
