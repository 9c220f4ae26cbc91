import { AccessTokenIssuer, baseConfigFromEnv, createLogger, runMain, transportFromEnv } from '@advisor/kit';
import { readFirmsEnv } from './env';
import { FIRMS_SERVICE, startFirmsService } from './service';

export { startFirmsService, FIRMS_SERVICE } from './service';

/** Standalone entrypoint (containers): `node services/firms/dist/index.js`. */
if (require.main === module) {
  runMain(FIRMS_SERVICE, async () => {
    const env = readFirmsEnv();
    const logger = createLogger({ name: FIRMS_SERVICE, level: env.LOG_LEVEL });
    const transport = transportFromEnv(env, FIRMS_SERVICE, logger);
    const service = await startFirmsService({
      config: baseConfigFromEnv(env),
      transport,
      issuer: await AccessTokenIssuer.fromPem(env.AUTH_SIGNING_KEY),
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
