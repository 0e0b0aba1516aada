import type { HearthConfig } from '@hearth/platform-core';
import type { BenchDataset } from './bench-dataset';
import type { ScenarioResult } from './bench-report';
import type { BenchScale } from './bench-scales';

export interface BenchContext {
  /** The operator's settings; `dataset.config` points at the bench database. */
  config: HearthConfig;
  scale: BenchScale;
  dataset: BenchDataset;
  log(line: string): void;
}

/** One thing the bench measures, always beside a baseline measured in the same run. */
export interface BenchScenario {
  name: string;
  description: string;
  run(context: BenchContext): Promise<ScenarioResult>;
}

export function skipped(scenario: string, reason: string): ScenarioResult {
  return { scenario, status: 'skipped', notes: [reason], figures: [] };
}
