import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { parse } from 'yaml';
import type { z } from 'zod';
import { firmsEnvSchema } from '../../services/firms/src/env';
import { clientsEnvSchema } from '../../services/clients/src/env';
import { invitationsEnvSchema } from '../../services/invitations/src/env';
import { payrollSyncEnvSchema } from '../../services/payroll-sync/src/env';
import { gatewayEnvSchema } from '../../gateway/src/env';
import { timeTrackingSimulatorEnvSchema } from '../../simulators/time-tracking/src/env';
import { taxAuthoritySimulatorEnvSchema } from '../../simulators/tax-authority/src/env';

export const ROOT = join(__dirname, '../..');

type EnvSchema = z.ZodObject<z.ZodRawShape>;

/** Each container entrypoint of the image, and the zod schema its process reads its environment with. */
export const ENTRYPOINT_SCHEMAS: Record<string, EnvSchema> = {
  'services/firms/dist/index.js': firmsEnvSchema,
  'services/clients/dist/index.js': clientsEnvSchema,
  'services/invitations/dist/index.js': invitationsEnvSchema,
  'services/payroll-sync/dist/index.js': payrollSyncEnvSchema,
  'gateway/dist/index.js': gatewayEnvSchema as unknown as EnvSchema,
  'simulators/time-tracking/dist/main.js': timeTrackingSimulatorEnvSchema as unknown as EnvSchema,
  'simulators/tax-authority/dist/main.js': taxAuthoritySimulatorEnvSchema as unknown as EnvSchema,
};

/** The variables an entrypoint cannot start without: those whose schema refuses "unset". */
export function requiredVariables(schema: EnvSchema): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name);
}

export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number | boolean | null>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export const readCompose = (path = join(ROOT, 'docker-compose.yml')): ComposeFile => parse(readFileSync(path, 'utf8'), { merge: true });
export const readEnvExample = (path = join(ROOT, '.env.example')): Record<string, string> => parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;

/**
 * Compose's interpolation (`$$`, `${X}`, `${X:-default}`, `${X-default}`, `${X:?error}`,
 * `${X?error}`): the value a container gets with these variables in .env. Records every
 * variable a value names.
 */
export function interpolate(value: string, vars: Record<string, string>, used?: Set<string>): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, braced, colon, op, arg, bare) => {
    if (match === '$$') return '$';
    const name = (braced ?? bare) as string;
    used?.add(name);
    const current = vars[name];
    const missing = current === undefined || (colon === ':' && current === '');
    if (!missing) return current;
    if (op === '-') return arg;
    if (op === '?') throw new Error(`${name} is not set: ${arg}`);
    return '';
  });
}

/**
 * Every problem of the compose file against the entrypoints' schemas, with the variables of
 * .env.example: a container that would not start (a required variable missing, a value its
 * schema refuses), a variable no schema reads (a typo, or a setting that silently does nothing),
 * and the wiring between containers (start order, gateway → subgraph URLs and secrets).
 */
export function composeProblems(compose: ComposeFile, envExample: Record<string, string>): string[] {
  const problems: string[] = [];
  const used = new Set<string>();
  const appServices = Object.entries(compose.services).filter(([, s]) => s.command !== undefined);

  for (const [name, service] of appServices) {
    const entry = service.command?.[0] === 'node' ? service.command[1] : undefined;
    const schema = entry ? ENTRYPOINT_SCHEMAS[entry] : undefined;
    if (!schema) {
      problems.push(`${name}: command ${JSON.stringify(service.command)} is not a known entrypoint (${Object.keys(ENTRYPOINT_SCHEMAS).join(', ')})`);
      continue;
    }
    const declared = service.environment ?? {};
    const env: Record<string, string> = {};
    for (const [key, raw] of Object.entries(declared)) {
      try {
        env[key] = interpolate(String(raw ?? ''), envExample, used);
      } catch (err) {
        problems.push(`${name}: ${key}: ${(err as Error).message}`);
      }
    }
    for (const key of Object.keys(declared)) {
      if (!(key in schema.shape)) problems.push(`${name}: ${key} is not read by ${entry}`);
    }
    for (const key of requiredVariables(schema)) {
      if (!(key in declared)) problems.push(`${name}: ${key} is required by ${entry} but not set`);
    }
    const parsed = schema.safeParse(env);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        if (key in declared) problems.push(`${name}: ${key}: ${issue.message}`);
      }
    }
    if (!service.healthcheck) problems.push(`${name}: no healthcheck`);
    const dependsOn = service.depends_on ?? {};
    if ('DATABASE_URL' in declared && dependsOn.mysql?.condition !== 'service_healthy') {
      problems.push(`${name}: uses MySQL but does not wait for it to be healthy`);
    }
    if ('KAFKA_BROKERS' in declared && dependsOn.kafka?.condition !== 'service_healthy' && entry !== 'gateway/dist/index.js') {
      problems.push(`${name}: uses Kafka but does not wait for it to be healthy`);
    }
  }

  // The gateway reaches each subgraph at its compose address, with that subgraph's own secret.
  const subgraphs = { firms: 'FIRMS', clients: 'CLIENTS', invitations: 'INVITATIONS', 'payroll-sync': 'PAYROLL_SYNC' } as const;
  const gateway = appServices.find(([, s]) => s.command?.[1] === 'gateway/dist/index.js');
  if (!gateway) problems.push('no gateway service');
  else {
    const [gatewayName, g] = gateway;
    for (const [service, prefix] of Object.entries(subgraphs)) {
      const target = compose.services[service];
      if (!target) {
        problems.push(`no ${service} service`);
        continue;
      }
      const port = target.environment?.PORT;
      if (g.environment?.[`${prefix}_URL`] !== `http://${service}:${port}/graphql`) {
        problems.push(`${gatewayName}: ${prefix}_URL does not point at ${service}:${port}`);
      }
      if (g.environment?.[`${prefix}_GATEWAY_SECRET`] !== target.environment?.GATEWAY_SECRET) {
        problems.push(`${gatewayName}: ${prefix}_GATEWAY_SECRET is not the secret ${service} expects`);
      }
      if (g.depends_on?.[service]?.condition !== 'service_healthy') problems.push(`${gatewayName}: does not wait for ${service} to be healthy`);
    }
  }

  // .env.example names every variable the file reads, and nothing else.
  for (const service of Object.values(compose.services)) {
    for (const raw of Object.values(service.environment ?? {})) {
      try {
        interpolate(String(raw ?? ''), envExample, used);
      } catch {
        // reported above for our containers; MySQL's are checked here through `used`
      }
    }
  }
  for (const name of used) if (!(name in envExample)) problems.push(`.env.example: ${name} is used by docker-compose.yml but not listed`);
  for (const name of Object.keys(envExample)) if (!used.has(name)) problems.push(`.env.example: ${name} is not used by docker-compose.yml`);
  return problems;
}
