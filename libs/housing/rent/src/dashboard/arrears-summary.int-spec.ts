import { CalendarModule } from '@hearth/platform-calendar';
import { ImportsModule } from '@hearth/platform-imports';
import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { AssetsModule } from '@hearth/housing-assets';
import { TenanciesModule } from '@hearth/housing-tenancies';
import { RentModule } from '../rent.module';
import { insertAccounts } from '../runs/testing/rent-accounts.fixture';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let member: TestMember;
let other: TestMember;
/** The UK day the database calls today, and the days the test counts from it. */
let today: string;
const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  member = await insertMember(db.admin, 'summarised', { assets: {}, tenancies: {}, rent: {} });
  other = await insertMember(db.admin, 'elsewhere', { assets: {}, tenancies: {}, rent: {} });
  today = (await db.admin.query(`select (now() at time zone 'Europe/London')::date::text as today`)).rows[0].today;

  const account = async (tenant: TestMember, reference: string, fields: { openedOn?: string; closedOn?: string } = {}) => {
    const [id] = await insertAccounts(db.admin, tenant.id, {
      reference, openedOn: fields.openedOn ?? '2020-01-06', closedOn: fields.closedOn ?? null, tenancyEnd: fields.closedOn ?? null,
    });
    return id;
  };
  const post = (tenant: TestMember, accountId: string, amountPence: number, effectiveOn: string) =>
    db.admin.query(
      `insert into hearth.rent_transaction (tenant_id, account_id, kind, amount_pence, effective_on, description, posted_by)
       values ($1, $2, 'adjustment', $3, $4, 'test', 'test')`,
      [tenant.id, accountId, amountPence, effectiveOn],
    );
  // A: £100 owed long ago, £40 paid five weeks ago, £20 more charged for a day still to come.
  const a = await account(member, 'SUMA');
  await post(member, a, 10_000, day(-100));
  await post(member, a, -4_000, day(-35));
  await post(member, a, 2_000, day(3));
  // B: £50 owed a week ago, paid today.
  const b = await account(member, 'SUMB');
  await post(member, b, 5_000, day(-7));
  await post(member, b, -5_000, day(0));
  // C: in credit throughout.
  const c = await account(member, 'SUMC');
  await post(member, c, -3_000, day(-50));
  // D: £70 owed eight and a half weeks ago; closed twenty days ago, so no longer counted after that.
  const d = await account(member, 'SUMD', { closedOn: day(-20) });
  await post(member, d, 7_000, day(-60));
  // E: opened two weeks ago, £10 owed since.
  const e = await account(member, 'SUME', { openedOn: day(-14) });
  await post(member, e, 1_000, day(-14));
  // Another member's arrears never show.
  const elsewhere = await account(other, 'ELSE');
  await post(other, elsewhere, 99_900, day(-30));

  api = await serveModulesForTest(db.config, [ImportsModule, CalendarModule, AssetsModule, TenanciesModule, RentModule]);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const officer = tokens.user('summarised', ['housing-officer']);
const SUMMARY = `query ($weeks: Int) { arrearsSummary(weeks: $weeks) { asOf totalPence accountsInArrears openAccounts weeks { on totalPence accountsInArrears } } }`;

describe('arrearsSummary', () => {
  it('gives the arrears of open accounts now, from their balances', async () => {
    const res = await api.gql(SUMMARY, {}, { token: officer });
    expect(res.errors).toBeUndefined();
    expect(res.data!.arrearsSummary).toEqual(expect.objectContaining({ asOf: today, totalPence: 9_000, accountsInArrears: 2, openAccounts: 4 }));
  });

  it('gives the arrears on each of the last 12 weeks from the ledger, counting accounts open that day', async () => {
    const res = await api.gql(SUMMARY, {}, { token: officer });
    const point = (offset: number, totalPence: number, accountsInArrears: number) => ({ on: day(offset), totalPence, accountsInArrears });
    expect(res.data!.arrearsSummary.weeks).toEqual([
      point(-77, 10_000, 1),
      point(-70, 10_000, 1),
      point(-63, 10_000, 1),
      point(-56, 17_000, 2),
      point(-49, 17_000, 2),
      point(-42, 17_000, 2),
      point(-35, 13_000, 2),
      point(-28, 13_000, 2),
      point(-21, 13_000, 2),
      point(-14, 7_000, 2),
      point(-7, 12_000, 3),
      point(0, 7_000, 2),
    ]);
  });

  it('gives as many weeks as asked, today last', async () => {
    const res = await api.gql(SUMMARY, { weeks: 2 }, { token: officer });
    expect(res.data!.arrearsSummary.weeks).toEqual([
      { on: day(-7), totalPence: 12_000, accountsInArrears: 3 },
      { on: day(0), totalPence: 7_000, accountsInArrears: 2 },
    ]);
  });

  it('refuses a number of weeks outside 1 to 52, naming the field', async () => {
    const res = await api.gql(SUMMARY, { weeks: 53 }, { token: officer });
    expect(res.errors?.[0]).toEqual(expect.objectContaining({
      message: 'weeks must be a whole number from 1 to 52', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    }));
  });

  it('is for staff only', async () => {
    const res = await api.gql(SUMMARY, {});
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
