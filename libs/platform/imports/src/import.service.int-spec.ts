import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Injectable, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { systemActor, TransactionManager } from '@hearth/platform-database';
import {
  duplicateReferenceCheck,
  HearthModule,
  HearthPlatformModule,
  referenceColumns,
  resolveReferences,
  upsertByReference,
  type ImportCounts,
  type Importer,
} from '@hearth/platform-kernel';
import { createTestDatabase, insertMember, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { ImportsModule } from './imports.module';
import { ImportService, type ImportOptions } from './import.service';
import { ImportRuns } from './import-runs.service';
import { StoredFiles } from './files/stored-files';
import type { ImportOutcome } from './import-outcome';

/** A module of the test's own, so the machinery is tested apart from the register's importers. */
@Injectable()
class WidgetImporter implements Importer {
  readonly kind = 'widgets';
  readonly description = 'Widgets, for the tests.';
  readonly columns = [
    ...referenceColumns('widget'),
    { name: 'name', required: true, maxLength: 12, description: 'Name.' },
    { name: 'size', type: 'integer' as const, min: 1, max: 10, description: 'Size.' },
    { name: 'made_on', type: 'date' as const, description: 'Made on.' },
    { name: 'shiny', type: 'boolean' as const, description: 'Shiny.' },
    { name: 'tags', type: 'list' as const, values: ['red', 'blue'], description: 'Tags.' },
  ];
  readonly checksFrom = 'import_rows r join import_widget w on w.line = r.line';
  readonly checks = [duplicateReferenceCheck('w'), { column: 'name', failsWhen: `r.name = 'Gadget'`, reason: `'a gadget is not a widget'` }];

  constructor(private readonly transactions: TransactionManager) {}

  async prepare(): Promise<void> {
    await this.transactions.query(`create temporary table import_widget on commit drop as ${resolveReferences('hearth.widget_reference', 'widget_id')}`);
  }

  async apply(): Promise<ImportCounts> {
    const [counts] = await this.transactions.query<ImportCounts>(
      upsertByReference({
        table: 'hearth.widget',
        referenceTable: 'hearth.widget_reference',
        referenceColumn: 'widget_id',
        resolved: 'import_widget',
        values: {
          name: 'r.name',
          size: 'hearth.import_integer(r.size)',
          made_on: 'hearth.import_date(r.made_on)',
          shiny: 'hearth.import_boolean(r.shiny)',
          tags: 'hearth.import_list(r.tags)',
        },
      }),
    );
    return counts;
  }
}

@HearthModule({ key: 'widgets', name: 'Widgets', description: 'Test widgets.', version: '0.0.0', importers: [WidgetImporter] })
class WidgetsModule {}

const HEADER = 'reference_system,reference,name,size,made_on,shiny,tags';
const GOOD = `${HEADER}\nlegacy,W1,Sprocket,3,2024-03-31,yes,red;blue\nlegacy,W2,Flange,,31/12/2023,no,\nlegacy,W3,Grommet,10,,,blue\n`;

let db: TestDatabase;
let files: string;
let app: INestApplicationContext;
let member: TestMember;
let other: TestMember;

beforeAll(async () => {
  files = mkdtempSync(join(tmpdir(), 'hearth-imports-'));
  db = await createTestDatabase({ FILE_STORE_DIR: files });
  await db.admin.query(`
    set role hearth_owner;
    create table hearth.widget (
      tenant_id uuid not null references hearth.tenant (id), id uuid not null, name text not null, size int, made_on date, shiny boolean,
      tags text[] not null default '{}', created_at timestamptz not null default now(), updated_at timestamptz not null default now(),
      primary key (tenant_id, id), constraint widget_size_is_not_seven check (size is distinct from 7));
    create table hearth.widget_reference (
      tenant_id uuid not null, system text not null, reference text not null, widget_id uuid not null,
      primary key (tenant_id, system, reference), foreign key (tenant_id, widget_id) references hearth.widget (tenant_id, id));
    alter table hearth.widget enable row level security; alter table hearth.widget force row level security;
    alter table hearth.widget_reference enable row level security; alter table hearth.widget_reference force row level security;
    create policy tenant_isolation on hearth.widget using (tenant_id = (select hearth.current_tenant_id())) with check (tenant_id = (select hearth.current_tenant_id()));
    create policy tenant_isolation on hearth.widget_reference using (tenant_id = (select hearth.current_tenant_id())) with check (tenant_id = (select hearth.current_tenant_id()));
    reset role;`);
  member = await insertMember(db.admin, 'widget-maker', { widgets: {} });
  other = await insertMember(db.admin, 'no-widgets');
  app = await NestFactory.createApplicationContext(
    HearthPlatformModule.forRoot({ config: db.config, modules: [ImportsModule, WidgetsModule], process: 'test' }),
    { logger: false },
  );
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
  rmSync(files, { recursive: true, force: true });
});

beforeEach(async () => {
  await db.admin.query('truncate hearth.widget, hearth.widget_reference, hearth.import_run, hearth.stored_file, hearth.outbox_event cascade');
});

const actor = systemActor('test');
const asMember = <T>(fn: () => Promise<T>, tenantId = member.id) => app.get(TransactionManager).run({ actor, tenantId }, fn);
const fileOf = (content: string | Buffer) => () => Readable.from([Buffer.from(content)]);
const importing = (content: string | Buffer, options: ImportOptions = {}, tenantId = member.id): Promise<ImportOutcome> =>
  asMember(() => app.get(ImportService).import('widgets', fileOf(content), options), tenantId);
const widgets = async () => (await db.admin.query(`select r.reference, w.name, w.size, w.made_on::text, w.shiny, w.tags, w.updated_at
  from hearth.widget w join hearth.widget_reference r on r.widget_id = w.id order by r.reference`)).rows;
const counts = async () => (await db.admin.query(`select (select count(*) from hearth.widget)::int as widgets,
  (select count(*) from hearth.widget_reference)::int as refs`)).rows[0];

describe('a good file', () => {
  it('is applied whole, and importing it again changes nothing', async () => {
    expect(await importing(GOOD)).toEqual({ status: 'succeeded', rows: 3, counts: { inserted: 3, updated: 0, unchanged: 0 } });
    const first = await widgets();
    expect(first.map(({ updated_at, ...w }) => w)).toEqual([
      { reference: 'W1', name: 'Sprocket', size: 3, made_on: '2024-03-31', shiny: true, tags: ['red', 'blue'] },
      { reference: 'W2', name: 'Flange', size: null, made_on: '2023-12-31', shiny: false, tags: [] },
      { reference: 'W3', name: 'Grommet', size: 10, made_on: null, shiny: null, tags: ['blue'] },
    ]);
    expect(await importing(GOOD)).toEqual({ status: 'succeeded', rows: 3, counts: { inserted: 0, updated: 0, unchanged: 3 } });
    expect(await widgets()).toEqual(first);
  });

  it('updates exactly the rows that changed', async () => {
    await importing(GOOD);
    const before = await widgets();
    const changed = GOOD.replace('W2,Flange,,', 'W2,Flange,4,');
    expect(await importing(changed)).toMatchObject({ counts: { inserted: 0, updated: 1, unchanged: 2 } });
    const after = await widgets();
    expect(after[1]).toMatchObject({ reference: 'W2', size: 4 });
    expect(after[1].updated_at.getTime()).toBeGreaterThan(before[1].updated_at.getTime());
    expect([after[0], after[2]]).toEqual([before[0], before[2]]);
  });

  it('may have its columns in any order, Windows line endings, a byte-order mark, quoted cells and trailing blank lines', async () => {
    const file = '\ufefftags,name,reference,reference_system,size,made_on,shiny\r\n"red; blue","Cog, ""big""",W1,legacy, 3 ,2024-03-31,Y\r\n\r\n\r\n';
    expect(await importing(file)).toMatchObject({ status: 'succeeded', rows: 1 });
    expect(await widgets()).toEqual([expect.objectContaining({ name: 'Cog, "big"', size: 3, shiny: true, tags: ['red', 'blue'] })]);
  });
});

describe('a file with problems', () => {
  it('changes nothing and reports every bad row with its line, column and reason, in file order', async () => {
    await importing(GOOD);
    const before = await widgets();
    const bad = [
      HEADER,
      'legacy,W4,,0,2023-02-29,perhaps,red;green',
      'legacy,W5,A name far too long,11,2024-13-01,,',
      'legacy,W1,Gadget,x,yesterday,,',
      'legacy,W4,Hinge,1,,,',
      ',,Bolt,,,,',
    ].join('\n');
    const outcome = await importing(bad);
    expect(outcome).toEqual({
      status: 'failed',
      rows: 5,
      problemCount: 14,
      problems: [
        { line: 2, column: 'name', reason: 'a value is required' },
        { line: 2, column: 'size', reason: '"0" is not between 1 and 10' },
        { line: 2, column: 'made_on', reason: '"2023-02-29" is not a date (write 2024-03-31 or 31/03/2024)' },
        { line: 2, column: 'shiny', reason: '"perhaps" is not yes or no' },
        { line: 2, column: 'tags', reason: '"green" is not one of: red, blue' },
        { line: 3, column: 'name', reason: '"A name far too long" is 19 characters long; the most allowed is 12' },
        { line: 3, column: 'size', reason: '"11" is not between 1 and 10' },
        { line: 3, column: 'made_on', reason: '"2024-13-01" is not a date (write 2024-03-31 or 31/03/2024)' },
        { line: 4, column: 'name', reason: 'a gadget is not a widget' },
        { line: 4, column: 'size', reason: '"x" is not a whole number' },
        { line: 4, column: 'made_on', reason: '"yesterday" is not a date (write 2024-03-31 or 31/03/2024)' },
        { line: 5, column: 'reference', reason: '"W4" is already on line 2' },
        { line: 6, column: 'reference_system', reason: 'a value is required' },
        { line: 6, column: 'reference', reason: 'a value is required' },
      ],
    });
    expect(await widgets()).toEqual(before);
  });
});

describe('a file that is not a good CSV file of widgets', () => {
  const latin1Row = Buffer.concat([Buffer.from('legacy,W9,Caf'), Buffer.from([0xe9]), Buffer.from(',1,,,\n')]);
  const farDown = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from('legacy,W0,Filler,1,,,\n'.repeat(4000)), latin1Row]);

  it.each([
    ['an empty file', '', { line: null, column: null, reason: expect.stringMatching(/^The file is empty/) }],
    ['a header and nothing else', `${HEADER}\n`, { line: null, column: null, reason: 'The file has a header row but no rows to import' }],
    ['a spreadsheet', Buffer.concat([Buffer.from('504b030414000600', 'hex'), Buffer.alloc(100)]), { line: null, column: null, reason: expect.stringMatching(/^This is an Excel workbook/) }],
    ['a row short of values', `${HEADER}\nlegacy,W1,Sprocket,3,2024-03-31,yes,red\nlegacy,W2,Flange\n`, { line: 3, column: 'size', reason: 'This row has fewer values than the header has columns' }],
    ['a row with values to spare', `${HEADER}\nlegacy,W1,Sprocket,3,2024-03-31,yes,red,extra\n`, { line: 2, column: null, reason: 'This row has more values than the header has columns' }],
    ['a quote never closed', `${HEADER}\nlegacy,W1,"Sprocket,3,2024-03-31,yes,red\n`, { line: 2, column: null, reason: expect.stringMatching(/quoted value is never closed/) }],
    ['a row that is not UTF-8, beyond the part read first', farDown, { line: 4002, column: null, reason: expect.stringMatching(/not UTF-8 text/) }],
  ])('refuses %s and changes nothing', async (_case, content, problem) => {
    await importing(GOOD);
    const before = await widgets();
    expect(await importing(content)).toEqual({ status: 'failed', rows: 0, problems: [problem], problemCount: 1 });
    expect(await widgets()).toEqual(before);
  });

  it('refuses a header that does not name exactly the documented columns', async () => {
    const outcome = await importing('reference_system,reference,name,size,colour,tags\nlegacy,W1,Sprocket,3,red,red\n');
    expect(outcome).toMatchObject({
      status: 'failed',
      problems: [
        { line: 1, column: 'colour', reason: expect.stringMatching(/^"colour" is not a column of a file of widgets/) },
        { line: 1, column: 'made_on', reason: 'The header has no "made_on" column' },
        { line: 1, column: 'shiny', reason: 'The header has no "shiny" column' },
      ],
    });
    expect(await counts()).toEqual({ widgets: 0, refs: 0 });
  });
});

describe('the unit of work around an import', () => {
  it("rolls back only the import: the caller's own work in the same transaction is kept", async () => {
    await asMember(async () => {
      const transactions = app.get(TransactionManager);
      await transactions.query(`insert into hearth.widget (tenant_id, id, name) values ($1, gen_random_uuid(), 'Kept')`, [member.id]);
      expect(await app.get(ImportService).import('widgets', fileOf(`${HEADER}\nlegacy,W1,,,,,\n`))).toMatchObject({ status: 'failed' });
      // The import's temporary tables went with its savepoint.
      expect(await transactions.query(`select relname from pg_class where relname like 'import\\_%' and relpersistence = 't'`)).toEqual([]);
    });
    expect((await widgets()).length + (await counts()).widgets).toBe(1);
  });

  it('reports a rule the table refuses when the checks did not see it coming, and applies nothing', async () => {
    expect(await importing(GOOD.replace('W1,Sprocket,3,', 'W1,Sprocket,7,'))).toEqual({
      status: 'failed',
      rows: 3,
      problemCount: 1,
      problems: [{ line: null, column: null, reason: expect.stringMatching(/^While the file was being applied a row broke a rule of the register \(widget_size_is_not_seven\), so nothing was applied/) }],
    });
    expect(await counts()).toEqual({ widgets: 0, refs: 0 });
  });

  it('does a dry run: checks and counts, then writes nothing', async () => {
    expect(await importing(GOOD, { dryRun: true })).toEqual({ status: 'succeeded', rows: 3, counts: { inserted: 3, updated: 0, unchanged: 0 } });
    expect(await counts()).toEqual({ widgets: 0, refs: 0 });
  });

  it('keeps the first thousand problems and counts them all', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `legacy,W${i},,,,,`);
    const outcome = await importing([HEADER, ...rows].join('\n'));
    expect(outcome).toMatchObject({ status: 'failed', rows: 1500, problemCount: 1500 });
    const { problems } = outcome as Extract<ImportOutcome, { status: 'failed' }>;
    expect([problems.length, problems[0], problems[999]]).toEqual([
      1000,
      { line: 2, column: 'name', reason: 'a value is required' },
      { line: 1001, column: 'name', reason: 'a value is required' },
    ]);
  });

  it("answers for a member whose module is off that its files cannot be imported", async () => {
    expect(await importing(GOOD, {}, other.id)).toEqual({
      status: 'failed',
      rows: 0,
      problemCount: 1,
      problems: [{ line: null, column: null, reason: 'The Widgets module is switched off for this member, so its files cannot be imported' }],
    });
  });
});

describe('import runs', () => {
  async function queue(content: string): Promise<string> {
    return asMember(async () => {
      const file = await app.get(StoredFiles).keep('widgets.csv', 'text/csv', Readable.from([Buffer.from(content)]));
      return (await app.get(ImportRuns).create('widgets', file.id)).id;
    });
  }
  const execute = (runId: string, onProgress?: Parameters<ImportRuns['execute']>[1]) => asMember(() => app.get(ImportRuns).execute(runId, onProgress));
  /** Audit entries and events of the runs since `since` (the audit log is append-only, so it is never emptied between tests). */
  const trail = async (since: Date) =>
    (await db.admin.query(
      `select (select count(*) from hearth.audit_log where target_type = 'import_run' and occurred_at >= $1)::int as audit,
         (select count(*) from hearth.outbox_event where type = 'imports.run.applied')::int as events`,
      [since],
    )).rows[0];

  it('shows its progress to others while the import is still open, and its outcome once it commits', async () => {
    const runId = await queue(GOOD);
    const seen: unknown[] = [];
    const run = await execute(runId, async () => {
      const { rows } = await db.admin.query(
        `select status, rows_staged, rows_validated, rows_applied, (select count(*)::int from hearth.widget) as widgets from hearth.import_run where id = $1`,
        [runId],
      );
      seen.push(rows[0]);
    });
    // The last three reports end the phases; earlier ones, while rows stream in, depend on timing.
    expect(seen.slice(-3)).toEqual([
      { status: 'running', rows_staged: 3, rows_validated: 0, rows_applied: 0, widgets: 0 },
      { status: 'running', rows_staged: 3, rows_validated: 3, rows_applied: 0, widgets: 0 },
      { status: 'running', rows_staged: 3, rows_validated: 3, rows_applied: 3, widgets: 0 },
    ]);
    expect(run).toMatchObject({ status: 'succeeded', counts: { inserted: 3, updated: 0, unchanged: 0 }, errorCount: 0 });
    expect(await counts()).toEqual({ widgets: 3, refs: 3 });
  });

  it('leaves one audit entry and one event for a run that changed something, and none for one that did not', async () => {
    const since = new Date();
    await execute(await queue(GOOD));
    expect(await trail(since)).toEqual({ audit: 1, events: 1 });
    expect(await execute(await queue(GOOD))).toMatchObject({ status: 'succeeded', counts: { inserted: 0, updated: 0, unchanged: 3 } });
    expect(await trail(since)).toEqual({ audit: 1, events: 1 });
  });

  it('is applied once however often its job is delivered, even twice at the same time', async () => {
    const since = new Date();
    const runId = await queue(GOOD);
    const [first, second] = await Promise.all([execute(runId), execute(runId)]);
    expect([first.status, second.status]).toEqual(['succeeded', 'succeeded']);
    expect(await execute(runId)).toMatchObject({ status: 'succeeded', counts: { inserted: 3, updated: 0, unchanged: 0 } });
    expect(await counts()).toEqual({ widgets: 3, refs: 3 });
    expect(await trail(since)).toEqual({ audit: 1, events: 1 });
  });

  it('records a failed run with its problems, and gives it no second try', async () => {
    const runId = await queue(`${HEADER}\nlegacy,W1,,,,,\nlegacy,W2,Flange,99,,,\n`);
    const run = await execute(runId);
    expect(run).toMatchObject({ status: 'failed', counts: null, errorCount: 2, progress: { rowsStaged: 2, rowsValidated: 0, rowsApplied: 0 } });
    const [page] = await asMember(() => app.get(ImportRuns).problems([runId], { first: 1 }));
    expect(page).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { line: 2, column: 'name', reason: 'a value is required' } }] });
    const [next] = await asMember(() => app.get(ImportRuns).problems([runId], { first: 5, after: page.pageInfo.endCursor! }));
    expect(next.edges.map((e) => e.node)).toEqual([{ line: 3, column: 'size', reason: '"99" is not between 1 and 10' }]);
    // Fixing the file means a new run; this one stays as it was.
    expect(await execute(runId)).toMatchObject({ status: 'failed', errorCount: 2 });
    expect(await counts()).toEqual({ widgets: 0, refs: 0 });
  });

  it('keeps the file it was given, byte for byte', async () => {
    const runId = await queue(GOOD);
    const { rows } = await db.admin.query(`select f.id, f.tenant_id, f.size_bytes::int as size from hearth.import_run r join hearth.stored_file f on f.id = r.file_id where r.id = $1`, [runId]);
    expect(rows[0].size).toBe(Buffer.byteLength(GOOD));
    expect(readFileSync(join(files, rows[0].tenant_id, rows[0].id), 'utf8')).toBe(GOOD);
  });
});
