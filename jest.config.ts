import { getJestProjectsAsync } from '@nx/jest';

// One jest run over every project, so `npm test` reports a single total.
export default async () => ({
  projects: await getJestProjectsAsync(),
  // Integration tests talk to real PostgreSQL and Redis and some start real processes, all on a
  // two-core machine running the whole suite: a ceiling against hangs, not a speed check.
  // (A global option: jest ignores it in a project's own config.)
  testTimeout: 30_000,
});
