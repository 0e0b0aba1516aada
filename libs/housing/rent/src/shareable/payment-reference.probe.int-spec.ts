import { CalendarModule } from '@hearth/platform-calendar';
import { systemActor, TransactionManager } from '@hearth/platform-database';
import { ImportsModule } from '@hearth/platform-imports';
import type { PrivateDataText } from '@hearth/platform-kernel';
import { createTestDatabase, insertMember, serveModulesForTest, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { AssetsModule } from '@hearth/housing-assets';
import { TenanciesModule } from '@hearth/housing-tenancies';
import { RentModule } from '../rent.module';
import { insertAccounts } from '../runs/testing/rent-accounts.fixture';
import { PaymentReferenceProbe } from './payment-reference.probe';

let db: TestDatabase;
let api: TestApi;
let millbrook: TestMember;
let aber: TestMember;

beforeAll(async () => {
  db = await createTestDatabase();
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {}, rent: {} });
  aber = await insertMember(db.admin, 'aber', { assets: {}, tenancies: {}, rent: {} });
  api = await serveModulesForTest(db.config, [ImportsModule, CalendarModule, AssetsModule, TenanciesModule, RentModule]);
  await insertAccounts(db.admin, millbrook.id, { reference: 'MB-', count: 2 });
  await insertAccounts(db.admin, aber.id, { reference: 'AB-' });
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const texts = (...strings: string[]): PrivateDataText[] => strings.map((text, i) => ({ path: `/t/${i}`, text }));
const probe = (member: TestMember, input: PrivateDataText[]) =>
  api.app.get(TransactionManager).run({ actor: systemActor('test'), tenantId: member.id }, () => api.app.get(PaymentReferenceProbe).find(input));

describe('the payment references probe', () => {
  it("finds a rent account's payment reference, however it is cased, in the first text that holds one", async () => {
    expect(await probe(millbrook, texts('Your account is in arrears.', 'Your account MB-000002 is in arrears.'))).toEqual({
      index: 1, path: '/t/1', kind: 'payment_reference', found: 'MB-000002',
    });
    expect(await probe(millbrook, texts('Pay into mb-000001 today'))).toMatchObject({ found: 'MB-000001' });
  });

  it("finds nothing in placeholders' place, in a reference that is only similar, or in another member's accounts", async () => {
    expect(await probe(millbrook, texts('Your account {{paymentReference}} is in arrears.', 'MB-0000021', 'MB-000003'))).toBeUndefined();
    expect(await probe(millbrook, texts('Your account AB-000001 is in arrears.'))).toBeUndefined();
    expect(await probe(aber, texts('Your account AB-000001 is in arrears.'))).toMatchObject({ found: 'AB-000001' });
  });
});
