import { z } from 'zod';
import { baseServiceEnvSchema, parseConfig } from '@advisor/kit';

export const clientsEnvSchema = baseServiceEnvSchema(4002).extend({
  /** PKCS#8 PEM Ed25519 private key that signs client admins' access tokens. */
  AUTH_SIGNING_KEY: z.string().min(1, 'is required (PKCS#8 PEM, Ed25519)'),
});

export const readClientsEnv = (source = process.env) => parseConfig(clientsEnvSchema, source, 'clients configuration');
