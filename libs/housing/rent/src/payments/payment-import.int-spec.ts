import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CalendarModule } from '@hearth/platform-calendar';
import { systemActor, TransactionManager } from '@hearth/platform-database';
import { ImportService, ImportsModule, type ImportOutcome } from '@hearth/platform-imports';
import { AssetsModule } from '@hearth/housing-assets';
import { TenanciesModule } from '@hearth/housing-tenancies';
import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { RentModule } from '../rent.module';
import { insertAccounts } from '../runs/testing/rent-accounts.fixture';

const SAMPLE = readFileSync(join(__dirname, '../../../../../docs/imports/payments.csv'), 'utf8');
const HEADER = 'payment_id,payment_reference,amount,received_on,channel,payer';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let millbrook: TestMember;
let aber: TestMember;
/** Millbrook's accounts MH000001 to MH000006, by number. */
let accounts: string[];

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {}, rent: {} });
  aber = await insertMember(db.admin, 'aber', { assets: {}, tenancies: {}, rent: {} });
  api = await serveModulesForTest(db.config, [ImportsModule, CalendarModule, AssetsModule, TenanciesModule, RentModule]);
  accounts = await insertAccounts(db.admin, millbrook.id, { reference: 'MH', count: 6 });
  // Aber's account has a reference of the sample's: a member's file pays only its own accounts.
  await insertAccounts(db.admin, aber.id, { reference: 'MH', count: 1 });
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

/** Imports `csv` for the member as the CLI does: one unit of work, committed unless the file is refused. */
function importFile(csv: string, member = millbrook): Promise<ImportOutcome> {
  return api.app.get(TransactionManager).run({ actor: systemActor('cli'), tenantId: member.id }, () =>
    api.app.get(ImportService).import('payments', () => Readable.from([Buffer.from(csv)])));
}

/** Everything an import may write, to show a refused or repeated one wrote nothing. */
async function snapshot(member = millbrook) {
  const { rows } = await db.admin.query(
    `select (select count(*)::int from hearth.payment where tenant_id = $1) as payments,
            (select count(*)::int from hearth.rent_transaction where tenant_id = $1) as transactions,
            (select count(*)::int from hearth.outbox_event where tenant_id = $1) as events,
            (select json_object_agg(payment_reference, balance_pence::int) from hearth.rent_account where tenant_id = $1) as balances`,
    [member.id],
  );
  return rows[0];
}

const problemsOf = (outcome: ImportOutcome) => (outcome.status === 'failed' ? outcome.problems : []);

describe('import payments', () => {
  it('allocates the sample file by reference, leaves the unmatched in suspense, then changes nothing when it comes again', async () => {
    expect(await importFile(SAMPLE)).toEqual({ status: 'succeeded', rows: 20, counts: { inserted: 20, updated: 0, unchanged: 0 } });

    const { rows: balances } = await db.admin.query(
      `select payment_reference, balance_pence::int as balance from hearth.rent_account where tenant_id = $1 order by payment_reference`, [millbrook.id]);
    // Four payments to MH000001 (one quoted as "MH 000001"), none to MH000003; payments are negative, so credit.
    expect(balances).toEqual([
      { payment_reference: 'MH000001', balance: -125_750 },
      { payment_reference: 'MH000002', balance: -61_000 },
      { payment_reference: 'MH000003', balance: 0 },
      { payment_reference: 'MH000004', balance: -35_481 },
      { payment_reference: 'MH000005', balance: -63_000 },
      { payment_reference: 'MH000006', balance: -36_280 },
    ]);
    const { rows: suspense } = await db.admin.query(
      `select external_id, payment_reference, amount_pence::int as amount, note from hearth.payment where tenant_id = $1 and account_id is null order by received_on`,
      [millbrook.id]);
    expect(suspense).toEqual([
      { external_id: 'BGC-20261105-000163', payment_reference: 'RENT FLAT 3', amount: 25_000, note: 'Payer: J SMITH' },
      { external_id: 'APY-4471231377', payment_reference: 'MH00002', amount: 3_500, note: null },
      { external_id: 'BGC-20261112-000180', payment_reference: null, amount: 12_000, note: 'Payer: UNKNOWN PAYER' },
    ]);
    const { rows: [ledger] } = await db.admin.query(
      `select count(*)::int as transactions, count(distinct t.payment_id)::int as payments,
              bool_and(t.amount_pence = -p.amount_pence and t.effective_on = p.received_on and t.account_id = p.account_id and t.kind = 'payment') as consistent
       from hearth.rent_transaction t join hearth.payment p on p.tenant_id = t.tenant_id and p.id = t.payment_id where t.tenant_id = $1`,
      [millbrook.id]);
    expect(ledger).toEqual({ transactions: 17, payments: 17, consistent: true });
    const { rows: events } = await db.admin.query(
      `select type, count(*)::int as n from hearth.outbox_event where tenant_id = $1 group by type order by type`, [millbrook.id]);
    expect(events).toEqual([{ type: 'rent.payment.posted', n: 17 }, { type: 'rent.payment.suspended', n: 3 }]);
    const { rows: [posted] } = await db.admin.query(
      `select e.aggregate_type, e.aggregate_id, e.payload, p.id as payment_id, t.id as transaction_id
       from hearth.outbox_event e join hearth.payment p on p.id::text = e.payload->>'paymentId' join hearth.rent_transaction t on t.payment_id = p.id
       where e.tenant_id = $1 and p.external_id = 'CHQ-000187'`,
      [millbrook.id]);
    expect(posted).toEqual({
      aggregate_type: 'rent_account',
      aggregate_id: accounts[5],
      payment_id: expect.any(String),
      transaction_id: expect.any(String),
      payload: {
        paymentId: posted.payment_id, accountId: accounts[5], source: 'file', channel: 'cheque', paymentReference: 'MH000006',
        amountPence: 10_000, receivedOn: '2026-11-06', transactionId: posted.transaction_id,
      },
    });

    const before = await snapshot();
    expect(await importFile(SAMPLE)).toEqual({ status: 'succeeded', rows: 20, counts: { inserted: 0, updated: 0, unchanged: 20 } });
    expect(await snapshot()).toEqual(before);
    expect((await snapshot(aber)).payments).toBe(0);
  });

  it('records only the new lines of a file that grew since it was imported', async () => {
    const grown = `${SAMPLE.trimEnd()}\nBGC-20261118-000201,MH000003,99.99,2026-11-18,bank,\n`;
    expect(await importFile(grown)).toEqual({ status: 'succeeded', rows: 21, counts: { inserted: 1, updated: 0, unchanged: 20 } });
    const { rows } = await db.admin.query(`select balance_pence::int as balance from hearth.rent_account where id = $1`, [accounts[2]]);
    expect(rows[0].balance).toBe(-9_999);
  });

  it('refuses a file with bad lines whole, saying line, column and why', async () => {
    const before = await snapshot();
    const bad = [
      HEADER,
      'N-1,MH000001,12.50,2026-11-01,bank,',
      'N-2,MH000001,-5.00,2026-11-01,bank,',
      'N-3,MH000001,12.505,2026-11-01,bank,',
      'N-4,MH000001,0.00,2026-11-01,bank,',
      'N-5,MH000001,12.50,2099-01-01,bank,',
      'N-6,MH000001,12.50,2026-11-01,paypal,',
      'N-1,MH000002,1.00,2026-11-02,card,',
      'BGC-20261102-000141,MH000001,400.00,2026-11-02,bank,MR R HUGHES',
      'N-7,MH000001,£12.50,31/02/2026,,',
    ].join('\n');
    const outcome = await importFile(bad);
    expect(outcome.status).toBe('failed');
    expect(problemsOf(outcome)).toEqual([
      { line: 3, column: 'amount', reason: '"-5.00" is negative; a payment is more than 0 (refunds are posted in Hearth)' },
      { line: 4, column: 'amount', reason: '"12.505" is not an amount in pounds (write 12.50, with at most two decimals and no £ sign or commas)' },
      { line: 5, column: 'amount', reason: '"0.00" is zero; a payment is more than 0' },
      { line: 6, column: 'received_on', reason: expect.stringMatching(/^"2099-01-01" is in the future; the day the money was received is today \(\d{4}-\d{2}-\d{2}\) or earlier$/) },
      { line: 7, column: 'channel', reason: expect.stringContaining('"paypal" is not one of: bank, card, direct_debit') },
      { line: 8, column: 'payment_id', reason: '"N-1" is already on line 2' },
      {
        line: 9,
        column: 'payment_id',
        reason: expect.stringMatching(/^"BGC-20261102-000141" was imported on \d{4}-\d{2}-\d{2} as £412\.50 received on 2026-11-02 by bank with reference "MH000001"; this line differs, and a payment_id names one payment$/),
      },
      { line: 10, column: 'amount', reason: '"£12.50" is not an amount in pounds (write 12.50, with at most two decimals and no £ sign or commas)' },
      { line: 10, column: 'received_on', reason: '"31/02/2026" is not a date (write 2024-03-31 or 31/03/2024)' },
      { line: 10, column: 'channel', reason: 'a value is required' },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses wrong columns, an empty file, a file of only a header and a file that is not CSV, changing nothing', async () => {
    const before = await snapshot();
    const wrong = await importFile('payment_id,reference,amount,date,channel\nN-1,MH000001,1.00,2026-11-01,bank\n');
    expect(problemsOf(wrong).length).toBeGreaterThan(0);
    expect(problemsOf(wrong).every((p) => p.line === 1)).toBe(true);
    expect(problemsOf(wrong).map((p) => p.reason).join(' ')).toMatch(/payment_reference/);
    expect(problemsOf(await importFile(''))[0]).toMatchObject({ line: null, column: null });
    expect(problemsOf(await importFile(`${HEADER}\n`))).toEqual([{ line: null, column: null, reason: 'The file has a header row but no rows to import' }]);
    const workbook = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 1)]).toString('latin1');
    expect(problemsOf(await importFile(workbook))[0]).toMatchObject({ line: null });
    expect(problemsOf(await importFile(`${HEADER}\nN-1,MH000001,1.00,2026-11-01,bank,,extra\n`))[0]).toMatchObject({ line: 2 });
    expect(await snapshot()).toEqual(before);
  });
});
