import { z } from 'zod';
import { baseServiceEnvSchema, parseConfig } from '@advisor/kit';

export const invitationsEnvSchema = baseServiceEnvSchema(4003).extend({
  APP_URL: z.string().url().default('http://localhost:4000'),
  MAIL_DIR: z.string().default('.data/mail'),
});

export const readInvitationsEnv = (source = process.env) =>
  parseConfig(invitationsEnvSchema, source, 'invitations configuration');
