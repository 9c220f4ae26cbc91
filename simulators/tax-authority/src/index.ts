export { startTaxAuthoritySimulator, type TaxAuthoritySimulatorOptions } from './server';
export { spawnTaxAuthoritySimulator, taxAuthoritySimulatorMain } from './spawn';
export type { SpawnedSimulator, SpawnSimulatorOptions } from '@advisor/simulator-kit';
export type { RunningSimulator } from '@advisor/simulator-kit';
export type { Fault, FaultMode } from '@advisor/simulator-kit';
export type * from './model';
export { TaxAuthorityStore } from './tax-authority.store';
export { normalizeFein } from './inputs';
