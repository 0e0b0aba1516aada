import { readFileSync } from 'node:fs';
import { LIMITS_DOC, limitsDocument } from './operation-costs';

describe('docs/partners/limits.md', () => {
  it('publishes the cost of every operation as the cost limit prices it (run `node -r @swc-node/register tools/scripts/operation-costs.ts`)', async () => {
    expect(readFileSync(LIMITS_DOC, 'utf8')).toBe(await limitsDocument());
  });
});
