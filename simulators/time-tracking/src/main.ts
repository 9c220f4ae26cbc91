import { runSimulatorProcess } from '@advisor/simulator-kit';
import { timeTrackingSimulatorEnvSchema } from './env';
import { startTimeTrackingSimulator } from './server';

/** `node simulators/time-tracking/dist/main.js`: the simulator as its own process (see runSimulatorProcess). */
runSimulatorProcess('time-tracking-simulator', timeTrackingSimulatorEnvSchema, (env) =>
  startTimeTrackingSimulator({ port: env.PORT, host: env.HOST, dataFile: env.DATA_FILE, allowRemoteAdmin: env.ADMIN_ALLOW_REMOTE }),
);
