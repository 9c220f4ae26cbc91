import { baseConfigFromEnv, runStandaloneService } from '@advisor/kit';
import { readInvitationsEnv } from './env';
import { INVITATIONS_SERVICE, startInvitationsService } from './service';

export { startInvitationsService, INVITATIONS_SERVICE, type InvitationsConfig } from './service';

/** Standalone entrypoint (containers): `node services/invitations/dist/index.js`. */
if (require.main === module) {
  runStandaloneService(INVITATIONS_SERVICE, readInvitationsEnv, (env, deps) =>
    startInvitationsService({
      ...deps,
      config: { ...baseConfigFromEnv(env), appUrl: env.APP_URL, mailDir: env.MAIL_DIR, smtpUrl: env.SMTP_URL, mailFrom: env.MAIL_FROM },
    }),
  );
}
