import { runSimulatorProcess } from '@advisor/simulator-kit';
import { taxAuthoritySimulatorEnvSchema } from './env';
import { startTaxAuthoritySimulator } from './server';

/** `node simulators/tax-authority/dist/main.js`: the simulator as its own process (see runSimulatorProcess). */
runSimulatorProcess('tax-authority-simulator', taxAuthoritySimulatorEnvSchema, (env) =>
  startTaxAuthoritySimulator({ port: env.PORT, host: env.HOST, dataFile: env.DATA_FILE, allowRemoteAdmin: env.ADMIN_ALLOW_REMOTE }),
);
