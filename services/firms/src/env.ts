import { z } from 'zod';
import { baseServiceEnvSchema, env, parseConfig } from '@advisor/kit';
import { DEFAULT_ADVISOR_SUPPORT } from './service';

export const firmsEnvSchema = baseServiceEnvSchema(4001).extend({
  /** PKCS#8 PEM Ed25519 private key that signs firm members' access tokens. */
  AUTH_SIGNING_KEY: z.string().min(1, 'is required (PKCS#8 PEM, Ed25519)'),
  APP_URL: z.string().url().default('http://localhost:4000'),
  MAIL_DIR: z.string().default('.data/mail'),
  /** SPEC I7: e.g. smtps://user:pass@smtp.example.com:465; unset: the file sink in MAIL_DIR. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Advisor Dashboard <no-reply@advisor-dashboard.example>'),
  SUPPORT_EMAIL: z.string().email().default(DEFAULT_ADVISOR_SUPPORT.email),
  SUPPORT_ESCALATION_NAME: z.string().min(1).default(DEFAULT_ADVISOR_SUPPORT.escalationContact.name),
  SUPPORT_ESCALATION_EMAIL: z.string().email().default(DEFAULT_ADVISOR_SUPPORT.escalationContact.email),
  SUPPORT_ESCALATION_PHONE: z.string().optional(),
  /** SPEC F9: 32 random bytes in base64 (`openssl rand -base64 32`) sealing members' TOTP secrets; keep it: a new key voids every enrolled authenticator. */
  TWO_FACTOR_KEY: env.secretBoxKey(),
});

export const readFirmsEnv = (source = process.env) => parseConfig(firmsEnvSchema, source, 'firms configuration');

export function supportFromEnv(env: z.infer<typeof firmsEnvSchema>) {
  return {
    ...DEFAULT_ADVISOR_SUPPORT,
    email: env.SUPPORT_EMAIL,
    escalationContact: {
      name: env.SUPPORT_ESCALATION_NAME,
      email: env.SUPPORT_ESCALATION_EMAIL,
      phone: env.SUPPORT_ESCALATION_PHONE ?? null,
    },
  };
}
