import { baseConfigFromEnv, createLogger, runMain, transportFromEnv } from '@advisor/kit';
import { readInvitationsEnv } from './env';
import { INVITATIONS_SERVICE, startInvitationsService } from './service';

export { startInvitationsService, INVITATIONS_SERVICE, type InvitationsConfig } from './service';

/** Standalone entrypoint (containers): `node services/invitations/dist/index.js`. */
if (require.main === module) {
  runMain(INVITATIONS_SERVICE, async () => {
    const env = readInvitationsEnv();
    const logger = createLogger({ name: INVITATIONS_SERVICE, level: env.LOG_LEVEL });
    const transport = transportFromEnv(env, INVITATIONS_SERVICE, logger);
    const service = await startInvitationsService({
      config: { ...baseConfigFromEnv(env), appUrl: env.APP_URL, mailDir: env.MAIL_DIR },
      transport,
      logger,
    });
    return {
      stop: async () => {
        await service.stop();
        await transport.close();
      },
    };
  });
}
