import type { Command } from 'commander';
import { loadConfig } from '@hearth/platform-core';
import {
  changeCount,
  describePlan,
  formatProblem,
  KEYCLOAK_ADMIN_NOT_CONFIGURED,
  OnboardingService,
  type IdentityResult,
  type OnboardingDone,
} from '@hearth/consortium-members';
import { withPlatform } from '../cli-context';
import { CommandError } from '../command-error';

export function registerTenantsCommands(program: Command): void {
  program
    .command('tenants:apply')
    .description('Validate every member manifest in [dir], print the changes, and apply them all in one transaction')
    .argument('[dir]', 'directory of <slug>.yaml member manifests', 'tenants')
    .option('--dry-run', 'print the changes without applying them')
    .action(async (dir: string, options: { dryRun?: boolean }) => {
      const outcome = await withPlatform(loadConfig(), (app) =>
        app.get(OnboardingService).applyDirectory(dir, { dryRun: options.dryRun }),
      );
      if (outcome.status === 'invalid') {
        throw new CommandError(
          [
            `✖ ${plural(outcome.problems.length, 'problem')} in ${dir}; nothing was applied:`,
            ...outcome.problems.map((problem) => `  ${formatProblem(problem)}`),
          ].join('\n'),
        );
      }
      console.log(report(outcome, dir).join('\n'));
      const failed = steps(outcome, 'failed');
      if (failed.length) {
        throw new CommandError(
          [
            ...failed.map((step) => `✖ keycloak: ${step.detail}`),
            '  The database changes are saved. Run tenants:apply again to finish: each Keycloak step checks before it acts.',
          ].join('\n'),
        );
      }
    });
}

function report(outcome: OnboardingDone, dir: string): string[] {
  const changes = changeCount(outcome);
  const lines = [
    ...outcome.plans.flatMap(describePlan),
    ...outcome.unlisted.map((slug) => `! ${slug}: in the database but has no manifest in ${dir} (left as it is)`),
  ];
  if (outcome.status === 'dry-run') {
    lines.push(changes ? `✔ dry run: ${plural(changes, 'change')} to apply; nothing was written` : '✔ dry run: nothing to change');
    return lines;
  }
  lines.push(changes ? `✔ applied ${plural(changes, 'change')}` : '✔ nothing to change');
  // Keycloak steps that did something are listed; the ones that found their work done, or could not run, are counted.
  lines.push(...steps(outcome, 'created', 'invited').map((step) => `✔ keycloak: ${step.detail}`));
  const unchanged = steps(outcome, 'unchanged').length;
  const skipped = steps(outcome, 'skipped').length;
  if (unchanged) lines.push(`✔ keycloak: ${plural(unchanged, 'step')} already done`);
  if (skipped) lines.push(`! keycloak: skipped ${plural(skipped, 'step')} (organizations, first-admin invitations): ${KEYCLOAK_ADMIN_NOT_CONFIGURED}`);
  return lines;
}

function steps(outcome: OnboardingDone, ...outcomes: IdentityResult['outcome'][]): IdentityResult[] {
  return outcome.identity.filter((step) => outcomes.includes(step.outcome));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
