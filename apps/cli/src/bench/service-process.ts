import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { WORKSPACE } from './bench-dataset';
import { buildServers, serverCommand } from '../server-build';

const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * The API or the worker under test, in a process of its own (started as `hearth start` and the
 * Dockerfiles start it: built to JavaScript, with the same Node flags), so the load generator
 * does not share its event loop and its memory can be read from /proc. It is ready when its
 * /health/ready answers (the worker's on WORKER_HEALTH_PORT).
 */
export class ServiceProcess {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly name: 'api' | 'worker',
    readonly url: string,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-4_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  static async start(name: 'api' | 'worker', env: Record<string, string>): Promise<ServiceProcess> {
    const port = await freePort();
    buildServers([name], { quiet: true });
    const { command, args } = serverCommand(name);
    const child = spawn(command, args, {
      cwd: WORKSPACE,
      env: { ...process.env, ...env, [name === 'api' ? 'API_PORT' : 'WORKER_HEALTH_PORT']: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service = new ServiceProcess(child, name, `http://127.0.0.1:${port}`);
    await service.waitUntilReady();
    return service;
  }

  /** Resident memory now and at its peak (the kernel's high-water mark), in MiB. */
  memory(): { rssMiB: number; peakMiB: number } {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`The ${this.name} exited (code ${this.child.exitCode}):\n${this.output}`);
      try {
        if ((await fetch(`${this.url}/health/ready`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await this.stop();
    throw new Error(`The ${this.name} was not ready after ${READY_TIMEOUT_MS / 1000} s:\n${this.output}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
