import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { WORKSPACE } from './workspace';

const STARTUP_TIMEOUT_MS = 30_000;

export interface DemoIssuerProcess {
  issuerUrl: string;
  close(): Promise<void>;
}

/**
 * Runs the demo issuer as `nx serve demo-issuer` does, in its own Node process: oidc-provider is an ES module
 * that jest's CommonJS runtime cannot load without transforming it, and this also proves main.ts starts.
 */
export function startDemoIssuerProcess(consoleUrl: string): Promise<DemoIssuerProcess> {
  const child = spawn(join(WORKSPACE, 'node_modules/.bin/tsx'), [join(WORKSPACE, 'apps/demo-issuer/src/main.ts')], {
    cwd: WORKSPACE,
    env: { ...process.env, DEMO_ISSUER_PORT: '0', CONSOLE_URL: consoleUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not report its URL within ${STARTUP_TIMEOUT_MS / 1000} s`), STARTUP_TIMEOUT_MS);
    function fail(reason: string) {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`The demo issuer ${reason}. Its output:\n${output}`));
    }
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      const issuerUrl = /^Issuer: (\S+)$/m.exec(output)?.[1];
      if (!issuerUrl) return;
      clearTimeout(timer);
      resolve({
        issuerUrl,
        close: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code) => fail(`exited with code ${code}`));
  });
}
