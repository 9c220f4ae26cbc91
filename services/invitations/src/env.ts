import { z } from 'zod';
import { baseServiceEnvSchema, parseConfig } from '@advisor/kit';

export const invitationsEnvSchema = baseServiceEnvSchema(4003).extend({
  APP_URL: z.string().url().default('http://localhost:4000'),
  MAIL_DIR: z.string().default('.data/mail'),
  /** SPEC I7: e.g. smtps://user:pass@smtp.example.com:465; unset: the file sink in MAIL_DIR. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Advisor Dashboard <no-reply@advisor-dashboard.example>'),
});

export const readInvitationsEnv = (source = process.env) =>
  parseConfig(invitationsEnvSchema, source, 'invitations configuration');
