import { renderTable, type BenchReport } from './bench-report';

const report = (results: BenchReport['results']): BenchReport => ({
  startedAt: '2026-11-23T12:00:00.000Z',
  finishedAt: '2026-11-23T12:05:00.000Z',
  scale: 'small',
  machine: { cpus: 2, cpuModel: 'test', memoryGiB: 24, node: 'v20', postgres: '15' },
  dataset: {},
  results,
});

describe('renderTable', () => {
  it('puts each figure beside its baseline, ratio and target', () => {
    const table = renderTable(
      report([
        {
          scenario: 'rls-cost',
          status: 'measured',
          notes: [],
          figures: [
            { measure: 'page: p50', value: 0.73, unit: 'ms', baseline: { label: 'no RLS', value: 0.7 }, ratio: { value: 4.2, unit: '%' }, target: { text: 'RLS < 5%', met: true } },
            { measure: 'throughput', value: 1234.5, unit: 'req/s', baseline: { label: 'SQL', value: 5000 }, ratio: { value: 0.2469, unit: 'x' }, target: { text: '≥ 0.25× SQL', met: false } },
          ],
        },
        { scenario: 'import', status: 'skipped', notes: ['ImportService not installed'], figures: [] },
      ]),
    ).split('\n');
    expect(table[0]).toMatch(/^scenario\s+measure\s+hearth\s+baseline\s+ratio\s+target$/);
    expect(table[2]).toMatch(/^rls-cost\s+page: p50\s+0\.73 ms\s+0\.70 ms \(no RLS\)\s+\+4\.20 %\s+✔ RLS < 5%$/);
    expect(table[3]).toMatch(/throughput\s+1,235 req\/s\s+5,000 req\/s \(SQL\)\s+0\.25 ×\s+✖ ≥ 0\.25× SQL$/);
    expect(table[4]).toMatch(/^import\s+skipped: ImportService not installed$/);
  });
});
