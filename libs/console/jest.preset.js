// Jest for the console's libraries: Angular's own preset, not the workspace's swc one (templates
// and signals need the Angular compiler's transform), with the foundation mapped to its source,
// since the preset does not read tsconfig's paths.
const { createCjsPreset } = require('jest-preset-angular/presets');

module.exports = {
  ...createCjsPreset(),
  moduleNameMapper: {
    '^@hearth/console-core$': '<rootDir>/../core/src/index.ts',
    '^@hearth/console-core/testing$': '<rootDir>/../core/src/testing/index.ts',
  },
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
