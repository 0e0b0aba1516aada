/** Latencies and throughput of a load run; times in milliseconds. */
export interface LoadResult {
  concurrency: number;
  requests: number;
  errors: number;
  firstError?: string;
  elapsedMs: number;
  /** Requests answered per second. */
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface LoadOptions {
  concurrency: number;
  /** How long to measure; the run also stops at maxRequests. */
  durationMs: number;
  maxRequests: number;
  /** Requests sent before measuring starts, to warm connections, caches and the JIT. */
  warmupMs: number;
}

/** `request` is one unit of work by client `client`; `i` counts requests across all clients. */
export type Request = (client: number, i: number) => Promise<void>;

/**
 * Closed-loop load: `concurrency` clients each send their next request as soon as the last is
 * answered, for a bounded time and count. Load is only ever sent to this machine's own services.
 */
export async function runLoad(request: Request, options: LoadOptions): Promise<LoadResult> {
  let issued = 0;
  const until = (deadline: number, limit: number, record?: (ms: number) => void, fail?: (error: unknown) => void) =>
    Array.from({ length: options.concurrency }, async (_, client) => {
      while (Date.now() < deadline && issued < limit) {
        const i = issued++;
        const started = process.hrtime.bigint();
        try {
          await request(client, i);
          record?.(Number(process.hrtime.bigint() - started) / 1e6);
        } catch (error) {
          fail?.(error);
        }
      }
    });

  await Promise.all(until(Date.now() + options.warmupMs, Number.MAX_SAFE_INTEGER));
  issued = 0;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = Date.now();
  await Promise.all(
    until(started + options.durationMs, options.maxRequests, (ms) => latencies.push(ms), (error) => {
      errors += 1;
      firstError ??= error instanceof Error ? error.message : String(error);
    }),
  );
  const elapsedMs = Date.now() - started;
  return {
    concurrency: options.concurrency,
    requests: latencies.length,
    errors,
    firstError,
    elapsedMs,
    throughput: (latencies.length * 1000) / elapsedMs,
    ...percentiles(latencies),
  };
}

/** Nearest-rank percentiles of a sample. */
export function percentiles(sample: readonly number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...sample].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
  return { p50: at(50), p95: at(95), p99: at(99) };
}
