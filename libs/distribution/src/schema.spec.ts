import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModuleRegistry, printHearthSchema } from '@hearth/platform-kernel';
import { INSTALLED_MODULES } from './index';

describe('schema.graphql', () => {
  it('is what the code generates (run `npm run schema` and commit the result)', async () => {
    const committed = readFileSync(join(__dirname, '../../../schema.graphql'), 'utf8');
    expect(await printHearthSchema(new ModuleRegistry(INSTALLED_MODULES))).toBe(committed);
  });
});
