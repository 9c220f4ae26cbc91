import { z } from 'zod';
import { env, parseConfig } from '@advisor/kit';
import { SUPERGRAPH_PATH } from './compose';
import type { GatewayConfig } from './gateway';

export const gatewayEnvSchema = z.object({
  HOST: z.string().default('0.0.0.0'),
  PORT: env.port(4000),
  SUPERGRAPH_PATH: z.string().default(SUPERGRAPH_PATH),
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
