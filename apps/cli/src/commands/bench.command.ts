import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '@hearth/platform-core';
import { runBench, SCENARIOS } from '../bench/bench-runner';
import { BENCH_SCALES, type BenchScale } from '../bench/bench-scales';

export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description('Seed (or reuse) a benchmark dataset, measure Hearth beside raw baselines, print a table and write bench/results/<time>.json')
    .option('--scale <scale>', 'small (a few minutes) or full (200 members, 1,000,000 homes)', scaleOption, BENCH_SCALES.small)
    .option('--only <scenarios>', `comma-separated: ${SCENARIOS.map((s) => s.name).join(', ')}`, (value: string) => value.split(',').map((s) => s.trim()))
    .action(async (options: { scale: BenchScale; only?: string[] }) => {
      const { path, table } = await runBench(loadConfig(), { scale: options.scale, only: options.only, log: (line) => console.log(line) });
      console.log(`\n${table}\n\n✔ written to ${path}`);
    });
}

function scaleOption(value: string): BenchScale {
  const scale = BENCH_SCALES[value as BenchScale['name']];
  if (!scale) throw new InvalidArgumentError(`Choose ${Object.keys(BENCH_SCALES).join(' or ')}.`);
  return scale;
}
