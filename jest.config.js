/**
 * One Jest run for the whole suite:
 *  - unit tests (`*.spec.ts`) beside the code;
 *  - integration tests (`*.int-spec.ts`) against the real MySQL server;
 *  - end-to-end tests (`*.e2e-spec.ts`) through the real gateway, with real MySQL and Kafka.
 * The global setup checks MySQL and starts the project's Kafka broker unless one is given
 * (TEST_KAFKA_BROKERS). A missing MySQL or Kafka fails the run: nothing is skipped silently.
 * Type checking happens once, before Jest (`npm test`), so Jest only transpiles.
 */
const workspaces = ['kit', 'rules'].map((p) => [`^@advisor/${p}$`, `<rootDir>/packages/${p}/src`]);
const services = ['firms', 'clients', 'invitations', 'payroll-sync'].map((s) => [`^@advisor/${s}$`, `<rootDir>/services/${s}/src`]);

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/system', '<rootDir>/schema', '<rootDir>/services', '<rootDir>/simulators', '<rootDir>/gateway', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  moduleNameMapper: Object.fromEntries([
    ...workspaces,
    ...services,
    ['^@advisor/schema$', '<rootDir>/schema/events'],
    ['^@advisor/system$', '<rootDir>/system/src'],
    ['^@advisor/gateway$', '<rootDir>/gateway/src'],
    ['^@advisor/simulator-kit$', '<rootDir>/simulators/kit/src'],
    ['^@advisor/time-tracking-sim$', '<rootDir>/simulators/time-tracking/src'],
    ['^@advisor/tax-authority-sim$', '<rootDir>/simulators/tax-authority/src'],
  ]),
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
  verbose: true,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
};
