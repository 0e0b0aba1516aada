import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { ModuleRegistry, printHearthSchema } from '@hearth/platform-kernel';
import { INSTALLED_MODULES } from '@hearth/distribution';

export const SCHEMA_FILE = join(__dirname, '../../../../schema.graphql');

export function registerSchemaCommand(program: Command): void {
  program
    .command('schema:write')
    .description('Regenerate schema.graphql from the code (commit the result)')
    .action(async () => {
      await writeFile(SCHEMA_FILE, await printHearthSchema(new ModuleRegistry(INSTALLED_MODULES)));
      console.log(`✔ wrote ${SCHEMA_FILE}`);
    });
}
