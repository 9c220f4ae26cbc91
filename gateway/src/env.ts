import { z } from 'zod';
import { env, parseConfig } from '@advisor/kit';
import { SUPERGRAPH_PATH } from './compose';
import { WEB_DIST_PATH } from './web-app';
import type { GatewayConfig } from './gateway';
import { PLATFORM_API_KEY_MIN_LENGTH } from './platform-account';

/**
 * SPEC G7 settings shared by the standalone gateway and `npm start`. Safe when unset: no
 * anonymous introspection, no field suggestions, no proxy trusted, /ready without details.
 */
export const hardeningEnvShape = {
  /** The explicit development switch (anonymous introspection, "Did you mean …"): only `true` turns it on. */
  GRAPHQL_DEV: z.enum(['true', 'false']).default('false'),
  /** Express `trust proxy` (e.g. `1`, `loopback`, `10.0.0.0/8`): lets a proxy report the client address and TLS (HSTS). */
  TRUST_PROXY: z.string().optional(),
  /** Operators sending it as `x-advisor-ops-token` see /ready's details. */
  OPS_TOKEN: z.string().min(24, 'must have at least 24 characters').optional(),
};

export function hardeningFromEnv(e: { GRAPHQL_DEV: 'true' | 'false'; TRUST_PROXY?: string; OPS_TOKEN?: string }) {
  const trust = e.TRUST_PROXY;
  return {
    development: e.GRAPHQL_DEV === 'true',
    trustProxy: trust === undefined ? false : trust === 'true' ? true : /^\d+$/.test(trust) ? Number(trust) : trust,
    opsToken: e.OPS_TOKEN,
  } satisfies Pick<GatewayConfig, 'development' | 'trustProxy' | 'opsToken'>;
}

export const gatewayEnvSchema = z.object({
  ...hardeningEnvShape,
  HOST: z.string().default('0.0.0.0'),
  PORT: env.port(4000),
  SUPERGRAPH_PATH: z.string().default(SUPERGRAPH_PATH),
  /** The built web app to serve at / (SPEC S1); empty: serve none. */
  WEB_DIR: z.string().default(WEB_DIST_PATH),
  AUTH_VERIFY_KEY: z.string().min(1, 'is required (SPKI PEM, Ed25519)'),
  FIRMS_URL: z.string().url().default('http://127.0.0.1:4001/graphql'),
  CLIENTS_URL: z.string().url().default('http://127.0.0.1:4002/graphql'),
  INVITATIONS_URL: z.string().url().default('http://127.0.0.1:4003/graphql'),
  PAYROLL_SYNC_URL: z.string().url().default('http://127.0.0.1:4004/graphql'),
  FIRMS_GATEWAY_SECRET: env.secret(),
  CLIENTS_GATEWAY_SECRET: env.secret(),
  INVITATIONS_GATEWAY_SECRET: env.secret(),
  PAYROLL_SYNC_GATEWAY_SECRET: env.secret(),
  /** The gateway learns of ended sessions from Kafka: required. */
  KAFKA_BROKERS: env.brokers().refine((v) => v !== undefined && v.length > 0, 'is required (e.g. 127.0.0.1:19092)'),
  KAFKA_NAMESPACE: z.string().default(''),
  /** Names this replica's consumer group (reused across its restarts); default: the host name (the pod name in k8s). */
  GATEWAY_REPLICA_ID: z.string().regex(/^[A-Za-z0-9._-]+$/).optional(),
  /** SPEC G6, C1: the platform account's key (at least 32 characters); unset: no platform account. */
  PLATFORM_API_KEY: z.string().min(PLATFORM_API_KEY_MIN_LENGTH, `must have at least ${PLATFORM_API_KEY_MIN_LENGTH} characters`).optional(),
  LOG_LEVEL: z.string().default('info'),
});

export function readGatewayEnv(
  source = process.env,
): GatewayConfig & { logLevel: string; kafkaBrokers: string[]; kafkaNamespace: string } {
  const e = parseConfig(gatewayEnvSchema, source, 'gateway configuration');
  return {
    host: e.HOST,
    port: e.PORT,
    supergraphPath: e.SUPERGRAPH_PATH,
    webDir: e.WEB_DIR || undefined,
    replicaId: e.GATEWAY_REPLICA_ID,
    platformApiKey: e.PLATFORM_API_KEY,
    ...hardeningFromEnv(e),
    tokenPublicKeyPem: e.AUTH_VERIFY_KEY,
    subgraphs: {
      firms: { url: e.FIRMS_URL, secret: e.FIRMS_GATEWAY_SECRET },
      clients: { url: e.CLIENTS_URL, secret: e.CLIENTS_GATEWAY_SECRET },
      invitations: { url: e.INVITATIONS_URL, secret: e.INVITATIONS_GATEWAY_SECRET },
      'payroll-sync': { url: e.PAYROLL_SYNC_URL, secret: e.PAYROLL_SYNC_GATEWAY_SECRET },
    },
    logLevel: e.LOG_LEVEL,
    kafkaBrokers: e.KAFKA_BROKERS!,
    kafkaNamespace: e.KAFKA_NAMESPACE,
  };
}
