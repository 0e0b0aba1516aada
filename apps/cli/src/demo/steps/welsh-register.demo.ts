import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { ImportService } from '@hearth/platform-imports';
import type { DemoStep } from '../demo-step';

const SAMPLES = join(__dirname, '../samples');

/**
 * A Welsh member's register (samples/aber-*.csv): a few homes in Aberystwyth, their people, and
 * secure and standard occupation contracts, so the console's Welsh terms have something to show.
 * The same import a member's own files go through; imports are idempotent, so a second run adds nothing.
 */
export const welshRegisterDemo: readonly DemoStep[] = [
  { module: 'assets', kind: 'assets', file: 'aber-assets.csv' },
  { module: 'tenancies', kind: 'people', file: 'aber-people.csv' },
  { module: 'tenancies', kind: 'tenancies', file: 'aber-tenancies.csv' },
].map(({ module, kind, file }) => ({
  name: `welsh ${kind}`,
  modules: [module],
  async run(app, member) {
    if (member.country !== 'wales') return [];
    const outcome = await app.get(ImportService).import(kind, () => createReadStream(join(SAMPLES, file)));
    if (outcome.status !== 'succeeded') throw new Error(`The demo's ${file} was refused: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
    return outcome.counts.inserted ? [`${kind} from apps/cli/src/demo/samples/${file} (${outcome.counts.inserted} new)`] : [];
  },
}));
