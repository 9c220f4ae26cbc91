import { AccessTokenIssuer, baseConfigFromEnv, runStandaloneService } from '@advisor/kit';
import { readFirmsEnv } from './env';
import { FIRMS_SERVICE, startFirmsService } from './service';

export { startFirmsService, FIRMS_SERVICE } from './service';

/** Standalone entrypoint (containers): `node services/firms/dist/index.js`. */
if (require.main === module) {
  runStandaloneService(FIRMS_SERVICE, readFirmsEnv, async (env, deps) =>
    startFirmsService({
      ...deps,
      config: baseConfigFromEnv(env),
      issuer: await AccessTokenIssuer.fromPem(env.AUTH_SIGNING_KEY),
    }),
  );
}
