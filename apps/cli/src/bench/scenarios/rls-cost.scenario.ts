import { Client } from 'pg';
import { adminClient } from '../bench-dataset';
import type { BenchFigure } from '../bench-report';
import type { BenchContext, BenchScenario } from '../bench-scenario';
import { percentiles } from '../load';
import { dwellingCount, dwellingPage, peopleSearch, ukToday, type RegisterQuery } from '../register-queries';

/** The target: isolation by row-level security costs under 5% of a query's time. */
const TARGET_OVERHEAD_PERCENT = 5;
const SEARCHES = ['Smith', 'Jones', 'Campbell', 'Patel', 'Evans', 'Murphy', 'Wilson', 'Khan'];

/**
 * The cost of isolation: the same register queries, timed as hearth_app with the member bound
 * (row-level security adds its policy to every table read) and as a superuser, whom RLS does not
 * apply to (FORCE binds the tables' owner too, so the owner is no baseline). Both name the
 * member explicitly, so they read the same rows through the same indexes; only the policy
 * differs. The two are timed in alternation, one client each, so drifts in machine load fall
 * on both.
 */
export const rlsCostScenario: BenchScenario = {
  name: 'rls-cost',
  description: 'the register queries as hearth_app under RLS against a superuser without it',
  async run(context: BenchContext) {
    const { dataset, scale } = context;
    const member = dataset.member;
    const today = ukToday();
    const queries: Array<(i: number) => RegisterQuery> = [
      (i) => dwellingPage(member.id, dataset.patches[i % dataset.patches.length], today),
      (i) => dwellingCount(member.id, dataset.patches[i % dataset.patches.length]),
      (i) => peopleSearch(member.id, SEARCHES[i % SEARCHES.length]),
    ];
    const app = new Client({
      host: dataset.config.database.host,
      port: dataset.config.database.port,
      database: dataset.database,
      user: dataset.config.database.app.user,
      password: dataset.config.database.app.password,
    });
    await app.connect();
    const admin = await adminClient(context.config, dataset.database);
    const figures: BenchFigure[] = [];
    const details: unknown[] = [];
    try {
      for (const query of queries) {
        const withRls: number[] = [];
        const without: number[] = [];
        const deadline = Date.now() + scale.rlsMs;
        for (let i = 0; i < scale.rlsPairs + WARM_UP_PAIRS && (i < WARM_UP_PAIRS || Date.now() < deadline); i++) {
          const q = query(i);
          // Only the query is timed: binding the member is the same round trip with or without RLS.
          await app.query('begin');
          await app.query(`select set_config('app.tenant_id', $1, true)`, [member.id]);
          const rls = await elapsedMs(() => app.query(q.text, q.values));
          await app.query('commit');
          const plain = await elapsedMs(() => admin.query(q.text, q.values));
          if (i >= WARM_UP_PAIRS) {
            withRls.push(rls);
            without.push(plain);
          }
        }
        const name = query(0).name;
        const a = percentiles(withRls);
        const b = percentiles(without);
        const overhead = ((a.p50 - b.p50) / b.p50) * 100;
        figures.push(
          {
            measure: `${name}: p50`,
            value: a.p50,
            unit: 'ms',
            baseline: { label: 'no RLS', value: b.p50 },
            ratio: { value: overhead, unit: '%' },
            target: { text: `RLS < ${TARGET_OVERHEAD_PERCENT}%`, met: overhead < TARGET_OVERHEAD_PERCENT },
          },
          {
            measure: `${name}: p95`,
            value: a.p95,
            unit: 'ms',
            baseline: { label: 'no RLS', value: b.p95 },
            ratio: { value: ((a.p95 - b.p95) / b.p95) * 100, unit: '%' },
          },
        );
        details.push({ query: name, pairs: withRls.length, rls: a, noRls: b });
        context.log(`  ${name}: ${a.p50.toFixed(2)} ms with RLS, ${b.p50.toFixed(2)} ms without (p50)`);
      }
    } finally {
      await Promise.all([app.end(), admin.end()]);
    }
    return {
      scenario: 'rls-cost',
      status: 'measured',
      notes: [`member ${member.slug} (${member.homes.toLocaleString('en-GB')} homes); overhead is judged on the median`],
      figures,
      details,
    };
  },
};

/** Pairs run first and thrown away, so both sides start with warm caches and plans. */
const WARM_UP_PAIRS = 20;

async function elapsedMs(fn: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}
