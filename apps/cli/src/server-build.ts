import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

export type ServerApp = 'api' | 'worker';

/**
 * Node's flags for each server process, the same wherever it runs (`hearth start`, the bench,
 * infra/docker's Dockerfiles, which repeat them). Why these: docs/performance.md, "Memory".
 */
export const SERVER_NODE_FLAGS: Record<ServerApp, readonly string[]> = {
  api: ['--max-old-space-size=512'],
  worker: [],
};

const built = new Set<ServerApp>();

/**
 * Builds the apps to JavaScript (dist/apps/<app>/main.js, tools/scripts/build-server.mjs) once
 * per run of the CLI, so what runs is always the code as it is now, never a stale build. It
 * takes a few seconds; the processes then start without compiling TypeScript in themselves.
 */
export function buildServers(apps: ServerApp[], options: { quiet?: boolean } = {}): void {
  const missing = apps.filter((app) => !built.has(app));
  if (!missing.length) return;
  execFileSync(process.execPath, [join(ROOT, 'tools/scripts/build-server.mjs'), ...missing], {
    cwd: ROOT,
    stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'inherit'],
  });
  for (const app of missing) built.add(app);
}

/** How to run a built server app: the command and its arguments (build it first with buildServers). */
export function serverCommand(app: ServerApp): { command: string; args: string[] } {
  return { command: process.execPath, args: [...SERVER_NODE_FLAGS[app], join(ROOT, 'dist/apps', app, 'main.js')] };
}
