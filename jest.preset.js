// Shared jest settings: swc for speed (it keeps decorator metadata, which Nest's
// dependency injection needs) and Nx's resolver, which maps the tsconfig paths.
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: {
    '^.+\\.(ts|js|mjs)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  // The reliability suite (docs/reliability.md) runs here too; `npm run test:reliability` runs it alone.
  testMatch: ['**/?(*.)+(spec|int-spec|reliability-spec).ts'],
  // Builds the migrated template database once; each integration test file clones its own copy.
  globalSetup: require.resolve('./tools/jest/global-setup.js'),
};
