import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '@hearth/platform-core';
import type { SeedOptions } from '../seed/member-plan';
import { REGISTER_TABLES } from '../seed/register-sql';
import { seedDataset } from '../seed/seed-dataset';
import type { SeedProgress, SeedSummary } from '../seed/seed.service';

const PROGRESS_EVERY_MS = 2_000;

export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('Generate a deterministic multi-member dataset: members, estates, homes, households, tenancies (safe to run again)')
    .requiredOption('--tenants <n>', 'how many members', wholeNumber)
    .requiredOption('--homes <n>', 'how many homes across all members (split on a long-tailed distribution)', wholeNumber)
    .option('--seed <n>', 'the dataset seed: the same seed gives the same dataset', wholeNumber, 1)
    .action(async (options: SeedOptions) => {
      const config = loadConfig();
      console.log(`Seeding ${number(options.homes)} homes across ${number(options.tenants)} members (seed ${options.seed}) into ${config.database.name}`);
      let printed = 0;
      const summary = await seedDataset(config, options, {
        onProgress: (progress) => {
          const done = progress.membersDone === progress.membersToWrite;
          if (done || progress.elapsedMs - printed >= PROGRESS_EVERY_MS) {
            printed = progress.elapsedMs;
            console.log(`  ${describeProgress(progress)}`);
          }
        },
      });
      console.log(summarise(summary).join('\n'));
    });
}

function describeProgress(p: SeedProgress): string {
  const seconds = p.elapsedMs / 1000;
  return [
    `${p.membersDone}/${p.membersToWrite} members`,
    `${number(p.homesWritten)}/${number(p.homesToWrite)} homes`,
    `${number(p.rowsWritten)} rows`,
    `${number(Math.round(p.rowsWritten / Math.max(seconds, 0.001)))} rows/s`,
    `${seconds.toFixed(1)} s`,
  ].join(' · ');
}

function summarise(summary: SeedSummary): string[] {
  const rows = REGISTER_TABLES.reduce((sum, table) => sum + summary.rows[table], 0);
  const homes = summary.created.reduce((sum, m) => sum + m.homes, 0);
  const seconds = summary.elapsedMs / 1000;
  const lines = [];
  if (summary.existing.length) lines.push(`✔ ${summary.existing.length} members of this dataset were already in place`);
  if (summary.created.length) {
    lines.push(
      `✔ ${summary.created.length} members, ${number(homes)} homes, ${number(rows)} rows in ${seconds.toFixed(1)} s ` +
        `(${number(Math.round(homes / seconds))} homes/s, ${number(Math.round(rows / seconds))} rows/s)`,
      ...REGISTER_TABLES.map((table) => `    ${table.padEnd(18)} ${number(summary.rows[table]).padStart(12)}`),
    );
  } else {
    lines.push('✔ nothing to add');
  }
  return lines;
}

function wholeNumber(value: string): number {
  const parsed = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(parsed)) throw new InvalidArgumentError('Not a whole number.');
  return parsed;
}

const number = (n: number) => n.toLocaleString('en-GB');
