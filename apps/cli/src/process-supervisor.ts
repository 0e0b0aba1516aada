import { spawn, type ChildProcess } from 'node:child_process';

export interface ManagedProcess {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** A URL that answers 2xx once the process is ready to serve. */
  readyUrl: string;
}

const COLOURS = [36, 35, 33, 32, 34];

/**
 * Runs the demo's processes side by side with prefixed output; if one dies, or on Ctrl-C,
 * all are stopped, so `npm start` never leaves orphans holding the ports.
 */
export class ProcessSupervisor {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;

  start(processes: ManagedProcess[]): void {
    processes.forEach((p, index) => {
      // Each in a process group of its own, so stopping it also stops what it started (nx's dev server).
      const child = spawn(p.command, p.args, { env: { ...process.env, ...p.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      const prefix = `\x1b[${COLOURS[index % COLOURS.length]}m${p.name.padEnd(8)}\x1b[0m│ `;
      const relay = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n')) if (line.trim()) stream.write(prefix + line + '\n');
      };
      child.stdout?.on('data', relay(process.stdout));
      child.stderr?.on('data', relay(process.stderr));
      child.on('exit', (code, signal) => {
        if (this.stopping) return;
        console.error(`\n✖ ${p.name} stopped (${signal ?? `exit code ${code}`}); stopping the others`);
        void this.stop().then(() => process.exit(1));
      });
      this.children.set(p.name, child);
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => void this.stop().then(() => process.exit(0)));
    }
  }

  async waitUntilReady(processes: ManagedProcess[], timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    await Promise.all(
      processes.map(async (p) => {
        while (Date.now() < deadline) {
          try {
            if ((await fetch(p.readyUrl)).ok) return;
          } catch {
            // not listening yet
          }
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
        throw new Error(`${p.name} was not ready at ${p.readyUrl} after ${timeoutMs / 1000} s`);
      }),
    );
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            signalGroup(child, 'SIGTERM');
            setTimeout(() => signalGroup(child, 'SIGKILL'), 10_000).unref();
          }),
      ),
    );
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}
