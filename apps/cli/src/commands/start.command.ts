import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '@hearth/platform-core';
import { migrateDatabase, setupDatabase } from '@hearth/platform-database';
import { ModuleRegistry } from '@hearth/platform-kernel';
import { INSTALLED_MODULES } from '@hearth/distribution';
import { ProcessSupervisor, type ManagedProcess } from '../process-supervisor';
import { CommandError } from '../command-error';
import { seedDemo } from './demo.command';
import { loadDemoUsers, type DemoUser } from '@hearth/demo';
import { buildServers, serverCommand } from '../server-build';

const ROOT = join(__dirname, '../../../..');
const ISSUER_PORT = 4000;
const CONSOLE_PORT = 4200;

/** Runs a TypeScript entry point of this repository under the same loader as this command. */
const node = (entry: string, ...args: string[]) => ({ command: process.execPath, args: ['-r', '@swc-node/register', join(ROOT, entry), ...args] });

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('Set up everything and run the demo: API, worker, console and a stand-in sign-in server')
    .action(async () => {
      const config = loadConfig();
      if (config.env === 'production') {
        throw new CommandError('`hearth start` runs the demo (with a stand-in sign-in server) and refuses to run in production.');
      }
      step('database', await setupDatabase(config));
      step('migrations', await migrateDatabase(config, new ModuleRegistry(INSTALLED_MODULES).schemaParts()));
      const apply = node('apps/cli/src/main.ts', 'tenants:apply', join(ROOT, 'tenants'));
      execFileSync(apply.command, apply.args, { stdio: 'inherit' });
      step('demo data', await seedDemo());
      // The API and the worker run as built JavaScript, as deployed; built afresh every start.
      buildServers(['api', 'worker']);

      const issuerUrl = `http://localhost:${ISSUER_PORT}/realms/${config.auth.realm}`;
      const consoleUrl = `http://localhost:${CONSOLE_PORT}`;
      // The demo's webhooks go to receivers on this machine (docs/partners/webhooks.md), so it allows loopback.
      const childEnv = {
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', KEYCLOAK_URL: `http://localhost:${ISSUER_PORT}`, CONSOLE_URL: consoleUrl,
        WEBHOOKS_ALLOW_PRIVATE_NETWORKS: process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS ?? 'true',
      };
      const processes: ManagedProcess[] = [
        {
          name: 'issuer',
          command: process.execPath,
          args: [require.resolve('tsx/cli'), join(ROOT, 'apps/demo-issuer/src/main.ts')],
          env: { ...childEnv, DEMO_ISSUER_PORT: String(ISSUER_PORT), TENANTS_DIR: join(ROOT, 'tenants') },
          readyUrl: `${issuerUrl}/.well-known/openid-configuration`,
        },
        { name: 'api', ...serverCommand('api'), env: childEnv, readyUrl: `http://localhost:${config.api.port}/health/ready` },
        { name: 'worker', ...serverCommand('worker'), env: childEnv, readyUrl: `http://localhost:${config.worker.healthPort}/health/ready` },
        {
          name: 'console',
          command: process.execPath,
          args: [require.resolve('nx/bin/nx'), 'serve', 'console', `--port=${CONSOLE_PORT}`],
          env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
          readyUrl: consoleUrl,
        },
      ];
      const supervisor = new ProcessSupervisor();
      supervisor.start(processes);
      await supervisor.waitUntilReady(processes);
      printBanner(consoleUrl, `http://localhost:${config.api.port}/graphql`, issuerUrl, await loadDemoUsers(join(ROOT, 'tenants')));
    });
}

function step(label: string, done: string[]): void {
  console.log(done.length ? done.map((d) => `✔ ${label}: ${d}`).join('\n') : `✔ ${label}: up to date`);
}

function printBanner(consoleUrl: string, apiUrl: string, issuerUrl: string, users: DemoUser[]): void {
  const width = Math.max(...users.map((u) => u.username.length));
  console.log(`
  Hearth is running.

    Console   ${consoleUrl}
    GraphQL   ${apiUrl}
    Sign-in   ${issuerUrl}   (local stand-in for Keycloak; never for production)

  Demo users (password "demo"):
${users.map((u) => `    ${u.username.padEnd(width)}  ${u.name}, ${u.memberName ?? 'consortium'} (${u.roles.join(', ')})`).join('\n')}

  Ctrl-C stops everything.
`);
}
