import { AccessTokenIssuer, baseConfigFromEnv, runStandaloneService } from '@advisor/kit';
import { readFirmsEnv, supportFromEnv } from './env';
import { FIRMS_SERVICE, startFirmsService } from './service';

export { startFirmsService, FIRMS_SERVICE, DEFAULT_ADVISOR_SUPPORT, type FirmsConfig, type RunningFirmsService } from './service';

/** Standalone entrypoint (containers): `node services/firms/dist/index.js`. */
if (require.main === module) {
  runStandaloneService(FIRMS_SERVICE, readFirmsEnv, async (env, deps) =>
    startFirmsService({
      ...deps,
      config: { ...baseConfigFromEnv(env), appUrl: env.APP_URL, mailDir: env.MAIL_DIR, smtpUrl: env.SMTP_URL, mailFrom: env.MAIL_FROM, support: supportFromEnv(env), twoFactorKey: env.TWO_FACTOR_KEY },
      issuer: await AccessTokenIssuer.fromPem(env.AUTH_SIGNING_KEY),
    }),
  );
}
