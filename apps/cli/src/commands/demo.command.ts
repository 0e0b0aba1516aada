import type { Command } from 'commander';
import { loadConfig } from '@hearth/platform-core';
import { withPlatform } from '../cli-context';
import { seedDemoData } from '../demo/demo-data';

/** Demo data for members that have applied their manifests. Safe to run again: nothing is added twice. */
export function seedDemo(): Promise<string[]> {
  return withPlatform(loadConfig(), (app) => seedDemoData(app));
}

export function registerDemoCommands(program: Command): void {
  program
    .command('demo:seed')
    .description('Add demo data for the members in the database (idempotent)')
    .action(async () => {
      const done = await seedDemo();
      console.log(done.length ? done.map((d) => `✔ ${d}`).join('\n') : '✔ demo data already in place');
    });
}
