import { createCjsPreset } from 'jest-preset-angular/presets';

// Angular's own preset, not the workspace's swc one: templates and signals need the Angular compiler's transform.
export default {
  displayName: 'console',
  ...createCjsPreset(),
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
