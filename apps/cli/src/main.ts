import 'reflect-metadata';
import { Command } from 'commander';
import { ConfigError } from '@hearth/platform-core';
import { CommandError } from './command-error';
import { registerDatabaseCommands } from './commands/database.command';
import { registerSchemaCommand } from './commands/schema.command';
import { registerDemoCommands } from './commands/demo.command';
import { registerStartCommand } from './commands/start.command';
import { registerTenantsCommands } from './commands/tenants.command';
import { registerImportCommand } from './commands/import.command';
import { registerSeedCommand } from './commands/seed.command';
import { registerBenchCommand } from './commands/bench.command';

/** `npm run hearth -- <command>`: the operator's tool for databases, members and the demo. */
const program = new Command('hearth')
  .description('Hearth: operate the platform (databases, members, schema, demo)')
  .showHelpAfterError();

registerDatabaseCommands(program);
registerSchemaCommand(program);
registerDemoCommands(program);
registerStartCommand(program);
registerTenantsCommands(program);
registerImportCommand(program);
registerSeedCommand(program);
registerBenchCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof CommandError ? error.message : error);
  process.exit(1);
});
