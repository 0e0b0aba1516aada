import type { HearthConfig } from '@hearth/platform-core';
import { AuditLog, TransactionManager } from '@hearth/platform-database';
import { withPlatform } from '../cli-context';
import { CommandError } from '../command-error';
import { validateOptions, type SeedOptions } from './member-plan';
import { analyzeRegister } from './register-statistics';
import { SeedService, type SeedRun, type SeedSummary } from './seed.service';

/**
 * Generates a dataset into the configured database (the seed command, the bench and the tests
 * all come through here) and refreshes the planner's statistics if anything was written.
 */
export async function seedDataset(config: HearthConfig, options: SeedOptions, run: SeedRun = {}): Promise<SeedSummary> {
  const problems = validateOptions(options);
  if (problems.length) throw new CommandError(problems.join('\n'));
  const summary = await withPlatform(config, (app) => new SeedService(app.get(TransactionManager), app.get(AuditLog)).seed(options, run));
  if (summary.created.length) await analyzeRegister(config);
  return summary;
}
