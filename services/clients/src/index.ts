import { AccessTokenIssuer, baseConfigFromEnv, runStandaloneService } from '@advisor/kit';
import { readClientsEnv } from './env';
import { CLIENTS_SERVICE, startClientsService } from './service';

export { startClientsService, CLIENTS_SERVICE, type RunningClientsService } from './service';

/** Standalone entrypoint (containers): `node services/clients/dist/index.js`. */
if (require.main === module) {
  runStandaloneService(CLIENTS_SERVICE, readClientsEnv, async (env, deps) =>
    startClientsService({
      ...deps,
      config: baseConfigFromEnv(env),
      issuer: await AccessTokenIssuer.fromPem(env.AUTH_SIGNING_KEY),
    }),
  );
}
