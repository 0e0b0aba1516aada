import { createReadStream, mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { systemActor, TransactionManager } from '@hearth/platform-database';
import { ImportService } from '@hearth/platform-imports';
import { withPlatform } from '../../cli-context';
import { planMembers } from '../../seed/member-plan';
import { LEGACY_SYSTEM } from '../../seed/register-sql';
import { seedDataset } from '../../seed/seed-dataset';
import { adminClient, withScratchDatabase } from '../bench-dataset';
import type { BenchContext, BenchScenario } from '../bench-scenario';

/** The target: at least 50,000 dwellings a second through the COPY path. */
const TARGET_ROWS_PER_SECOND = 50_000;
const SCRATCH_DATABASE = 'hearth_bench_import';
/** The assets import file's columns (docs/imports/assets.csv). */
const COLUMNS = [
  'reference_system', 'reference', 'kind', 'parent_reference', 'name', 'address_line_1', 'address_line_2', 'town', 'postcode', 'uprn',
  'bedrooms', 'floor', 'built_year', 'heating', 'lift_access', 'accessibility', 'patch',
];
/** A member to import into: the smallest dataset the generator makes, one member with one home. */
const IMPORT_MEMBER = { tenants: 1, homes: 1, seed: 0 };
/** The file's reference system: not the generator's own, so every row of the file is new to the member. */
const EXPORT_SYSTEM = 'legacy-export';
const BENCH_ACTOR = systemActor('hearth bench');

/**
 * A bulk import of assets: a CSV file of the largest member's estates and blocks and the first
 * 50,000 of its dwellings (exported from the bench dataset, as a legacy system would export
 * them) imported through ImportService into a member of a scratch database: COPY into staging,
 * every check as set-based SQL, then the apply. The baseline is a bare COPY of the same file
 * into a table of text columns with no index, constraint or policy, in the same database.
 */
export const importScenario: BenchScenario = {
  name: 'import',
  description: 'a 50,000-dwelling CSV through ImportService, beside a bare COPY of the same file',
  async run(context: BenchContext) {
    const { dataset, scale } = context;
    const source = planMembers(scale.dataset).reduce((a, b) => (b.homes > a.homes ? b : a));
    const directory = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
    const file = join(directory, 'assets.csv');
    try {
      await exportAssets(context, dataset.database, source.id, scale.importRows, file);
      return await withScratchDatabase(context.config, SCRATCH_DATABASE, async (config) => {
        await seedDataset(config, IMPORT_MEMBER);
        const [member] = planMembers(IMPORT_MEMBER);
        // Timed from the start of the unit of work to its commit; booting the platform is not the import's cost.
        // The progress reports mark the end of each phase: staged (COPY), validated (the checks), applied.
        const phases: Partial<Record<'staged' | 'validated' | 'applied', number>> = {};
        const { outcome, seconds, phaseSeconds } = await withPlatform(config, async (app) => {
          const transactions = app.get(TransactionManager);
          const started = Date.now();
          const result = await transactions.run({ actor: BENCH_ACTOR, tenantId: member.id }, () =>
            app.get(ImportService).import('assets', () => createReadStream(file), {
              onProgress: (p) => {
                phases[p.rowsApplied > 0 ? 'applied' : p.rowsValidated > 0 ? 'validated' : 'staged'] = Date.now();
              },
            }),
          );
          const ended = Date.now();
          const since = (from: number | undefined, to: number | undefined) => (from && to ? (to - from) / 1000 : NaN);
          return {
            outcome: result,
            seconds: (ended - started) / 1000,
            phaseSeconds: {
              copy: since(started, phases.staged),
              checks: since(phases.staged, phases.validated),
              apply: since(phases.validated, phases.applied),
              commit: since(phases.applied, ended),
            },
          };
        });
        if (outcome.status !== 'succeeded') {
          throw new Error(`The bench's import file was refused: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
        }

        const admin = await adminClient(context.config, SCRATCH_DATABASE);
        let copySeconds: number;
        try {
          await admin.query(`create table bench_copy (${COLUMNS.map((c) => `${c} text`).join(', ')})`);
          const copyStarted = Date.now();
          await pipeline(createReadStream(file), admin.query(copyFrom(`copy bench_copy from stdin with (format csv, header true)`)));
          copySeconds = (Date.now() - copyStarted) / 1000;
        } finally {
          await admin.end();
        }
        const rowsPerSecond = outcome.rows / seconds;
        return {
          scenario: 'import',
          status: 'measured',
          notes: [
            `${outcome.rows.toLocaleString('en-GB')} rows (${scale.importRows.toLocaleString('en-GB')} dwellings and their estates and blocks) in ${seconds.toFixed(1)} s: ` +
              Object.entries(phaseSeconds).map(([phase, s]) => `${phase} ${s.toFixed(1)} s`).join(', '),
          ],
          figures: [
            {
              measure: 'assets imported a second',
              value: rowsPerSecond,
              unit: 'rows/s',
              baseline: { label: 'bare COPY', value: outcome.rows / copySeconds },
              ratio: { value: rowsPerSecond / (outcome.rows / copySeconds), unit: 'x' },
              target: { text: `≥ ${TARGET_ROWS_PER_SECOND.toLocaleString('en-GB')} rows/s`, met: rowsPerSecond >= TARGET_ROWS_PER_SECOND },
            },
          ],
          details: { rows: outcome.rows, counts: outcome.counts, seconds, phaseSeconds, copySeconds },
        };
      });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  },
};

/** Writes the member's estates and blocks and its first `dwellings` dwellings as an assets import file. */
async function exportAssets(context: BenchContext, database: string, memberId: string, dwellings: number, file: string): Promise<void> {
  const admin = await adminClient(context.config, database);
  try {
    // COPY takes no parameters; the member id and count are the bench's own values, not input.
    const member = `'${memberId}'::uuid`;
    const query = `
      with chosen as (
        (select * from hearth.asset where tenant_id = ${member} and kind in ('estate', 'block') order by id)
        union all
        (select * from hearth.asset where tenant_id = ${member} and kind = 'dwelling' order by id limit ${Number(dwellings)})
      )
      select '${EXPORT_SYSTEM}' as reference_system, ref.reference, a.kind, parent.reference as parent_reference, a.name, a.address_line_1,
             a.address_line_2, a.town, a.postcode, a.uprn, a.bedrooms, a.floor, a.built_year, a.heating,
             case a.lift_access when true then 'yes' when false then 'no' end as lift_access,
             array_to_string(a.accessibility, ';') as accessibility, a.patch
      from chosen a
      join hearth.asset_reference ref on ref.tenant_id = a.tenant_id and ref.asset_id = a.id and ref.system = '${LEGACY_SYSTEM}'
      left join hearth.asset_reference parent on parent.tenant_id = a.tenant_id and parent.asset_id = a.parent_id and parent.system = '${LEGACY_SYSTEM}'`;
    await pipeline(admin.query(copyTo(`copy (${query}) to stdout with (format csv, header true)`)), createWriteStream(file));
  } finally {
    await admin.end();
  }
}
