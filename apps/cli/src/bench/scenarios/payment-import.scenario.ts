import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { HearthConfig } from '@hearth/platform-core';
import { systemActor, TransactionManager } from '@hearth/platform-database';
import { ImportService, type ImportOutcome } from '@hearth/platform-imports';
import { withPlatform } from '../../cli-context';
import { withDatasetCopy } from '../bench-dataset';
import type { BenchContext, BenchScenario } from '../bench-scenario';

/** The target: at least 50,000 payments a second allocated through the import. */
const TARGET_PAYMENTS_PER_SECOND = 50_000;
const PAYMENTS = 50_000;
/** Lines whose reference names no account, per hundred: they go to suspense. */
const UNMATCHED_PER_HUNDRED = 3;
const SCRATCH_DATABASE = 'hearth_bench_payments';
/** The payments import file's columns (docs/imports/payments.csv). */
const COLUMNS = ['payment_id', 'payment_reference', 'amount', 'received_on', 'channel', 'payer'];
const BENCH_ACTOR = systemActor('hearth bench');

interface TimedImport {
  outcome: ImportOutcome;
  seconds: number;
  /** From the start of the unit of work: COPY, then prepare and the checks, then the apply, then the commit. */
  phases: { copy: number; checks: number; apply: number; commit: number };
}

/**
 * A bank file of 50,000 payments for the member of the bench dataset nearest 50,000 homes,
 * imported through ImportService: COPY into staging, the checks, then the apply (payments,
 * their ledger transactions in one statement, whose trigger moves the balances, and an event
 * each). It writes the ledger, so it runs in a scratch file copy of the dataset, dropped
 * afterwards; there the member's live tenancies get rent accounts in set-based SQL (arrangement,
 * not measured), and the file quotes their references, 3 lines in 100 quoting none.
 *
 * The baseline is a bare COPY of the same file into a table of text columns with nothing on it,
 * in the same database. The file imported a second time (every line unchanged) says what the
 * staging and checks cost without the writes.
 */
export const paymentImportScenario: BenchScenario = {
  name: 'payment-import',
  description: `a ${PAYMENTS.toLocaleString('en-GB')}-payment bank file through ImportService, beside a bare COPY of the same file`,
  async run(context: BenchContext) {
    const { config, dataset } = context;
    const member = dataset.member;
    const directory = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
    const file = join(directory, 'payments.csv');
    context.log(`  copying ${dataset.database} to ${SCRATCH_DATABASE}`);
    try {
      return await withDatasetCopy(config, dataset, SCRATCH_DATABASE, async (scratch, admin) => {
        const accounts = await openAccounts(admin, member.id);
        await writePaymentFile(admin, member.id, file);
        context.log(`  ${accounts.toLocaleString('en-GB')} rent accounts for ${member.slug}; importing ${PAYMENTS.toLocaleString('en-GB')} payments`);

        const measured = await importPayments(scratch, member.id, file);
        if (measured.outcome.status !== 'succeeded') {
          throw new Error(`The bench's payment file was refused: ${JSON.stringify(measured.outcome.problems.slice(0, 3))}`);
        }
        const again = await importPayments(scratch, member.id, file);
        const ledger = await checkLedger(admin, member.id);
        if (ledger.balancesWrong > 0) throw new Error(`${ledger.balancesWrong} balances differ from their transactions after the import`);

        await admin.query(`create table bench_copy (${COLUMNS.map((c) => `${c} text`).join(', ')})`);
        const copyStarted = Date.now();
        await pipeline(createReadStream(file), admin.query(copyFrom(`copy bench_copy from stdin with (format csv, header true)`)));
        const copySeconds = (Date.now() - copyStarted) / 1000;

        const rate = PAYMENTS / measured.seconds;
        const copyRate = PAYMENTS / copySeconds;
        const phases = (t: TimedImport) => Object.entries(t.phases).map(([phase, s]) => `${phase} ${s.toFixed(2)} s`).join(', ');
        return {
          scenario: 'payment-import',
          status: 'measured',
          notes: [
            `${PAYMENTS.toLocaleString('en-GB')} payments (${ledger.allocated.toLocaleString('en-GB')} allocated, ${ledger.suspense.toLocaleString('en-GB')} to suspense) ` +
              `over ${accounts.toLocaleString('en-GB')} accounts in ${measured.seconds.toFixed(2)} s: ${phases(measured)}; every balance equals its transactions' sum`,
            `imported again (every line unchanged): ${again.seconds.toFixed(2)} s: ${phases(again)}`,
          ],
          figures: [
            {
              measure: 'payments imported and allocated a second',
              value: rate,
              unit: 'payments/s',
              baseline: { label: 'bare COPY', value: copyRate },
              ratio: { value: rate / copyRate, unit: 'x' },
              target: { text: `≥ ${TARGET_PAYMENTS_PER_SECOND.toLocaleString('en-GB')} payments/s`, met: rate >= TARGET_PAYMENTS_PER_SECOND },
            },
            { measure: 'payment lines checked a second, all already imported', value: PAYMENTS / again.seconds, unit: 'payments/s' },
          ],
          details: { accounts, ledger, measured: { seconds: measured.seconds, phases: measured.phases, outcome: measured.outcome }, again, copySeconds },
        };
      });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  },
};

/** Switches rent on for the member and opens a weekly account for each of its live tenancies, as the superuser. */
async function openAccounts(admin: Client, memberId: string): Promise<number> {
  await admin.query(
    `insert into hearth.tenant_module (tenant_id, module_key, enabled, settings) values ($1, 'rent', true, '{}')
     on conflict (tenant_id, module_key) do update set enabled = true`,
    [memberId],
  );
  const { rowCount } = await admin.query(
    `insert into hearth.rent_account (tenant_id, tenancy_id, payment_reference, frequency, charge_weeks, opened_on)
     select tenant_id, id, 'RA' || lpad(row_number() over (order by id)::text, 9, '0'), 'weekly', 52, start_date
     from hearth.tenancy where tenant_id = $1 and end_date is null`,
    [memberId],
  );
  await admin.query('vacuum (analyze) hearth.rent_account');
  return rowCount ?? 0;
}

/**
 * Writes the bank file: lines spread over the accounts, some references in lower case or with a
 * space (as payers write them), UNMATCHED_PER_HUNDRED in 100 quoting no account, amounts of
 * £50 to £650, received over the last four weeks by the usual channels, a third naming the payer.
 */
async function writePaymentFile(admin: Client, memberId: string, file: string): Promise<void> {
  // COPY takes no parameters; the member id and counts are the bench's own values, not input.
  const query = `
    with account as (
      select payment_reference, row_number() over (order by id) as n from hearth.rent_account where tenant_id = '${memberId}'::uuid
    ),
    line as (select i, 1 + (i::bigint * 7919) % (select count(*) from account) as n from generate_series(1, ${PAYMENTS}) as i)
    select 'BGC-' || lpad(i::text, 9, '0') as payment_id,
           case when i % 100 < ${UNMATCHED_PER_HUNDRED} then 'RENT ' || i
                when i % 10 = 5 then lower(a.payment_reference)
                when i % 10 = 7 then left(a.payment_reference, 2) || ' ' || substr(a.payment_reference, 3)
                else a.payment_reference end as payment_reference,
           to_char((5000 + (i::bigint * 104729) % 60000) / 100.0, 'FM99990.00') as amount,
           (current_date - 1 - i % 28)::text as received_on,
           (array['bank', 'direct_debit', 'universal_credit', 'housing_benefit', 'standing_order', 'card'])[1 + i % 6] as channel,
           case when i % 3 = 0 then 'A N OTHER' end as payer
    from line join account a using (n)
    order by i`;
  await pipeline(admin.query(copyTo(`copy (${query}) to stdout with (format csv, header true)`)), createWriteStream(file));
}

/** Imports the file for the member as the CLI does, timed from the start of the unit of work to its commit, with its phases. */
async function importPayments(config: HearthConfig, memberId: string, file: string): Promise<TimedImport> {
  return withPlatform(config, async (app) => {
    const marks: Partial<Record<'staged' | 'validated' | 'applied', number>> = {};
    const started = Date.now();
    const outcome = await app.get(TransactionManager).run({ actor: BENCH_ACTOR, tenantId: memberId }, () =>
      app.get(ImportService).import('payments', () => createReadStream(file), {
        onProgress: (p) => {
          marks[p.rowsApplied > 0 ? 'applied' : p.rowsValidated > 0 ? 'validated' : 'staged'] = Date.now();
        },
      }),
    );
    const ended = Date.now();
    const span = (from: number | undefined, to: number | undefined) => (from && to ? (to - from) / 1000 : NaN);
    return {
      outcome,
      seconds: (ended - started) / 1000,
      phases: { copy: span(started, marks.staged), checks: span(marks.staged, marks.validated), apply: span(marks.validated, marks.applied), commit: span(marks.applied, ended) },
    };
  });
}

/** The member's payments allocated and in suspense, and how many balances differ from their transactions' sum. */
async function checkLedger(admin: Client, memberId: string): Promise<{ allocated: number; suspense: number; balancesWrong: number }> {
  const { rows } = await admin.query(
    `select (select count(*)::int from hearth.payment where tenant_id = $1 and account_id is not null) as allocated,
            (select count(*)::int from hearth.payment where tenant_id = $1 and account_id is null) as suspense,
            (select count(*)::int from hearth.rent_account a
             left join (select account_id, sum(amount_pence) as total from hearth.rent_transaction where tenant_id = $1 group by account_id) t
               on t.account_id = a.id
             where a.tenant_id = $1 and a.balance_pence <> coalesce(t.total, 0)) as "balancesWrong"`,
    [memberId],
  );
  return rows[0];
}
