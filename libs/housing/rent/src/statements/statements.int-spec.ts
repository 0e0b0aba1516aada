import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { adjust, arrangeAccount, charge, pay, refund, RENT_MODULES } from '../arrears/testing/recovery-context';
import { pdfText } from './testing/pdf-text';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let tygwyn: TestMember;
let millbrook: TestMember;
let account: string;
let english: string;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  tygwyn = await insertMember(db.admin, 'tygwyn', { assets: {}, tenancies: {}, rent: {} }, { country: 'wales', languages: ['cy', 'en'] });
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {}, rent: {} });
  await db.admin.query(`update hearth.tenant set name = 'Ty Gwyn Housing', name_cy = 'Cymdeithas Tai Tŷ Gwyn' where id = $1`, [tygwyn.id]);
  api = await serveModulesForTest(db.config, RENT_MODULES);

  account = await arrangeAccount(db.admin, tygwyn.id, {
    reference: 'TG-00042', holder: { given: 'Gwenllian', family: 'Ŵyn', language: 'cy' },
    address: { line1: '3 Heol y Dŵr', line2: 'Tŷ Newydd', town: 'Abertawe', postcode: 'SA1 1AA' },
  });
  // Before the period: £100 charged, £40 paid, so it opens at £60.
  await charge(db.admin, tygwyn.id, account, 10_000, '2026-03-30');
  await pay(db.admin, tygwyn.id, account, 4_000, '2026-04-01');
  // In it (6 to 19 April 2026): £115 charged, £80 paid, £5 of that refunded, £2 adjusted off.
  await charge(db.admin, tygwyn.id, account, 10_000, '2026-04-06', 'rent', 'Rent 6 to 12 April 2026');
  await charge(db.admin, tygwyn.id, account, 1_500, '2026-04-06', 'service_charge', 'Service charge 6 to 12 April 2026');
  const benefit = await pay(db.admin, tygwyn.id, account, 8_000, '2026-04-10');
  await refund(db.admin, tygwyn.id, account, benefit, 500, '2026-04-12');
  await adjust(db.admin, tygwyn.id, account, -200, '2026-04-19');
  // After it: not on the statement.
  await charge(db.admin, tygwyn.id, account, 10_000, '2026-04-20');

  english = await arrangeAccount(db.admin, millbrook.id, { reference: 'MB-00001', holder: { title: 'Mr', given: 'Tom', family: 'Price' } });
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const officer = (member = 'tygwyn') => tokens.user(member, ['housing-officer'], { name: 'Nia Rees' });
const STATEMENT = `query ($accountId: ID!, $from: String!, $to: String!, $language: RentLanguage) {
  rentStatement(accountId: $accountId, from: $from, to: $to, language: $language) {
    __typename
    ... on RentStatement {
      accountId paymentReference language from to holderName address memberName openingBalancePence closingBalancePence
      chargesPence paymentsPence otherPence pdfUrl
      lines { effectiveOn label description period amountPence balancePence }
      labels { title holder openingBalance closingBalance totalCharged totalPaid }
    }
    ... on ErrorResult { code message }
    ... on StatementInvalid { problems { field message } }
  } }`;
const PERIOD = { from: '2026-04-06', to: '2026-04-19' };

async function statement(variables: Record<string, unknown>, token = officer()): Promise<Record<string, any>> {
  const res = await api.gql(STATEMENT, { accountId: account, ...PERIOD, ...variables }, { token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.rentStatement;
}

async function download(path: string, token?: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  const response = await fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
}

const pdfPath = (query: Record<string, string>, id = account) => `/rent/accounts/${id}/statement.pdf?${new URLSearchParams({ ...PERIOD, ...query })}`;

describe('rent statements', () => {
  it('gives the opening balance, every transaction with the running balance, and the closing balance, in English', async () => {
    expect(await statement({ language: 'EN' })).toEqual({
      __typename: 'RentStatement',
      accountId: account, paymentReference: 'TG-00042', language: 'EN', from: '2026-04-06', to: '2026-04-19',
      holderName: 'Gwenllian Ŵyn', address: ['3 Heol y Dŵr', 'Tŷ Newydd', 'Abertawe', 'SA1 1AA'], memberName: 'Ty Gwyn Housing',
      openingBalancePence: 6_000, closingBalancePence: 9_800, chargesPence: 11_500, paymentsPence: 8_000, otherPence: 300,
      pdfUrl: `/rent/accounts/${account}/statement.pdf?from=2026-04-06&to=2026-04-19&language=en`,
      lines: [
        { effectiveOn: '2026-04-06', label: 'Rent', description: 'Rent 6 to 12 April 2026', period: '6 April 2026 to 12 April 2026', amountPence: 10_000, balancePence: 16_000 },
        { effectiveOn: '2026-04-06', label: 'Service charge', description: 'Service charge 6 to 12 April 2026', period: '6 April 2026 to 12 April 2026', amountPence: 1_500, balancePence: 17_500 },
        { effectiveOn: '2026-04-10', label: 'Payment', description: 'Payment received', period: null, amountPence: -8_000, balancePence: 9_500 },
        { effectiveOn: '2026-04-12', label: 'Refund', description: 'Refund', period: null, amountPence: 500, balancePence: 10_000 },
        { effectiveOn: '2026-04-19', label: 'Adjustment', description: 'Test adjustment', period: null, amountPence: -200, balancePence: 9_800 },
      ],
      labels: {
        title: 'Rent account statement', holder: 'Contract-holder', openingBalance: 'Opening balance', closingBalance: 'Closing balance',
        totalCharged: 'Total charged', totalPaid: 'Total paid',
      },
    });
  });

  it("is in the contract-holder's language, Welsh here, unless asked otherwise", async () => {
    const welsh = await statement({});
    expect(welsh).toMatchObject({
      language: 'CY', memberName: 'Cymdeithas Tai Tŷ Gwyn', openingBalancePence: 6_000, closingBalancePence: 9_800,
      labels: {
        title: 'Datganiad cyfrif rhent', holder: 'Deiliad contract', openingBalance: 'Balans agoriadol', closingBalance: 'Balans terfynol',
        totalCharged: 'Cyfanswm a godwyd', totalPaid: 'Cyfanswm a dalwyd',
      },
    });
    expect(welsh.lines.map((line: any) => [line.label, line.period])).toEqual([
      ['Rhent', '6 Ebrill 2026 i 12 Ebrill 2026'], ['Tâl gwasanaeth', '6 Ebrill 2026 i 12 Ebrill 2026'],
      ['Taliad', null], ['Ad-daliad', null], ['Addasiad', null],
    ]);
    // A period with nothing in it opens and closes at the balance brought forward; the day after it, the next charge shows.
    expect(await statement({ from: '2026-04-13', to: '2026-04-18' })).toMatchObject({ openingBalancePence: 10_000, closingBalancePence: 10_000, lines: [] });
    expect(await statement({ from: '2026-04-20', to: '2026-04-20' })).toMatchObject({ openingBalancePence: 9_800, closingBalancePence: 19_800, chargesPence: 10_000 });
    // An English member's tenant, in English by default.
    const theirs = await api.gql(STATEMENT, { accountId: english, ...PERIOD }, { token: officer('millbrook') });
    expect(theirs.data!.rentStatement).toMatchObject({ language: 'EN', holderName: 'Mr Tom Price', memberName: 'Member millbrook', labels: { holder: 'Tenant' }, lines: [] });
  });

  it('answers a period backwards or not of dates, an unknown account and another member\'s account, and refuses a partner without rent:read', async () => {
    expect(await statement({ from: '2026-04-19', to: '2026-04-06' })).toEqual({
      __typename: 'StatementInvalid', code: 'STATEMENT_INVALID', message: 'The period ends (2026-04-06) before it starts (2026-04-19)',
      problems: [{ field: 'to', message: 'The period ends (2026-04-06) before it starts (2026-04-19)' }],
    });
    expect(await statement({ from: '2026-02-30' })).toMatchObject({ problems: [{ field: 'from', message: 'from must be a date written YYYY-MM-DD, not "2026-02-30"' }] });
    expect(await statement({ from: '2000-01-01' })).toMatchObject({ __typename: 'StatementInvalid', message: 'A statement covers at most 3660 days; ask for a shorter period' });
    expect(await statement({ accountId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ __typename: 'RentAccountNotFound', code: 'RENT_ACCOUNT_NOT_FOUND' });
    expect(await statement({}, officer('millbrook'))).toMatchObject({ __typename: 'RentAccountNotFound' });
    const badId = await api.gql(STATEMENT, { accountId: 'TG-00042', ...PERIOD }, { token: officer() });
    expect(badId.errors?.[0]).toMatchObject({ message: 'accountId must be a UUID', extensions: { code: 'BAD_USER_INPUT' } });
    const partner = await api.gql(STATEMENT, { accountId: account, ...PERIOD }, { token: tokens.partner('allpay', 'tygwyn', ['payments:write']) });
    expect(partner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reader = await api.gql(STATEMENT, { accountId: account, ...PERIOD }, { token: tokens.partner('reports', 'tygwyn', ['rent:read']) });
    expect(reader.data?.rentStatement.__typename).toBe('RentStatement');
  });

  it('downloads the statement as a PDF in Welsh and in English, with ŵ and ŷ', async () => {
    const welsh = await download(pdfPath({}), officer());
    expect(welsh).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(welsh.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const cy = pdfText(welsh.body);
    for (const text of [
      'Cymdeithas Tai Tŷ Gwyn', 'Datganiad cyfrif rhent', 'Deiliad contract: Gwenllian Ŵyn', 'Cyfeiriad: 3 Heol y Dŵr, Tŷ Newydd, Abertawe, SA1 1AA',
      'Cyfeirnod talu: TG-00042', 'Cyfnod: 6 Ebrill 2026 i 19 Ebrill 2026', 'Balans agoriadol', '£60.00', 'Rhent, 6 Ebrill 2026 i 12 Ebrill 2026',
      'Tâl gwasanaeth, 6 Ebrill 2026 i 12 Ebrill 2026', 'Taliad', '-£80.00', 'Ad-daliad', 'Balans terfynol: £98.00 mewn ôl-ddyled',
      'Cyfanswm a godwyd: £115.00', 'Cyfanswm a dalwyd: £80.00', 'Tudalen 1 / 1',
    ]) {
      expect(cy).toContain(text);
    }

    const english = await download(pdfPath({ language: 'EN' }), tokens.partner('reports', 'tygwyn', ['rent:read']));
    expect(english).toMatchObject({ status: 200, type: 'application/pdf' });
    const en = pdfText(english.body);
    for (const text of [
      'Ty Gwyn Housing', 'Rent account statement', 'Contract-holder: Gwenllian Ŵyn', 'Address: 3 Heol y Dŵr, Tŷ Newydd, Abertawe, SA1 1AA',
      'Period: 6 April 2026 to 19 April 2026', 'Opening balance', '06/04/2026', 'Rent, 6 April 2026 to 12 April 2026', '£175.00', 'Payment', 'Refund',
      'Adjustment', '-£2.00', 'Closing balance: £98.00 in arrears', 'Total charged: £115.00', 'Total paid: £80.00', 'Other movements: £3.00', 'Page 1 / 1',
    ]) {
      expect(en).toContain(text);
    }
    expect(en).not.toContain('Datganiad');
  });

  it('runs a long statement over pages, repeating the table heading', async () => {
    await db.admin.query(
      `insert into hearth.rent_transaction (tenant_id, account_id, kind, amount_pence, effective_on, description, charge_type, period_start, period_end, posted_by)
       select $1, $2, 'charge', 9000, d, 'Rent', 'rent', d, d + 6, 'test' from generate_series(0, 59) as w, lateral (select date '2025-04-07' + 7 * w as d) day`,
      [millbrook.id, english],
    );
    const pdf = await download(pdfPath({ from: '2025-04-01', to: '2026-06-30' }, english), officer('millbrook'));
    const text = pdfText(pdf.body);
    expect(text).toContain('Page 1 / 2');
    expect(text).toContain('Page 2 / 2');
    expect(text.split('\n').filter((run) => run === 'Description')).toHaveLength(2);
    expect(text).toContain('Closing balance: £5,400.00 in arrears');
  });

  it('refuses the PDF without a token, for another member\'s account, to a partner without rent:read, and for a bad period', async () => {
    expect(await download(pdfPath({}))).toMatchObject({ status: 401 });
    const foreign = await download(pdfPath({}), officer('millbrook'));
    expect(foreign.status).toBe(404);
    expect(JSON.parse(foreign.body.toString())).toEqual({ code: 'NOT_FOUND', message: `There is no rent account ${account}` });
    expect(await download(pdfPath({}), tokens.partner('allpay', 'tygwyn', ['payments:write']))).toMatchObject({ status: 403 });
    const backwards = await download(pdfPath({ from: '2026-04-19', to: '2026-04-06' }), officer());
    expect(backwards.status).toBe(400);
    expect(JSON.parse(backwards.body.toString())).toEqual({ code: 'BAD_USER_INPUT', message: 'The period ends (2026-04-06) before it starts (2026-04-19)' });
    expect(await download(pdfPath({ language: 'fr' }), officer())).toMatchObject({ status: 400 });
    expect(await download(pdfPath({}, 'not-an-id'), officer())).toMatchObject({ status: 400 });
  });
});
