import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { WORKSPACE } from './support/workspace';

/**
 * This project's jest config replaces the workspace preset's globalSetup, so it runs that first (it prepares the
 * migrated template database that createTestDatabase clones), then builds the console, with its generated GraphQL
 * operations, so the browser meets this tree's console. Each run builds into a folder of its own (the test
 * workers inherit CONSOLE_DIST), so two runs at once never serve each other's half-written files.
 */
export default async function globalSetup(): Promise<void> {
  const { globalSetup: workspaceSetup } = require(join(WORKSPACE, 'jest.preset.js')) as { globalSetup: string };
  await (require(workspaceSetup) as () => Promise<void>)();

  const output = join(WORKSPACE, 'tmp/console-e2e', String(process.pid));
  execFileSync(join(WORKSPACE, 'node_modules/.bin/nx'), ['build', 'console', `--output-path=${output}`, '--outputStyle=static'], {
    cwd: WORKSPACE,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  process.env['CONSOLE_DIST'] = join(output, 'browser');
}
