import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONSOLE_DIST, WORKSPACE } from './support/workspace';

/**
 * This project's jest config replaces the workspace preset's globalSetup, so it runs that first (it prepares the
 * migrated template database that createTestDatabase clones), then builds the console once unless a build is
 * already there (`nx e2e console-e2e` builds it first; so may you).
 */
export default async function globalSetup(): Promise<void> {
  const { globalSetup: workspaceSetup } = require(join(WORKSPACE, 'jest.preset.js')) as { globalSetup: string };
  await (require(workspaceSetup) as () => Promise<void>)();

  if (existsSync(join(CONSOLE_DIST, 'index.html'))) return;
  execFileSync(join(WORKSPACE, 'node_modules/.bin/nx'), ['build', 'console'], {
    cwd: WORKSPACE,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
}
