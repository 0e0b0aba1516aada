import { getJestProjectsAsync } from '@nx/jest';

// One jest run over every project, so `npm test` reports a single total.
export default async () => ({
  projects: await getJestProjectsAsync(),
});
