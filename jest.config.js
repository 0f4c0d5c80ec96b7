/** Jest in native ESM mode: client-node 1.x is ESM-only (see shared/reference, typescript-operator-notes §0.6). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // A limit for a broken test, not a budget: conditions are awaited (test/integration/harness.ts CONDITION_WAIT_MS).
  testTimeout: 240_000,
  maxWorkers: 2,
};
