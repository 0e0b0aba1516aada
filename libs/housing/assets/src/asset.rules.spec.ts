import type { AssetKindValue } from './asset.entity';
import { assetProblems, isUprn, referenceProblems, tidyAssetFields, type AssetFacts, type AssetFields } from './asset.rules';

const blank: AssetFields = {
  kind: 'dwelling',
  parentId: null,
  name: null,
  addressLine1: '1 Heol y Deri',
  addressLine2: null,
  town: null,
  postcode: 'CF10 1AA',
  uprn: null,
  bedrooms: null,
  floor: null,
  builtYear: null,
  heating: null,
  liftAccess: null,
  accessibility: [],
  patch: null,
};
const valid: AssetFacts = { normalisedPostcode: 'CF10 1AA', parentKind: null };
const fieldsOf = (fields: Partial<AssetFields>, facts: Partial<AssetFacts> = {}) =>
  assetProblems({ ...blank, ...fields }, { ...valid, ...facts }).map((p) => p.field);

describe('tidyAssetFields', () => {
  it("trims text, drops a UPRN's padding and repeated features, and leaves the rest", () => {
    expect(tidyAssetFields({ name: '  Maes Glas ', uprn: '000012345', accessibility: ['ramp', 'ramp', 'hoist'], bedrooms: 2 })).toEqual({
      name: 'Maes Glas',
      uprn: '12345',
      accessibility: ['ramp', 'hoist'],
      bedrooms: 2,
    });
    expect(tidyAssetFields({ uprn: '0' }).uprn).toBe('0');
  });
});

describe('isUprn', () => {
  it.each([
    ['1', true],
    ['999999999999', true],
    ['1000000000000', false],
    ['0', false],
    ['12a', false],
    ['', false],
    ['-5', false],
  ])('%s → %s', (uprn, ok) => expect(isUprn(uprn)).toBe(ok));
});

describe('assetProblems', () => {
  it('accepts a well-formed dwelling', () => {
    expect(fieldsOf({ bedrooms: 3, floor: 2, builtYear: 1968, heating: 'gas', liftAccess: true, accessibility: ['level_access'] })).toEqual([]);
  });

  it.each<[AssetKindValue, string[]]>([
    ['estate', ['floor', 'heating', 'liftAccess', 'accessibility']],
    ['block', ['floor']],
    ['communal', []],
    ['garage', ['floor', 'heating', 'liftAccess']],
  ])('keeps characteristics of homes off %s', (kind, refused) => {
    const fields = { kind, name: 'X', floor: 1, builtYear: 1990, heating: 'gas' as const, liftAccess: true, accessibility: ['ramp' as const] };
    expect(fieldsOf(fields)).toEqual(refused);
    expect(fieldsOf({ kind, name: 'X', bedrooms: 1 })).toEqual(['bedrooms']);
  });

  it('checks ranges, lengths and blanks', () => {
    expect(fieldsOf({ bedrooms: 21, floor: -6, builtYear: new Date().getFullYear() + 6 })).toEqual(['bedrooms', 'floor', 'builtYear']);
    expect(fieldsOf({ bedrooms: 1.5 })).toEqual(['bedrooms']);
    expect(fieldsOf({ town: 'x'.repeat(101), patch: '', addressLine2: 'y'.repeat(200) })).toEqual(['town', 'patch']);
  });

  it('checks values an import reads as plain text', () => {
    expect(fieldsOf({ heating: 'peat' as never, accessibility: ['ramp', 'moat' as never] })).toEqual(['heating', 'accessibility']);
  });

  it('refuses a postcode PostgreSQL did not recognise', () => {
    expect(fieldsOf({ postcode: 'CF10' }, { normalisedPostcode: null })).toEqual(['postcode']);
  });

  it.each<[AssetKindValue, AssetKindValue, boolean]>([
    ['block', 'estate', true],
    ['dwelling', 'estate', true],
    ['dwelling', 'block', true],
    ['garage', 'block', true],
    ['estate', 'estate', false],
    ['block', 'block', false],
    ['dwelling', 'dwelling', false],
    ['communal', 'garage', false],
  ])('%s under %s: allowed %s', (kind, parentKind, allowed) => {
    const problems = fieldsOf({ kind, name: 'X' }, { parentKind });
    expect(problems.includes('parentId')).toBe(!allowed);
  });
});

describe('referenceProblems', () => {
  it('needs a system and a reference, within their lengths', () => {
    expect(referenceProblems({ system: 'orchard', reference: 'P-1', description: null })).toEqual([]);
    expect(referenceProblems({ system: '', reference: 'x'.repeat(101), description: '' }).map((p) => p.field)).toEqual(['system', 'reference', 'description']);
  });
});
