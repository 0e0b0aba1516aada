import type { INestApplicationContext } from '@nestjs/common';
import { createTestDatabase, insertMember, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import type { PrivateDataText } from '@hearth/platform-kernel';
import { arrangeDwelling, arrangePerson, arrangeTenancy } from '../testing/register-arrangements';
import { OFFICER, startRegister, workAs } from '../testing/register-context';
import { OccupiedAddressProbe } from './occupied-address.probe';
import { PersonNameProbe } from './person-name.probe';

let db: TestDatabase;
let app: INestApplicationContext;
let millbrook: TestMember;
let aber: TestMember;

beforeAll(async () => {
  db = await createTestDatabase();
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {} });
  aber = await insertMember(db.admin, 'aber', { assets: {}, tenancies: {} });
  app = await startRegister(db.config);
  const jane = await arrangePerson(db.admin, millbrook.id, 'Jane', 'Smith');
  await db.admin.query(`update hearth.person set title = 'Mrs' where id = $1`, [jane]);
  const occupied = await arrangeDwelling(db.admin, millbrook.id, { addressLine1: '14 Mill Lane', postcode: 'M1 1AE' });
  await arrangeTenancy(db.admin, millbrook.id, { dwellingId: occupied, tenants: [jane] });
  // A void home, and one whose tenancy has ended, are nobody's address.
  await arrangeDwelling(db.admin, millbrook.id, { addressLine1: '2 Empty Row', postcode: 'M9 9ZZ' });
  const ended = await arrangeDwelling(db.admin, millbrook.id, { addressLine1: '3 Gone Terrace', postcode: 'M8 8YY' });
  await arrangeTenancy(db.admin, millbrook.id, { dwellingId: ended, tenants: [jane], startDate: '2019-01-01', endDate: '2020-01-01' });
  // Another member's tenant, whom Millbrook's probes cannot see.
  await arrangePerson(db.admin, aber.id, 'Owen', 'Price');
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const texts = (...strings: string[]): PrivateDataText[] => strings.map((text, i) => ({ path: `/t/${i}`, text }));
const probe = <T extends PersonNameProbe | OccupiedAddressProbe>(type: new (...args: never[]) => T, tenantId: string, input: PrivateDataText[]) =>
  workAs(app, tenantId, OFFICER, () => app.get(type).find(input));

describe("the people's names probe", () => {
  it.each([
    ['given and family name', 'Dear Jane Smith, your rent is late.', 'Jane Smith'],
    ['title and family name', 'Dear Mrs Smith, your rent is late.', 'Mrs Smith'],
    ['however it is cased and punctuated', 'Regarding JANE-SMITH: your rent is late.', 'Jane Smith'],
  ])('finds a name by %s', async (_how, text, found) => {
    expect(await probe(PersonNameProbe, millbrook.id, texts(text))).toEqual({ index: 0, path: '/t/0', kind: 'person_name', found });
  });

  it('reports the first text that holds one', async () => {
    expect(await probe(PersonNameProbe, millbrook.id, texts('Nothing here', 'Still nothing', 'Ask Jane Smith', 'Mrs Smith too'))).toMatchObject({ index: 2, path: '/t/2' });
  });

  it("finds nothing in names apart, or in another member's people", async () => {
    expect(await probe(PersonNameProbe, millbrook.id, texts('Jane wrote to the Smith family', 'Ms Smith', 'Owen Price'))).toBeUndefined();
    expect(await probe(PersonNameProbe, aber.id, texts('Dear Jane Smith'))).toBeUndefined();
    expect(await probe(PersonNameProbe, aber.id, texts('Dear Owen Price'))).toMatchObject({ found: 'Owen Price' });
    expect(await probe(PersonNameProbe, millbrook.id, [])).toBeUndefined();
  });
});

describe("the occupied homes' addresses probe", () => {
  it.each([
    ['the first address line', 'We will visit 14 Mill Lane next week.', '14 Mill Lane'],
    ['the postcode written small', 'Homes around m1 1ae are affected.', 'M1 1AE'],
  ])('finds %s of a home with a current tenancy', async (_what, text, found) => {
    expect(await probe(OccupiedAddressProbe, millbrook.id, texts(text))).toEqual({ index: 0, path: '/t/0', kind: 'address', found });
  });

  it("finds nothing of a void home, a home whose tenancy has ended, or another member's homes", async () => {
    expect(await probe(OccupiedAddressProbe, millbrook.id, texts('2 Empty Row M9 9ZZ', '3 Gone Terrace M8 8YY'))).toBeUndefined();
    expect(await probe(OccupiedAddressProbe, aber.id, texts('We will visit 14 Mill Lane'))).toBeUndefined();
  });
});
