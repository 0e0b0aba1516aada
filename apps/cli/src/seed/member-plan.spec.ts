import { datasetTag, planMembers, slugify, validateOptions } from './member-plan';
import { layoutMember } from './estate-layout';

/** The registry's own rule for slugs (the tenant table's CHECK). */
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('planMembers', () => {
  const options = { tenants: 40, homes: 60_000, seed: 7 };

  it('plans the same members for the same seed', () => {
    expect(planMembers(options)).toEqual(planMembers(options));
  });

  it('plans other members for another seed or shape', () => {
    const ids = new Set(planMembers(options).map((m) => m.id));
    expect(planMembers({ ...options, seed: 8 }).some((m) => ids.has(m.id))).toBe(false);
    expect(planMembers({ ...options, homes: 60_001 }).some((m) => ids.has(m.id))).toBe(false);
  });

  it('names members uniquely, with registry-valid slugs tagged by dataset', () => {
    const members = planMembers(options);
    expect(new Set(members.map((m) => m.name)).size).toBe(members.length);
    for (const member of members) {
      expect(member.slug).toMatch(SLUG);
      expect(member.slug.length).toBeLessThanOrEqual(63);
      expect(member.slug.endsWith(`-${datasetTag(options)}`)).toBe(true);
    }
  });

  it('mixes countries, mostly England, with bilingual Welsh members', () => {
    const members = planMembers(options);
    expect(members.slice(0, 3).map((m) => m.country)).toEqual(['england', 'wales', 'scotland']);
    const count = (country: string) => members.filter((m) => m.country === country).length;
    expect([count('england'), count('scotland'), count('wales'), count('northern_ireland')]).toEqual([28, 6, 4, 2]);
    for (const welsh of members.filter((m) => m.country === 'wales')) {
      expect(welsh.nameCy).toBeTruthy();
      expect([...welsh.languages].sort()).toEqual(['cy', 'en']);
    }
    expect(members.filter((m) => m.country !== 'wales').every((m) => m.nameCy === null && m.languages.join() === 'en')).toBe(true);
  });

  it('checks its options', () => {
    expect(validateOptions({ tenants: 0, homes: 10, seed: 1 })).toEqual(['--tenants must be a whole number from 1 to 2,000']);
    expect(validateOptions({ tenants: 5, homes: 4, seed: -1 })).toEqual([
      '--homes must be a whole number from the number of members to 10,000,000',
      '--seed must be a whole number from 0 to 2147483647',
    ]);
  });
});

describe('layoutMember', () => {
  const [member] = planMembers({ tenants: 1, homes: 12_345, seed: 3 });
  const layout = layoutMember(member);

  it('lays out the same stock every time', () => {
    expect(layoutMember(member)).toEqual(layout);
  });

  it('numbers the homes 1..n without gaps, in runs under estates and blocks it creates', () => {
    let next = 1;
    for (const run of layout.runs) {
      expect(run.first).toBe(next);
      next += run.homes;
    }
    expect(next - 1).toBe(member.homes);
    const parents = new Map(layout.structures.map((s) => [s.id, s.kind]));
    expect(layout.runs.every((run) => (run.form === 'flat' ? parents.get(run.parent) === 'block' : parents.get(run.parent) === 'estate'))).toBe(true);
    expect(new Set(layout.structures.map((s) => s.id)).size).toBe(layout.structures.length);
    expect(new Set(layout.structures.map((s) => s.reference)).size).toBe(layout.structures.length);
  });

  it('groups estates into patches of a few hundred homes', () => {
    const homesByPatch = new Map<string, number>();
    for (const run of layout.runs) homesByPatch.set(run.patch, (homesByPatch.get(run.patch) ?? 0) + run.homes);
    expect([...homesByPatch.keys()].sort()).toEqual([...layout.patches].sort());
    const sizes = [...homesByPatch.values()];
    expect(sizes.reduce((a, b) => a + b, 0) / sizes.length).toBeGreaterThan(300);
  });
});

describe('slugify', () => {
  it('makes registry slugs of Welsh and Irish names', () => {
    expect(slugify("Tai Llangwyn a'r Cylch")).toBe('tai-llangwyn-a-r-cylch');
    expect(slugify('Ballymore & District Housing')).toBe('ballymore-and-district-housing');
    expect(slugify('Grŵp Tai Pen-y-Bryn')).toBe('grwp-tai-pen-y-bryn');
  });
});
