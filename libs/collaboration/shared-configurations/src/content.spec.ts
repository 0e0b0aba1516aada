import fc from 'fast-check';
import { canonicalJson, compareVersions, contentHash, diffItems } from './content';

describe('canonicalJson', () => {
  it('writes equal objects the same whatever the order of their keys', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
        expect(contentHash(reversed)).toBe(contentHash(object));
      }),
    );
  });

  it('keeps the order of arrays, which means something (priorities are listed in order)', () => {
    expect(contentHash([1, 2])).not.toBe(contentHash([2, 1]));
  });
});

describe('diffItems', () => {
  const item = (key: string, fields: Record<string, unknown>) => ({ key, fields });

  it('reports added, changed (with the fields that differ) and removed items, leaving unchanged ones out', () => {
    const before = [item('a', { name: 'A', target: { hours: 24 } }), item('b', { name: 'B' }), item('c', { name: 'C' })];
    const after = [item('a', { name: 'A', target: { hours: 4 } }), item('c', { name: 'C' }), item('d', { name: 'D' })];
    expect(diffItems(before, after)).toEqual([
      { item: 'a', change: 'changed', fields: ['target'] },
      { item: 'd', change: 'added', fields: ['name'] },
      { item: 'b', change: 'removed', fields: ['name'] },
    ]);
  });

  it('finds nothing to change between equal lists', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ key: fc.string(), fields: fc.dictionary(fc.string(), fc.jsonValue()) }), { selector: (i) => i.key }), (items) => {
        expect(diffItems(items, structuredClone(items))).toEqual([]);
      }),
    );
  });
});

describe('compareVersions', () => {
  it.each([
    ['1.1', '1.0', 1],
    ['1.10', '1.9', 1],
    ['2.0', '1.99.99', 1],
    ['1.2', '1.2.0', 0],
    ['1.2.1', '1.2', 1],
    ['0.9', '1.0', -1],
  ])('compares %s with %s', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });
});
