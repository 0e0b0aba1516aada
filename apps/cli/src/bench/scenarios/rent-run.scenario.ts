import type { Client } from 'pg';
import type { HearthConfig } from '@hearth/platform-core';
import { systemActor, TransactionManager } from '@hearth/platform-database';
import { RentRuns } from '@hearth/housing-rent';
import { withPlatform } from '../../cli-context';
import { planMembers } from '../../seed/member-plan';
import { withDatasetCopy } from '../bench-dataset';
import type { BenchContext, BenchScenario } from '../bench-scenario';

/** The target: a rent run posts at least 100,000 charges a second. */
const TARGET_CHARGES_PER_SECOND = 100_000;
const SCRATCH_DATABASE = 'hearth_bench_rent';
/** Members run at once, each on its own connection, as the generator writes them: PostgreSQL does the work. */
const CONCURRENCY = 2;
/** Week 1 of rent year 2026/27: no account's rent-free week, so every live tenancy is charged. */
const WEEK = '2026-04-06';
/** The next week, run with the balance trigger off to see what the trigger costs. */
const DIAGNOSTIC_WEEK = '2026-04-13';
const BENCH_ACTOR = systemActor('hearth bench');

interface Timed {
  seconds: number;
  accounts: number;
  posted: number;
  alreadyPosted: number;
}

/**
 * A rent run over the whole bench dataset. The run writes the ledger, so it runs in a scratch
 * copy of the dataset (a file copy of the database, dropped afterwards) and every bench run
 * starts from the same state. In the copy, every live tenancy is given a weekly rent account
 * (a seventh of them 50- or 48-week) and a schedule (rent for all, a service charge for about a
 * third) in set-based SQL; that is arrangement, not measured. Then one week is run for every
 * member through RentRuns, the worker's own code, two members at a time, and timed.
 *
 * The baseline, in the same database: a bare `insert ... select` of as many rows of the ledger's
 * shape into an unlogged table with no index, constraint or trigger. Two diagnostics say where
 * the time goes: the run repeated (everything already posted: the cost of finding the charges
 * and the conflicts), and the next week run with the balance trigger disabled (as the superuser).
 */
export const rentRunScenario: BenchScenario = {
  name: 'rent-run',
  description: 'charges a second for one week over every live tenancy, beside a bare insert of as many rows',
  async run(context: BenchContext) {
    const { config, dataset, scale } = context;
    context.log(`  copying ${dataset.database} to ${SCRATCH_DATABASE}`);
    return withDatasetCopy(config, dataset, SCRATCH_DATABASE, async (scratch, admin) => {
      const arrangeStarted = Date.now();
      const accounts = await giveEveryTenancyAnAccount(admin);
      context.log(`  ${accounts.toLocaleString('en-GB')} weekly accounts arranged in ${((Date.now() - arrangeStarted) / 1000).toFixed(0)} s`);

      const members = planMembers(scale.dataset).sort((a, b) => b.homes - a.homes).map((m) => m.id);
      const run = (week: string) => runWeek(scratch, members, week, context.log);
      const measured = await run(WEEK);
      if (measured.posted === 0) throw new Error('The rent run posted nothing: the arrangement gave no account a charge');
      const repeated = await run(WEEK);
      await admin.query(`alter table hearth.rent_transaction disable trigger rent_balance_from_ledger`);
      const untriggered = await run(DIAGNOSTIC_WEEK);
      await admin.query(`alter table hearth.rent_transaction enable trigger rent_balance_from_ledger`);
      const wrong = await balancesWrong(admin);
      if (wrong > 0) throw new Error(`${wrong} balances differ from their charges after the measured run`);

      const rawSeconds = await bareInsert(admin, measured.posted);
      const rate = measured.posted / measured.seconds;
      const rawRate = measured.posted / rawSeconds;
      return {
        scenario: 'rent-run',
        status: 'measured',
        notes: [
          `${measured.posted.toLocaleString('en-GB')} charges for ${measured.accounts.toLocaleString('en-GB')} accounts of ${members.length} members in ${measured.seconds.toFixed(1)} s ` +
            `(${CONCURRENCY} members at a time); every balance equals its transactions' sum`,
          `repeated: ${repeated.alreadyPosted.toLocaleString('en-GB')} already posted, 0 posted, in ${repeated.seconds.toFixed(1)} s; ` +
            `next week without the balance trigger: ${untriggered.seconds.toFixed(1)} s (the trigger's share of the run: ${pct(1 - untriggered.seconds / measured.seconds)})`,
        ],
        figures: [
          {
            measure: 'charges posted a second',
            value: rate,
            unit: 'charges/s',
            baseline: { label: 'bare insert, unlogged', value: rawRate },
            ratio: { value: rate / rawRate, unit: 'x' },
            target: { text: `≥ ${TARGET_CHARGES_PER_SECOND.toLocaleString('en-GB')} charges/s`, met: rate >= TARGET_CHARGES_PER_SECOND },
          },
          { measure: 'charges a second without the balance trigger (diagnostic)', value: untriggered.posted / untriggered.seconds, unit: 'charges/s' },
          { measure: 'charges checked a second, all already posted', value: repeated.alreadyPosted / repeated.seconds, unit: 'charges/s' },
        ],
        details: { accounts, measured, repeated, untriggered, rawSeconds },
      };
    });
  },
};

/**
 * Switches rent on for every member and opens a weekly account for each live tenancy, with a
 * schedule: rent of £80 to £160 a week for all, a service charge for about a third. Runs as the
 * superuser (no row-level security) in three statements, then refreshes the planner's statistics.
 */
async function giveEveryTenancyAnAccount(admin: Client): Promise<number> {
  await admin.query(`insert into hearth.tenant_module (tenant_id, module_key, enabled, settings)
    select id, 'rent', true, '{}' from hearth.tenant on conflict (tenant_id, module_key) do update set enabled = true`);
  const { rowCount } = await admin.query(`
    insert into hearth.rent_account (tenant_id, tenancy_id, payment_reference, frequency, charge_weeks, opened_on)
    select tenant_id, id, 'RA' || lpad(row_number() over (partition by tenant_id order by id)::text, 9, '0'), 'weekly',
           (array[52, 52, 52, 52, 52, 50, 48])[1 + abs(hashtext(id::text)) % 7], least(start_date, date '${WEEK}')
    from hearth.tenancy where end_date is null`);
  await admin.query(`
    insert into hearth.rent_charge_schedule (tenant_id, account_id, charge_type, effective_from, amount_pence, created_by)
    select tenant_id, id, 'rent', opened_on, 8000 + abs(hashtext(id::text)) % 8000, 'hearth bench' from hearth.rent_account
    union all
    select tenant_id, id, 'service_charge', opened_on, 500 + abs(hashtext(payment_reference)) % 2000, 'hearth bench' from hearth.rent_account
    where abs(hashtext(id::text)) % 3 = 0`);
  await admin.query('vacuum (analyze) hearth.rent_account, hearth.rent_charge_schedule');
  return rowCount ?? 0;
}

/** Runs `week` for every member through RentRuns, CONCURRENCY members at a time; timed from the first chunk to the last commit. */
async function runWeek(config: HearthConfig, members: string[], week: string, log: (line: string) => void): Promise<Timed> {
  return withPlatform(config, async (app) => {
    const transactions = app.get(TransactionManager);
    const runs = app.get(RentRuns);
    const queued: Array<{ tenantId: string; runId: string }> = [];
    for (const tenantId of members) {
      const started = await transactions.run({ actor: BENCH_ACTOR, tenantId }, () => runs.start({ frequency: 'weekly', periodStart: week, dryRun: false }));
      if (!('run' in started)) throw new Error(`The rent run was refused: ${started.message}`);
      queued.push({ tenantId, runId: started.run.id });
    }
    const total: Timed = { seconds: 0, accounts: 0, posted: 0, alreadyPosted: 0 };
    const began = Date.now();
    let printed = 0;
    const worker = async () => {
      for (let next = queued.shift(); next; next = queued.shift()) {
        const done = await runs.execute(next.tenantId, next.runId, {
          onProgress: () => {
            if (Date.now() - began - printed < 10_000) return;
            printed = Date.now() - began;
            log(`  ${week}: ${total.posted.toLocaleString('en-GB')} charges posted by finished members after ${(printed / 1000).toFixed(0)} s`);
          },
        });
        total.accounts += done.accounts ?? 0;
        total.posted += done.chargesPosted ?? 0;
        total.alreadyPosted += done.chargesAlreadyPosted ?? 0;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    total.seconds = (Date.now() - began) / 1000;
    log(`  ${week}: ${total.posted.toLocaleString('en-GB')} posted, ${total.alreadyPosted.toLocaleString('en-GB')} already posted, in ${total.seconds.toFixed(1)} s`);
    return total;
  });
}

async function balancesWrong(admin: Client): Promise<number> {
  const { rows } = await admin.query(`
    select count(*)::int as wrong from hearth.rent_account a
    left join (select tenant_id, account_id, sum(amount_pence) as total from hearth.rent_transaction
               where period_start = date '${WEEK}' group by 1, 2) t on t.tenant_id = a.tenant_id and t.account_id = a.id
    where a.balance_pence <> coalesce(t.total, 0)`);
  return rows[0].wrong;
}

/** PostgreSQL's raw write speed here: as many ledger-shaped rows by one statement into an unlogged table with nothing on it. */
async function bareInsert(admin: Client, rows: number): Promise<number> {
  await admin.query(`create unlogged table bench_raw_ledger (like hearth.rent_transaction)`);
  const started = Date.now();
  await admin.query(
    `insert into bench_raw_ledger (tenant_id, id, account_id, kind, amount_pence, effective_on, posted_at, description, charge_type,
                                   period_start, period_end, rent_run_id, posted_by)
     select '00000000-0000-0000-0000-000000000001', gen_random_uuid(), md5(n::text)::uuid, 'charge', 8000 + n % 8000, date '${WEEK}', now(),
            'Rent w/c 6 Apr 2026', 'rent', date '${WEEK}', date '${WEEK}' + 6, '00000000-0000-0000-0000-000000000002', 'hearth bench'
     from generate_series(1, $1::bigint) as n`,
    [rows],
  );
  return (Date.now() - started) / 1000;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;
