import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './test-process';

const READY_TIMEOUT_MS = 10_000;

/**
 * A Redis server of a test file's own (a `redis-server` child on a free loopback port), for tests
 * that stop and restart Redis: the shared one on 6379 serves every other test running at the same
 * time and is never touched. `appendOnly` keeps the data across a restart as a deployment's Redis
 * does (docker-compose.yml runs it with `--appendonly yes`); without it a restart empties it.
 */
export class TestRedis {
  private child?: ChildProcess;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly appendOnly: boolean,
  ) {}

  static async start(options: { appendOnly?: boolean } = {}): Promise<TestRedis> {
    const redis = new TestRedis(await freePort(), mkdtempSync(join(tmpdir(), 'hearth-redis-')), options.appendOnly ?? false);
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again) on the same port and data directory, and waits until it answers PING. */
  async restart(): Promise<void> {
    if (this.child) throw new Error('This Redis is already running');
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--appendonly', this.appendOnly ? 'yes' : 'no',
        // BullMQ loses jobs under any eviction policy; the worker refuses to start without this.
        '--maxmemory-policy', 'noeviction'],
      { stdio: 'ignore' },
    );
    this.child = child;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (!(await ping(this.port))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        await this.stop('SIGKILL');
        throw new Error(`redis-server on port ${this.port} did not start (is it installed?)`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Stops the server: SIGTERM as a restart does (it writes its append-only file first), SIGKILL as a crash does. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  /** Stops it and removes its data directory. */
  async close(): Promise<void> {
    await this.stop('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Whether a Redis answers PING on the port; a raw socket, so no client retries or logs in the meantime. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}
