import type { Command } from 'commander';
import { loadConfig } from '@hearth/platform-core';
import { migrateDatabase, setupDatabase } from '@hearth/platform-database';
import { ModuleRegistry } from '@hearth/platform-kernel';
import { INSTALLED_MODULES } from '@hearth/distribution';

export function registerDatabaseCommands(program: Command): void {
  program
    .command('db:setup')
    .description('Create the roles (hearth_owner, hearth_app) and the database; safe to run again')
    .action(async () => {
      const config = loadConfig();
      const done = await setupDatabase(config);
      console.log(done.length ? done.map((d) => `✔ ${d}`).join('\n') : `✔ database ${config.database.name} and roles already set up`);
    });

  program
    .command('db:migrate')
    .description('Apply pending migrations of the kernel and every installed module, as hearth_owner')
    .action(async () => {
      const config = loadConfig();
      const applied = await migrateDatabase(config, new ModuleRegistry(INSTALLED_MODULES).schemaParts());
      console.log(applied.length ? applied.map((m) => `✔ applied ${m}`).join('\n') : '✔ no pending migrations');
    });
}
