import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { loadConfig } from '@hearth/platform-core';
import { systemActor, TransactionManager, type Actor } from '@hearth/platform-database';
import {
  describeProblem,
  ImportRunStatus,
  ImportRuns,
  ImportService,
  MAX_KEPT_PROBLEMS,
  StoredFiles,
  type ImportProblem,
  type ImportProgress,
} from '@hearth/platform-imports';
import type { ImportCounts } from '@hearth/platform-kernel';
import { withPlatform } from '../cli-context';
import { CommandError } from '../command-error';

interface Report {
  rows: number;
  counts?: ImportCounts;
  problems?: ImportProblem[];
  problemCount?: number;
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description("Import a CSV file into a member's register: all of it, or (if any row has a problem) none of it. See docs/imports.md")
    .argument('<kind>', 'what the file holds: assets, people, tenancies, sor-codes or payments')
    .argument('<file>', 'a CSV file, UTF-8, with a header row')
    .requiredOption('--tenant <slug>', 'the member whose register it is')
    .option('--dry-run', 'check the file and count what would change, then roll everything back')
    .action(async (kind: string, file: string, options: { tenant: string; dryRun?: boolean }) => {
      await access(file).catch((error: Error) => {
        throw new CommandError(`✖ Cannot read ${file}: ${error.message}`);
      });
      const report = await withPlatform(loadConfig(), (app) => importFile(app, kind, file, options));
      if (report.problems) {
        const more = report.problemCount! - report.problems.length;
        throw new CommandError(
          [
            `✖ ${plural(report.problemCount!, 'problem')} in ${file}; nothing was imported:`,
            ...report.problems.map((problem) => `  ${describeProblem(problem)}`),
            ...(more > 0 ? [`  … and ${plural(more, 'more problem')}`] : []),
          ].join('\n'),
        );
      }
      const { inserted, updated, unchanged } = report.counts!;
      const summary = `${plural(report.rows, 'row')}: ${inserted} inserted, ${updated} updated, ${unchanged} unchanged`;
      console.log(options.dryRun ? `✔ dry run of ${kind}, ${summary}; nothing was written` : `✔ imported ${kind}, ${summary}`);
    });
}

/** Runs the import in this process, in the member's context, the way the worker runs a queued one. */
async function importFile(app: INestApplicationContext, kind: string, file: string, options: { tenant: string; dryRun?: boolean }): Promise<Report> {
  const transactions = app.get(TransactionManager);
  const runs = app.get(ImportRuns);
  const actor: Actor = { ...systemActor('cli:import'), name: `hearth import (${userInfo().username})` };
  const [member] = await transactions.run({ actor }, () =>
    transactions.query<{ id: string }>(`select id from hearth.tenant where slug = $1`, [options.tenant]),
  );
  if (!member) throw new CommandError(`✖ There is no member "${options.tenant}"`);
  const work = { actor, tenantId: member.id };
  const refusal = await transactions.run(work, () => runs.refusal(kind));
  if (refusal) throw new CommandError(`✖ ${refusal.message}`);
  const open = () => createReadStream(file);

  if (options.dryRun) {
    const outcome = await transactions.run(work, () => app.get(ImportService).import(kind, open, { dryRun: true, onProgress: printProgress }));
    return outcome.status === 'succeeded' ? { rows: outcome.rows, counts: outcome.counts } : outcome;
  }
  // The file is kept and the run recorded (and committed) first, so its progress can be followed from elsewhere.
  const queued = await transactions.run(work, async () => {
    const stored = await app.get(StoredFiles).keep(basename(file), 'text/csv', open());
    return runs.create(kind, stored.id);
  });
  const run = await transactions.run(work, () => runs.execute(queued.id, printProgress));
  if (run.status === ImportRunStatus.SUCCEEDED) return { rows: run.progress.rowsApplied, counts: run.counts! };
  const [kept] = await transactions.run(work, () => runs.problems([run.id], { first: MAX_KEPT_PROBLEMS }));
  return { rows: run.progress.rowsStaged, problems: kept.edges.map((edge) => edge.node), problemCount: run.errorCount };
}

function printProgress({ rowsStaged, rowsValidated, rowsApplied }: ImportProgress): void {
  if (rowsApplied) console.log(`  applied ${rowsApplied.toLocaleString('en-GB')} rows`);
  else if (rowsValidated) console.log(`  checked ${rowsValidated.toLocaleString('en-GB')} rows`);
  else if (rowsStaged) console.log(`  staged ${rowsStaged.toLocaleString('en-GB')} rows`);
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
