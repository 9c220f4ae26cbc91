import { AccessTokenIssuer, baseConfigFromEnv, createLogger, runMain, transportFromEnv } from '@advisor/kit';
import { readClientsEnv } from './env';
import { CLIENTS_SERVICE, startClientsService } from './service';

export { startClientsService, CLIENTS_SERVICE, type RunningClientsService } from './service';

/** Standalone entrypoint (containers): `node services/clients/dist/index.js`. */
if (require.main === module) {
  runMain(CLIENTS_SERVICE, async () => {
    const env = readClientsEnv();
    const logger = createLogger({ name: CLIENTS_SERVICE, level: env.LOG_LEVEL });
    const transport = transportFromEnv(env, CLIENTS_SERVICE, logger);
    const service = await startClientsService({
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
