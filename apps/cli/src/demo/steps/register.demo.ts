import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { ImportService } from '@hearth/platform-imports';
import type { DemoStep } from '../demo-step';

const SAMPLES = join(__dirname, '../../../../../docs/imports');

/**
 * The sample files of docs/imports, imported as a member's own files would be, in the order they
 * depend on one another: one step (one unit of work) each. They describe an English member
 * (tenures, postcodes). Imports are idempotent, so a second run finds every row unchanged.
 */
export const registerDemo: readonly DemoStep[] = [
  { module: 'assets', kind: 'assets', file: 'assets.csv' },
  { module: 'tenancies', kind: 'people', file: 'people.csv' },
  { module: 'tenancies', kind: 'tenancies', file: 'tenancies.csv' },
  { module: 'repairs', kind: 'sor-codes', file: 'sor-codes.csv' },
].map(({ module, kind, file }) => ({
  name: kind,
  modules: [module],
  async run(app, member) {
    if (member.country !== 'england') return [];
    const outcome = await app.get(ImportService).import(kind, () => createReadStream(join(SAMPLES, file)));
    if (outcome.status !== 'succeeded') throw new Error(`The demo's ${file} was refused: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
    return outcome.counts.inserted ? [`${kind} from docs/imports/${file} (${outcome.counts.inserted} new)`] : [];
  },
}));
