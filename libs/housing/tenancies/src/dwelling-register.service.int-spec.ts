import type { INestApplicationContext } from '@nestjs/common';
import { createTestDatabase, insertMember, type TestDatabase } from '@hearth/platform-testing';
import { Occupancy } from './dwelling.model';
import { DwellingRegisterService, postcodeRange } from './dwelling-register.service';
import { arrangeDwelling, arrangePerson, arrangeTenancy } from './testing/register-arrangements';
import { OFFICER, startRegister, workAs } from './testing/register-context';
import { addDays, ukToday } from './uk-date';
import type { DwellingsFilter } from './dto/register-filters.input';

let db: TestDatabase;
let app: INestApplicationContext;
let member: string;
let register: DwellingRegisterService;
/** Dwellings by a short name, arranged in beforeAll. */
const d: Record<string, string> = {};
const today = ukToday();

beforeAll(async () => {
  db = await createTestDatabase();
  member = (await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {} })).id;
  const other = (await insertMember(db.admin, 'elsewhere', { assets: {}, tenancies: {} })).id;
  app = await startRegister(db.config);
  register = app.get(DwellingRegisterService);

  const homes: [string, string | null, string, string][] = [
    ['cf10a', 'CF10 1AA', 'North', '1 Bute Street'],
    ['cf10b', 'CF10 2BB', 'North', '2 Bute Street'],
    ['cf1', 'CF1 9ZZ', 'North', '3 Castle Road'],
    ['cf11', 'CF11 6AB', 'South', '4 Cowbridge Road'],
    ['cf5', 'CF5 1QE', 'South', '5 Penhill Road'],
    ['sa1', 'SA1 1AA', 'West', '6 Wind Street'],
    ['none', null, 'West', 'Plot 7, Ely Bridge'],
  ];
  for (const [name, postcode, patch, addressLine1] of homes) {
    d[name] = await arrangeDwelling(db.admin, member, { postcode, patch, addressLine1, reference: `PROP-${name.toUpperCase()}` });
  }
  await arrangeDwelling(db.admin, member, { kind: 'block', postcode: 'CF10 1AB', patch: 'North' });
  await arrangeDwelling(db.admin, other, { postcode: 'CF10 1AA', patch: 'North' });

  const person = () => arrangePerson(db.admin, member, 'Tenant', 'Person');
  // Live: cf10a (assured), cf1 (secure, ends in a month), cf11 (starter), sa1 (assured). Void: cf10b (ended), cf5 (starts next month), none.
  await arrangeTenancy(db.admin, member, { dwellingId: d.cf10a, tenants: [await person()], tenureType: 'assured', reference: 'TEN-0042' });
  await arrangeTenancy(db.admin, member, { dwellingId: d.cf1, tenants: [await person()], tenureType: 'secure', endDate: addDays(today, 30) });
  await arrangeTenancy(db.admin, member, { dwellingId: d.cf11, tenants: [await person()], tenureType: 'starter' });
  await arrangeTenancy(db.admin, member, { dwellingId: d.sa1, tenants: [await person()], tenureType: 'assured' });
  await arrangeTenancy(db.admin, member, { dwellingId: d.cf10b, tenants: [await person()], startDate: '2010-01-01', endDate: addDays(today, -1) });
  await arrangeTenancy(db.admin, member, { dwellingId: d.cf5, tenants: [await person()], startDate: addDays(today, 30) });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const names = (ids: string[]) => ids.map((id) => Object.keys(d).find((name) => d[name] === id) ?? id);

async function listed(filter: DwellingsFilter, first = 50): Promise<string[]> {
  const page = await workAs(app, member, OFFICER, () => register.page(filter, { first }));
  return names(page.edges.map((e) => e.node.id));
}

describe('the dwelling register', () => {
  it("lists the member's dwellings only, in postcode order with no postcode last, each with its live tenancy", async () => {
    const page = await workAs(app, member, OFFICER, () => register.page({}, { first: 50 }));
    expect(names(page.edges.map((e) => e.node.id))).toEqual(['cf1', 'cf10a', 'cf10b', 'cf11', 'cf5', 'sa1', 'none']);
    const byName = Object.fromEntries(page.edges.map((e) => [names([e.node.id])[0], e.node]));
    expect(byName.cf10a.asset).toMatchObject({ kind: 'dwelling', postcode: 'CF10 1AA', patch: 'North', addressLine1: '1 Bute Street' });
    expect(byName.cf10a.currentTenancy).toMatchObject({ tenureType: 'assured', live: true });
    expect(byName.cf1.currentTenancy).toMatchObject({ tenureType: 'secure', endDate: addDays(today, 30) });
    // Ended yesterday, and not started yet: neither is live today.
    expect([byName.cf10b.currentTenancy, byName.cf5.currentTenancy]).toEqual([null, null]);
  });

  it('pages without repeating or skipping, across dwellings with and without a postcode', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await workAs(app, member, OFFICER, () => register.page({}, { first: 2, after }));
      seen.push(...names(page.edges.map((e) => e.node.id)));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
    } while (after);
    expect(seen).toEqual(['cf1', 'cf10a', 'cf10b', 'cf11', 'cf5', 'sa1', 'none']);
  });

  it.each<[string, DwellingsFilter, string[]]>([
    ['a patch', { patch: 'South' }, ['cf11', 'cf5']],
    ['a full postcode, however spaced', { postcode: 'cf101aa' }, ['cf10a']],
    ['a district, and only that one', { postcode: 'CF1' }, ['cf1']],
    ['an area', { postcode: 'cf' }, ['cf1', 'cf10a', 'cf10b', 'cf11', 'cf5']],
    ['the start of a postcode', { postcode: 'CF10 ' }, ['cf10a', 'cf10b']],
    ['occupied', { occupancy: Occupancy.OCCUPIED }, ['cf1', 'cf10a', 'cf11', 'sa1']],
    ['void', { occupancy: Occupancy.VOID }, ['cf10b', 'cf5', 'none']],
    ['the live tenancy\'s tenure', { tenureType: 'assured' }, ['cf10a', 'sa1']],
    ['a void with a tenure (there is none)', { occupancy: Occupancy.VOID, tenureType: 'assured' }, []],
    ['several at once', { patch: 'North', occupancy: Occupancy.VOID }, ['cf10b']],
    ['an address, loosely', { search: 'cowbrige road' }, ['cf11']],
    ['an asset reference', { search: 'prop-sa' }, ['sa1']],
    ['a tenancy reference', { search: 'TEN-0042' }, ['cf10a']],
  ])('filters by %s', async (_case, filter, expected) => {
    expect(await listed(filter)).toEqual(expected);
    expect(await workAs(app, member, OFFICER, () => register.count(filter))).toBe(expected.length);
  });
});

describe('postcodeRange', () => {
  it.each([
    ['CF10 1AA', ['CF10 1AA', 'CF10 1AB']],
    ['cf101aa', ['CF10 1AA', 'CF10 1AB']],
    ['CF1', ['CF1 ', 'CF1!']],
    ['cf', ['CF0', 'CF:']],
    ['CF10  1', ['CF10 1', 'CF10 2']],
  ])('%s covers [%s)', (text, range) => {
    expect(postcodeRange(text)).toEqual(range);
  });
});
