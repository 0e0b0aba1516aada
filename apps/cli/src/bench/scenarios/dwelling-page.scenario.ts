import { Pool } from 'pg';
import { ServiceProcess } from '../service-process';
import type { BenchFigure } from '../bench-report';
import { CONCURRENCY_LEVELS } from '../bench-scales';
import { skipped, type BenchContext, type BenchScenario } from '../bench-scenario';
import { BenchTokens } from '../bench-tokens';
import { runLoad, type LoadOptions, type LoadResult } from '../load';
import { dwellingPage, ukToday } from '../register-queries';

/**
 * The targets: one client's page of a 50,000-home member within 20 ms at p95; at 32 concurrent
 * clients a quarter of raw SQL's throughput and p95 under 25 ms; the API's memory.
 */
const SINGLE_CLIENT_P95_MS = 20;
const TARGET_CONCURRENCY = 32;
const TARGET_THROUGHPUT_RATIO = 0.25;
const TARGET_P95_MS = 25;
const TARGET_PEAK_MIB = 300;
const PAGE_SIZE = 50;

const DWELLINGS_QUERY = `
  query DwellingPage($filter: DwellingsFilter, $first: Int) {
    dwellings(filter: $filter, first: $first) {
      edges { node { id asset { addressLine1 addressLine2 town postcode bedrooms patch } currentTenancy { tenureType startDate } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

interface GraphQLPage {
  data?: { dwellings: { edges: Array<{ node: { id: string } }> } };
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/**
 * API against raw SQL: the same page of 50 occupied dwellings in a patch of the member nearest
 * 50,000 homes, through GraphQL over HTTP (the API in a child process, with a signed staff
 * token) and through the same SQL on a pg pool as hearth_app with the member bound, as the
 * API's unit of work does. Both use the API's pool size, at 1, 8 and 32 concurrent clients;
 * each request takes the next patch, so neither side serves one cached page.
 */
export const dwellingPageScenario: BenchScenario = {
  name: 'dwelling-page',
  description: 'a filtered page of 50 dwellings through GraphQL over HTTP against the same SQL on a pg pool',
  async run(context: BenchContext) {
    const { dataset, scale } = context;
    const member = dataset.member;
    const tokens = new BenchTokens();
    const api = await ServiceProcess.start('api', {
      ...tokens.env,
      DB_NAME: dataset.database,
      HEARTH_ENV: 'development',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      REDIS_PREFIX: 'hearth-bench',
      // The load is one signed-in person asking as fast as the API answers: measure the API, not the rate limit.
      RATE_LIMIT_USER_PER_MINUTE: '1000000',
    });
    const poolSize = dataset.config.database.poolSize;
    try {
      const token = tokens.staff(member.slug, ['housing-officer']);
      const patchOf = (i: number) => dataset.patches[i % dataset.patches.length];
      const today = ukToday();
      const fetchPage = async (i: number): Promise<GraphQLPage> => {
        const response = await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: DWELLINGS_QUERY, variables: { filter: { patch: patchOf(i), occupancy: 'OCCUPIED' }, first: PAGE_SIZE } }),
        });
        return (await response.json()) as GraphQLPage;
      };

      const probe = await fetchPage(0);
      if (probe.errors?.some((e) => /Cannot query field "dwellings"|Unknown type "DwellingsFilter"/.test(e.message))) {
        return skipped('dwelling-page', 'dwellings query not installed');
      }
      if (!probe.data) throw new Error(`The dwellings query failed: ${JSON.stringify(probe.errors)}`);

      const pool = new Pool({
        host: dataset.config.database.host,
        port: dataset.config.database.port,
        database: dataset.database,
        user: dataset.config.database.app.user,
        password: dataset.config.database.app.password,
        max: poolSize,
      });
      try {
        const sqlPage = async (i: number) => {
          const client = await pool.connect();
          try {
            await client.query('begin');
            await client.query(`select set_config('app.tenant_id', $1, true)`, [member.id]);
            const query = dwellingPage(member.id, patchOf(i), today, PAGE_SIZE + 1);
            const { rows } = await client.query(query.text, query.values);
            await client.query('commit');
            return rows.slice(0, PAGE_SIZE) as Array<{ id: string }>;
          } finally {
            client.release();
          }
        };
        // "The same page": both must answer with the same dwellings, in the same order.
        const apiIds = probe.data.dwellings.edges.map((e) => e.node.id);
        const sqlIds = (await sqlPage(0)).map((row) => row.id);
        if (apiIds.length === 0 || apiIds.join() !== sqlIds.join()) {
          return skipped('dwelling-page', 'the SQL baseline no longer returns the API’s page: update apps/cli/src/bench/register-queries.ts');
        }

        const idle = api.memory();
        const levels: Array<{ sql: LoadResult; api: LoadResult }> = [];
        for (const concurrency of CONCURRENCY_LEVELS) {
          const options: LoadOptions = { concurrency, durationMs: scale.loadMs, warmupMs: scale.warmupMs, maxRequests: scale.maxRequests };
          const sql = await runLoad((_, i) => sqlPage(i).then(() => undefined), options);
          const viaApi = await runLoad(async (_, i) => {
            const page = await fetchPage(i);
            if (!page.data) throw new Error(page.errors?.[0]?.message ?? 'no data');
          }, options);
          levels.push({ sql, api: viaApi });
          context.log(`  ${concurrency} clients: API ${viaApi.throughput.toFixed(0)}/s p95 ${viaApi.p95.toFixed(1)} ms; SQL ${sql.throughput.toFixed(0)}/s p95 ${sql.p95.toFixed(1)} ms`);
        }
        const memory = api.memory();
        return {
          scenario: 'dwelling-page',
          status: 'measured',
          notes: [
            `member ${member.slug} (${member.homes.toLocaleString('en-GB')} homes), ${dataset.patches.length} patches in turn`,
            `API and SQL pools of ${poolSize} connections; API logging at warn`,
            ...levels.flatMap(({ sql, api: a }) => [sql, a].filter((r) => r.errors).map((r) => `${r.errors} errors at ${r.concurrency} clients: ${r.firstError}`)),
          ],
          figures: [
            ...levels.flatMap(({ sql, api: a }) => figuresAt(a, sql)),
            {
              measure: 'API peak resident memory',
              value: memory.peakMiB,
              unit: 'MiB',
              baseline: { label: 'idle after start', value: idle.rssMiB },
              ratio: { value: memory.peakMiB / idle.rssMiB, unit: 'x' },
              target: { text: `< ${TARGET_PEAK_MIB} MB`, met: memory.peakMiB * 1.048576 < TARGET_PEAK_MIB },
            },
          ],
          details: { levels, memory: { idle, afterLoad: memory } },
        };
      } finally {
        await pool.end();
      }
    } finally {
      await api.stop();
    }
  },
};

function figuresAt(api: LoadResult, sql: LoadResult): BenchFigure[] {
  const atTarget = api.concurrency === TARGET_CONCURRENCY;
  const p95Target = api.concurrency === 1 ? SINGLE_CLIENT_P95_MS : atTarget ? TARGET_P95_MS : undefined;
  const ratio = api.throughput / sql.throughput;
  return [
    {
      measure: `throughput, ${api.concurrency} clients`,
      value: api.throughput,
      unit: 'req/s',
      baseline: { label: 'SQL', value: sql.throughput },
      ratio: { value: ratio, unit: 'x' },
      ...(atTarget ? { target: { text: `≥ ${TARGET_THROUGHPUT_RATIO}× SQL`, met: ratio >= TARGET_THROUGHPUT_RATIO } } : {}),
    },
    { measure: `p50, ${api.concurrency} clients`, value: api.p50, unit: 'ms', baseline: { label: 'SQL', value: sql.p50 }, ratio: { value: api.p50 / sql.p50, unit: 'x' } },
    {
      measure: `p95, ${api.concurrency} clients`,
      value: api.p95,
      unit: 'ms',
      baseline: { label: 'SQL', value: sql.p95 },
      ratio: { value: api.p95 / sql.p95, unit: 'x' },
      ...(p95Target ? { target: { text: `< ${p95Target} ms`, met: api.p95 < p95Target } } : {}),
    },
  ];
}
