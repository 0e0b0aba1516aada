import type { HearthConfig } from '@hearth/platform-core';
import { CommandError } from '../command-error';
import { adminClient, prepareBenchDataset, WORKSPACE } from './bench-dataset';
import { machine, renderTable, writeReport, type BenchReport, type ScenarioResult } from './bench-report';
import type { BenchScale } from './bench-scales';
import type { BenchContext, BenchScenario } from './bench-scenario';
import { dwellingPageScenario } from './scenarios/dwelling-page.scenario';
import { generatorScenario } from './scenarios/generator.scenario';
import { importScenario } from './scenarios/import.scenario';
import { paymentImportScenario } from './scenarios/payment-import.scenario';
import { rentRunScenario } from './scenarios/rent-run.scenario';
import { rlsCostScenario } from './scenarios/rls-cost.scenario';
import { webhookFanoutScenario } from './scenarios/webhook-fanout.scenario';

/** In this order: the latency scenarios first, while the machine is quiet, then the bulk ones. */
export const SCENARIOS: readonly BenchScenario[] = [
  rlsCostScenario, dwellingPageScenario, importScenario, paymentImportScenario, rentRunScenario, webhookFanoutScenario, generatorScenario,
];

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export interface BenchRun {
  scale: BenchScale;
  only?: string[];
  log(line: string): void;
}

/** Prepares (or reuses) the dataset, runs the scenarios, and writes the report; returns it with its path and table. */
export async function runBench(config: HearthConfig, run: BenchRun): Promise<{ report: BenchReport; path: string; table: string }> {
  if (!LOOPBACK.has(config.database.host) || !LOOPBACK.has(new URL(config.database.adminUrl).hostname)) {
    throw new CommandError('The bench generates load, so it runs only against PostgreSQL on this machine (DB_HOST and DB_ADMIN_URL on 127.0.0.1).');
  }
  const unknown = (run.only ?? []).filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length) throw new CommandError(`No scenario ${unknown.join(', ')}; the scenarios are ${SCENARIOS.map((s) => s.name).join(', ')}`);
  const scenarios = SCENARIOS.filter((s) => !run.only?.length || run.only.includes(s.name));

  const startedAt = new Date().toISOString();
  run.log(`▶ dataset: ${run.scale.dataset.tenants} members, ${run.scale.dataset.homes.toLocaleString('en-GB')} homes (seed ${run.scale.dataset.seed})`);
  let printed = 0;
  const dataset = await prepareBenchDataset(config, run.scale, {
    onProgress: (p) => {
      if (p.elapsedMs - printed < 10_000) return;
      printed = p.elapsedMs;
      run.log(`  seeding: ${p.homesWritten.toLocaleString('en-GB')} of ${p.homesToWrite.toLocaleString('en-GB')} homes after ${(p.elapsedMs / 1000).toFixed(0)} s`);
    },
  });
  run.log(dataset.reused ? `  reusing ${dataset.database} (${dataset.fingerprint})` : `  built ${dataset.database} in ${((dataset.seeded?.elapsedMs ?? 0) / 1000).toFixed(0)} s`);

  const admin = await adminClient(config, dataset.database);
  let postgres: string;
  try {
    postgres = (await admin.query('show server_version')).rows[0].server_version;
    // Starts the measurements from a clean slate: no checkpoint owed from building the dataset.
    await admin.query('checkpoint');
  } finally {
    await admin.end();
  }

  const context: BenchContext = { config, scale: run.scale, dataset, log: run.log };
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    run.log(`▶ ${scenario.name}: ${scenario.description}`);
    try {
      results.push(await scenario.run(context));
    } catch (error) {
      // One scenario failing does not lose the others' figures.
      results.push({ scenario: scenario.name, status: 'failed', notes: [error instanceof Error ? error.message : String(error)], figures: [] });
    }
  }
  const report: BenchReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    scale: run.scale.name,
    machine: machine(postgres),
    dataset: {
      database: dataset.database,
      fingerprint: dataset.fingerprint,
      reused: dataset.reused,
      ...run.scale.dataset,
      member: { slug: dataset.member.slug, homes: dataset.member.homes, patches: dataset.patches.length },
    },
    results,
  };
  return { report, path: writeReport(report, WORKSPACE), table: renderTable(report) };
}
