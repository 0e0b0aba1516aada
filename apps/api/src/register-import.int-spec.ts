import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { systemActor, TransactionManager } from '@hearth/platform-database';
import { describeProblem, ImportRuns, MAX_KEPT_PROBLEMS, StoredFiles } from '@hearth/platform-imports';
import { createTestDatabase, insertMember, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { startTestApi } from './testing';

/**
 * The register's importers (assets, people, tenancies) with the sample files in docs/imports,
 * run the way the worker and the CLI run them: a kept file, a run, executed in the member's
 * unit of work. The HTTP and GraphQL way in, and the worker, are in imports.int-spec.ts.
 */
const SAMPLES = join(__dirname, '../../../docs/imports');
const sample = (kind: string) => readFileSync(join(SAMPLES, `${kind}.csv`), 'utf8');

let db: TestDatabase;
let api: TestApi;
let files: string;
let millbrook: TestMember;
let aber: TestMember;

beforeAll(async () => {
  files = mkdtempSync(join(tmpdir(), 'hearth-register-import-'));
  db = await createTestDatabase({ FILE_STORE_DIR: files });
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {} });
  aber = await insertMember(db.admin, 'aber', { assets: {}, tenancies: {} }, { country: 'wales', languages: ['cy', 'en'] });
  api = await startTestApi(db.config);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
  rmSync(files, { recursive: true, force: true });
});

interface Imported {
  status: string;
  counts: { inserted: number; updated: number; unchanged: number } | null;
  problems: string[];
  errorCount: number;
}

/** Keeps the file, records a run, and executes it, each in a unit of work of the member's. */
async function importFile(kind: string, content: string, member: TestMember = millbrook): Promise<Imported> {
  const transactions = api.app.get(TransactionManager);
  const runs = api.app.get(ImportRuns);
  const work = { actor: systemActor('test'), tenantId: member.id };
  const queued = await transactions.run(work, async () => {
    const file = await api.app.get(StoredFiles).keep(`${kind}.csv`, 'text/csv', Readable.from([Buffer.from(content)]));
    return runs.create(kind, file.id);
  });
  const run = await transactions.run(work, () => runs.execute(queued.id));
  const [page] = await transactions.run(work, () => runs.problems([run.id], { first: MAX_KEPT_PROBLEMS }));
  return { status: run.status, counts: run.counts, errorCount: run.errorCount, problems: page.edges.map((edge) => describeProblem(edge.node)) };
}

/** Every register table's rows, with when each last changed: what "nothing changed" is checked against. */
async function register(): Promise<Record<string, unknown[]>> {
  const tables = ['asset', 'asset_reference', 'person', 'person_reference', 'tenancy', 'tenancy_reference', 'tenancy_party', 'tenancy_event'];
  const snapshot: Record<string, unknown[]> = {};
  for (const table of tables) snapshot[table] = (await db.admin.query(`select * from hearth.${table} order by 1, 2, 3`)).rows;
  return snapshot;
}

const trail = async () =>
  (await db.admin.query(`select (select count(*) from hearth.audit_log)::int as audit, (select count(*) from hearth.outbox_event)::int as events`)).rows[0];

/** A sample file with its header and the rows given, for malformed-file cases. */
const withRows = (kind: string, ...rows: string[]) => [sample(kind).split('\n')[0], ...rows].join('\n') + '\n';

describe('the sample files, in order: assets, people, tenancies', () => {
  it.each([
    ['assets', 12],
    ['people', 8],
    ['tenancies', 6],
  ])('import %s whole', async (kind, rows) => {
    expect(await importFile(kind, sample(kind))).toEqual({ status: 'succeeded', counts: { inserted: rows, updated: 0, unchanged: 0 }, errorCount: 0, problems: [] });
  });

  it('build the register the files describe', async () => {
    const { rows: assets } = await db.admin.query(`
      select ref.reference, a.kind, parent_ref.reference as parent, a.postcode, a.uprn::text, a.accessibility
      from hearth.asset a join hearth.asset_reference ref on ref.asset_id = a.id
      left join hearth.asset_reference parent_ref on parent_ref.asset_id = a.parent_id
      where a.tenant_id = $1 and ref.reference in ('EST-001', 'DW-0001', 'DW-0006', 'DW-0007') order by 1`, [millbrook.id]);
    expect(assets).toEqual([
      { reference: 'DW-0001', kind: 'dwelling', parent: 'BLK-001', postcode: 'MB1 2AB', uprn: '900000000201', accessibility: ['level_access', 'wet_room'] },
      { reference: 'DW-0006', kind: 'dwelling', parent: 'EST-001', postcode: 'MB1 2AE', uprn: '900000000206', accessibility: ['wide_doors', 'ramp'] },
      { reference: 'DW-0007', kind: 'dwelling', parent: null, postcode: 'MB3 9QT', uprn: '900000000207', accessibility: [] },
      { reference: 'EST-001', kind: 'estate', parent: null, postcode: null, uprn: null, accessibility: [] },
    ]);
    const { rows: households } = await db.admin.query(`
      select ref.reference, string_agg(person_ref.reference || ' ' || party.role, ', ' order by person_ref.reference) as parties
      from hearth.tenancy t join hearth.tenancy_reference ref on ref.tenancy_id = t.id
      join hearth.tenancy_party party on party.tenancy_id = t.id join hearth.person_reference person_ref on person_ref.person_id = party.person_id
      where ref.reference = 'T-0002' group by ref.reference`);
    expect(households).toEqual([{ reference: 'T-0002', parties: 'P-0001 tenant, P-0002 tenant, P-0003 household_member' }]);
    const { rows: events } = await db.admin.query(`select kind, count(*)::int as n from hearth.tenancy_event group by kind order by kind`);
    expect(events).toEqual([{ kind: 'ended', n: 1 }, { kind: 'started', n: 6 }]);
  });

  it.each(['assets', 'people', 'tenancies'])('change nothing when %s is imported again: no update, no audit entry, no event', async (kind) => {
    const before = { register: await register(), trail: await trail() };
    expect(await importFile(kind, sample(kind))).toMatchObject({ status: 'succeeded', counts: { inserted: 0, updated: 0, unchanged: expect.any(Number) } });
    expect({ register: await register(), trail: await trail() }).toEqual(before);
  });

  it('update exactly the row that changed', async () => {
    const before = await register();
    const changed = sample('assets').replace('Flat 3 Kingfisher House,Riverside Way,Millbrook,MB1 2AB,900000000203,2,', 'Flat 3 Kingfisher House,Riverside Way,Millbrook,MB1 2AB,900000000203,3,');
    expect(await importFile('assets', changed)).toMatchObject({ status: 'succeeded', counts: { inserted: 0, updated: 1, unchanged: 11 } });
    const after = await register();
    const differ = (after.asset as Array<{ id: string }>).filter((row, i) => JSON.stringify(row) !== JSON.stringify(before.asset[i]));
    expect(differ).toEqual([expect.objectContaining({ bedrooms: 3, address_line_1: 'Flat 3 Kingfisher House' })]);
    expect({ ...after, asset: [] }).toEqual({ ...before, asset: [] });
  });
});

/** Malformed files: each is refused whole, with every bad row named, and the register is as it was. */
describe('files with problems change nothing', () => {
  let before: Record<string, unknown[]>;
  beforeEach(async () => {
    before = await register();
  });
  afterEach(async () => {
    expect(await register()).toEqual(before);
  });

  it('wrong columns', async () => {
    const result = await importFile('people', 'reference_system,reference,given_name,surname,date_of_birth,email,phone,preferred_language,communication_needs,notes\norchard,P-0100,Ann,Jones,,,,,,\n');
    expect(result).toMatchObject({ status: 'failed', counts: null });
    expect(result.problems).toEqual([
      'line 1, surname: "surname" is not a column of a file of people (the columns are reference_system, reference, title, given_name, family_name, date_of_birth, email, phone, preferred_language, communication_needs)',
      'line 1, notes: "notes" is not a column of a file of people (the columns are reference_system, reference, title, given_name, family_name, date_of_birth, email, phone, preferred_language, communication_needs)',
      'line 1, title: The header has no "title" column',
      'line 1, family_name: The header has no "family_name" column',
    ]);
  });

  it('bad postcodes, bad UPRNs, repeated references and UPRNs, and parents that do not fit', async () => {
    const result = await importFile(
      'assets',
      withRows(
        'assets',
        'orchard,DW-0100,dwelling,BLK-001,,Flat 4 Kingfisher House,,Millbrook,ZZ1,12a,2,1,1968,district,yes,,North',
        'orchard,DW-0101,dwelling,BLK-001,,Flat 5 Kingfisher House,,Millbrook,MB1 2A,900000000201,2,1,1968,district,yes,,North',
        'orchard,DW-0100,dwelling,BLK-001,,Flat 6 Kingfisher House,,Millbrook,MB1 2AB,900000000999,2,1,1968,district,yes,,North',
        'orchard,DW-0102,dwelling,BLK-404,,Flat 7 Kingfisher House,,Millbrook,MB1 2AB,900000000999,2,1,1968,district,yes,,North',
        'orchard,DW-0103,dwelling,DW-0001,,Flat 1a Kingfisher House,,Millbrook,MB1 2AB,,2,1,1968,district,yes,hoist;jacuzzi,North',
        'orchard,EST-002,estate,EST-001,Another Estate,,,Millbrook,,,3,,,,,,North',
      ),
    );
    expect(result).toMatchObject({ status: 'failed', errorCount: 11 });
    expect(result.problems).toEqual([
      'line 2, postcode: "ZZ1" is not a full UK postcode (like CF10 1AA)',
      'line 2, uprn: "12a" is not a UPRN: 1 to 12 digits, and not 0',
      'line 3, postcode: "MB1 2A" is not a full UK postcode (like CF10 1AA)',
      'line 3, uprn: UPRN 900000000201 is already recorded on asset "DW-0001" of orchard',
      'line 4, reference: "DW-0100" is already on line 2',
      'line 5, parent_reference: No asset has the reference "BLK-404" of orchard, in this file or in Hearth',
      'line 5, uprn: UPRN 900000000999 is also on line 4',
      'line 6, parent_reference: A dwelling can only be part of an estate or a block, not a dwelling',
      'line 6, accessibility: "jacuzzi" is not one of: level_access, step_free_entrance, wheelchair_adapted, wet_room, stairlift, through_floor_lift, hoist, ramp, wide_doors, visual_alarm',
      'line 7, parent_reference: An estate cannot be part of another asset',
      'line 7, bedrooms: An estate cannot have bedrooms',
    ]);
  });

  it('an asset made its own parent, or changed to a kind that cannot hold what is already part of it', async () => {
    const result = await importFile(
      'assets',
      withRows(
        'assets',
        'orchard,BLK-001,dwelling,EST-001,,Kingfisher House,Riverside Way,Millbrook,MB1 2AB,900000000101,,,1968,district,yes,,North',
        'orchard,BLK-003,block,BLK-003,Loop House,,,,,,,,,,,,',
      ),
    );
    expect(result.problems).toEqual([
      'line 2, kind: It has assets that cannot be part of a dwelling (such as "CA-001")',
      'line 3, parent_reference: An asset cannot be part of itself',
    ]);
  });

  it('rows missing their references, or whose parent is not a kind of asset', async () => {
    const assets = await importFile(
      'assets',
      withRows(
        'assets',
        ',,dwelling,BLK-001,,Flat 8,,,MB1 2AB,,,,,,,,',
        ',,dwelling,BLK-001,,Flat 9,,,MB1 2AB,,,,,,,,',
        'orchard,X-1,shed,,Shed,,,,,,,,,,,,',
        'orchard,X-2,garage,X-1,Garage 2,,,,,,,,,,,,',
      ),
    );
    expect(assets.problems).toEqual([
      'line 2, reference_system: a value is required',
      'line 2, reference: a value is required',
      'line 3, reference_system: a value is required',
      'line 3, reference: a value is required',
      'line 4, kind: "shed" is not one of: estate, block, dwelling, communal, garage',
    ]);
    const tenancies = await importFile('tenancies', withRows('tenancies', ',,DW-0003,assured,2020-01-01,,,P-0001,', ',,DW-0003,assured,2020-02-01,,,P-0001,'));
    expect(tenancies.problems).toEqual([
      'line 2, reference_system: a value is required',
      'line 2, reference: a value is required',
      'line 3, reference_system: a value is required',
      'line 3, reference: a value is required',
    ]);
  });

  it('people who are not what a person can be', async () => {
    const result = await importFile(
      'people',
      withRows('people', 'orchard,P-0100,,R2-D2,Droid,2999-01-01,not-an-email,12345,fr,braille', 'orchard,P-0100,,Ann,Jones,,,,,'),
    );
    expect(result.problems).toEqual([
      'line 2, given_name: "R2-D2" may hold letters, spaces, hyphens, apostrophes and full stops only',
      'line 2, date_of_birth: "2999-01-01" is in the future',
      'line 2, email: "not-an-email" is not an e-mail address',
      'line 2, phone: "12345" is not a UK phone number, or an international one starting with +',
      'line 2, preferred_language: "fr" is not one of: en, cy',
      'line 3, reference: "P-0100" is already on line 2',
    ]);
  });

  it('overlapping tenancies, in the file and against Hearth, and people or dwellings Hearth does not have', async () => {
    const result = await importFile(
      'tenancies',
      withRows(
        'tenancies',
        'orchard,T-0100,DW-0003,assured,2020-01-01,,,P-0001,',
        'orchard,T-0101,DW-0003,assured,01/06/2021,,,P-0099;P-0098,P-0097',
        'orchard,T-0102,DW-0001,assured,2015-01-01,2016-01-01,notice,P-0004,',
        'orchard,T-0103,BLK-001,assured,2015-01-01,,,P-0005,P-0005',
        'orchard,T-0104,DW-9999,assured,2015-01-01,2014-01-01,,P-0005,',
      ),
    );
    expect(result.problems).toEqual([
      'line 3, start_date: Overlaps tenancy "T-0100" on line 2, on the same dwelling',
      'line 3, tenant_references: Not in Hearth (import the people first): "P-0098; P-0099"',
      'line 3, household_member_references: Not in Hearth (import the people first): "P-0097"',
      'line 4, start_date: Overlaps tenancy "T-0001" (from 2012-04-02, with no end date), already recorded on this dwelling',
      'line 5, dwelling_reference: "BLK-001" is a block, not a dwelling',
      'line 5, household_member_references: Also listed as tenants: "P-0005"',
      'line 6, dwelling_reference: No asset has the reference "DW-9999" of orchard: import the assets first',
      'line 6, end_date: "2014-01-01" is before the start_date',
      'line 6, end_reason: A tenancy with an end_date needs an end_reason',
    ]);
  });

  it('a file that is not CSV, an empty file, and a header with no rows', async () => {
    const workbook = Buffer.concat([Buffer.from('504b03041400060008000000', 'hex'), Buffer.alloc(64)]).toString('latin1');
    expect((await importFile('tenancies', workbook)).problems).toEqual([expect.stringMatching(/^This is an Excel workbook \(or another zip file\), not a CSV file/)]);
    expect((await importFile('assets', '')).problems).toEqual(['The file is empty: a file of assets starts with a header row naming its columns']);
    expect((await importFile('people', withRows('people'))).problems).toEqual(['The file has a header row but no rows to import']);
  });
});

describe('tenure by nation', () => {
  it("refuses a tenure the member's nation does not grant on the start date, and takes one it does", async () => {
    await importFile('assets', sample('assets'), aber);
    await importFile('people', sample('people'), aber);
    const result = await importFile(
      'tenancies',
      withRows('tenancies', 'orchard,T-0001,DW-0001,assured,2023-01-09,,,P-0004,', 'orchard,T-0002,DW-0002,assured,2016-09-05,,,P-0001,'),
      aber,
    );
    expect(result.problems).toEqual(['line 2, tenure_type: "assured" is not a tenure a member in Wales can grant on 2023-01-09']);
    const contract = await importFile('tenancies', withRows('tenancies', 'orchard,T-0001,DW-0001,secure_contract,2023-01-09,,,P-0004,'), aber);
    expect(contract).toMatchObject({ status: 'succeeded', counts: { inserted: 1 } });
  });
});
