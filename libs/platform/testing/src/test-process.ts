import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const WORKSPACE = join(__dirname, '../../../..');

/**
 * A Hearth process (apps/worker/src/main.ts, say) started as deployed, in a process of its own,
 * so a test can kill it with SIGKILL, as a crash or the kernel's OOM killer would, and start
 * another. The last few kilobytes of its output are kept for the test's failure message.
 */
export class TestProcess {
  private tail = '';
  readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => {
      this.tail = (this.tail + chunk.toString()).slice(-4_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** Runs `script` (a path from the repository root) under @swc-node/register, with `env` over this process's environment. */
  static start(script: string, env: Record<string, string>, args: string[] = []): TestProcess {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', script, ...args], {
      cwd: WORKSPACE,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new TestProcess(child);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  get output(): string {
    return this.tail;
  }

  /** Sends `signal` and waits for the process to exit. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.running) this.child.kill(signal);
    await this.exited;
  }
}

/** A loopback port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
