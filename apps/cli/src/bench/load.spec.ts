import { percentiles, runLoad } from './load';

describe('percentiles', () => {
  it('takes the nearest rank', () => {
    const sample = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentiles(sample)).toEqual({ p50: 50, p95: 95, p99: 99 });
    expect(percentiles([3, 1, 2])).toEqual({ p50: 2, p95: 3, p99: 3 });
  });
});

describe('runLoad', () => {
  it('stops at the request cap, spreads requests over its clients, and counts failures apart', async () => {
    const clients = new Set<number>();
    const result = await runLoad(
      async (client, i) => {
        clients.add(client);
        if (i % 10 === 9) throw new Error(`request ${i} failed`);
      },
      { concurrency: 4, durationMs: 10_000, warmupMs: 0, maxRequests: 100 },
    );
    expect(result.requests + result.errors).toBe(100);
    expect(result.errors).toBe(10);
    expect(result.firstError).toMatch(/failed/);
    expect(clients).toEqual(new Set([0, 1, 2, 3]));
    expect(result.elapsedMs).toBeLessThan(10_000);
  });

  it('stops at its deadline', async () => {
    const result = await runLoad(() => new Promise((resolve) => setTimeout(resolve, 5)), {
      concurrency: 2,
      durationMs: 100,
      warmupMs: 20,
      maxRequests: 1_000_000,
    });
    expect(result.elapsedMs).toBeLessThan(500);
    expect(result.requests).toBeGreaterThan(5);
  });
});
