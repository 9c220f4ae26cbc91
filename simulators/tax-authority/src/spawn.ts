import { join } from 'node:path';
import { spawnSimulatorProcess, type SpawnedSimulator, type SpawnSimulatorOptions } from '@advisor/simulator-kit';

/** The built entry point; the same path from `src/` (tests through ts-jest) and from `dist/`. */
export const taxAuthoritySimulatorMain = join(__dirname, '..', 'dist', 'main.js');

/** Starts the tax-authority simulator as its own OS process (tests, `npm start`). Needs `npm run build`. */
export function spawnTaxAuthoritySimulator(options: SpawnSimulatorOptions = {}): Promise<SpawnedSimulator> {
  return spawnSimulatorProcess('tax-authority-simulator', taxAuthoritySimulatorMain, options);
}
