import { simulatorEnvSchema } from '@advisor/simulator-kit';

/** The standalone simulator's settings (also read by the checks of deployment files, test/deploy/compose.spec.ts). */
export const timeTrackingSimulatorEnvSchema = simulatorEnvSchema(4101);
