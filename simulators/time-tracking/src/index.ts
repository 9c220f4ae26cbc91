export { startTimeTrackingSimulator, type TimeTrackingSimulatorOptions } from './server';
export { spawnTimeTrackingSimulator, timeTrackingSimulatorMain } from './spawn';
export type { SpawnedSimulator, SpawnSimulatorOptions } from '@advisor/simulator-kit';
export type { RunningSimulator } from '@advisor/simulator-kit';
export type { Fault, FaultMode } from '@advisor/simulator-kit';
export type * from './model';
export { TimeTrackingStore } from './time-tracking.store';
