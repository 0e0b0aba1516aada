// `npm run test:reliability`: only the reliability suite (docs/reliability.md), every project's
// `*.reliability-spec.ts` in one run. The same files also run in `npm test` (jest.preset.js).
export default {
  displayName: 'reliability',
  preset: './jest.preset.js',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  testMatch: ['**/*.reliability-spec.ts'],
  // A ceiling against hangs, as in jest.config.ts; each test that kills and restarts processes sets its own.
  testTimeout: 30_000,
};
