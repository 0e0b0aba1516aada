import 'reflect-metadata';
import { Command } from 'commander';
import { ConfigError } from '@hearth/platform-core';
import { registerDatabaseCommands } from './commands/database.command';
import { registerSchemaCommand } from './commands/schema.command';

/** `npm run hearth -- <command>`: the operator's tool for databases, members and the demo. */
const program = new Command('hearth')
  .description('Hearth: operate the platform (databases, members, schema, demo)')
  .showHelpAfterError();

registerDatabaseCommands(program);
registerSchemaCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof CommandError ? error.message : error);
  process.exit(1);
});

/** An expected failure of a command: its message is printed without a stack trace. */
export class CommandError extends Error {}
