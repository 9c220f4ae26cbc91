import { z } from 'zod';
import { baseServiceEnvSchema, parseConfig } from '@advisor/kit';

export const firmsEnvSchema = baseServiceEnvSchema(4001).extend({
  /** PKCS#8 PEM Ed25519 private key that signs firm members' access tokens. */
  AUTH_SIGNING_KEY: z.string().min(1, 'is required (PKCS#8 PEM, Ed25519)'),
});

export const readFirmsEnv = (source = process.env) => parseConfig(firmsEnvSchema, source, 'firms configuration');
