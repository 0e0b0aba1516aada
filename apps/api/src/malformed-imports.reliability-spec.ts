import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc, { type Arbitrary } from 'fast-check';
import { systemActor, TransactionManager } from '@hearth/platform-database';
import { ImporterRegistry, ImportService, type ImportOutcome } from '@hearth/platform-imports';
import type { ImportColumn } from '@hearth/platform-kernel';
import { ModuleRegistry } from '@hearth/platform-kernel';
import { INSTALLED_MODULES } from '@hearth/distribution';
import { createTestDatabase, insertMember, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { startTestApi } from './testing';

/**
 * Malformed files of every import kind the installed modules register (ImporterRegistry, so a new
 * kind is covered once it has its sample in docs/imports), each refused with its problems named
 * and nothing changed anywhere in the database. fast-check derives each broken file from the
 * kind's sample and its declared columns: a column missing, unknown, repeated or misspelt; a
 * required cell empty, a number, date, yes/no or listed value that is not one, text too long; a
 * quote left open, a field too many or too few; binary, Windows-1252 or NUL bytes; an empty file,
 * a header alone, semicolons for commas, another kind's file. Before any of that, the sample
 * itself passes a dry run that would change something, so each refusal is the damage's doing.
 *
 * The imports run through ImportService in a unit of work of their own, as the worker runs them.
 */
/** Files per kind; IMPORT_FUZZ_RUNS changes it. */
const RUNS = Number(process.env.IMPORT_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const SAMPLES = join(__dirname, '../../../docs/imports');
/** Kinds whose sample refers to others' rows: a member gets these imported first. */
const PREREQUISITES: Record<string, string[]> = { tenancies: ['assets', 'people'] };

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
const kinds: Array<{ kind: string; columns: readonly ImportColumn[]; sample: string; member: TestMember }> = [];
let countEverything: string;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  api = await startTestApi(db.config);
  const modules = Object.fromEntries(new ModuleRegistry(INSTALLED_MODULES).all().filter((m) => !m.core).map((m) => [m.key, {}]));
  for (const { importer } of api.app.get(ImporterRegistry).all()) {
    const member = await insertMember(db.admin, `for-${importer.kind}`, modules);
    for (const before of PREREQUISITES[importer.kind] ?? []) {
      const outcome = await importAs(member, before, readFileSync(join(SAMPLES, `${before}.csv`)));
      if (outcome.status !== 'succeeded') throw new Error(`The ${before} sample was refused: ${JSON.stringify(outcome.problems)}`);
    }
    kinds.push({ kind: importer.kind, columns: importer.columns, sample: readFileSync(join(SAMPLES, `${importer.kind}.csv`), 'utf8'), member });
  }
  const { rows } = await db.admin.query(`select table_name from information_schema.tables where table_schema = 'hearth' and table_type = 'BASE TABLE' order by 1`);
  countEverything = `select ${rows.map((r) => `(select count(*) from hearth.${r.table_name})::int as "${r.table_name}"`).join(', ')}`;
}, 120_000);

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

async function importAs(member: TestMember, kind: string, file: Buffer, dryRun = false): Promise<ImportOutcome> {
  return api.app.get(TransactionManager).run({ actor: systemActor('test'), tenantId: member.id }, () =>
    api.app.get(ImportService).import(kind, () => Readable.from([file]), { dryRun }),
  );
}

it('covers every registered import kind, each of whose samples would change something', async () => {
  expect(kinds.map((k) => k.kind).sort()).toEqual(api.app.get(ImporterRegistry).all().map((r) => r.importer.kind).sort());
  for (const { kind, sample, member } of kinds) {
    const outcome = await importAs(member, kind, Buffer.from(sample), true);
    expect({ kind, status: outcome.status }).toEqual({ kind, status: 'succeeded' });
    if (outcome.status === 'succeeded') expect(outcome.counts.inserted + outcome.counts.updated).toBeGreaterThan(0);
  }
});

it('refuses every malformed file of every kind, says why, and changes nothing', async () => {
  const refusals = new Map<string, number>();
  const arbitrary = fc.oneof(...kinds.map((kind) => damaged(kind).map((damage) => ({ ...damage, kind }))));
  await fc.assert(
    fc.asyncProperty(arbitrary, async ({ kind, damage, file }) => {
      const before = (await db.admin.query(countEverything)).rows[0];
      const outcome = await importAs(kind.member, kind.kind, file);
      const after = (await db.admin.query(countEverything)).rows[0];
      expect({ damage, status: outcome.status }).toEqual({ damage, status: 'failed' });
      if (outcome.status !== 'failed') return;
      expect(outcome.problems.length).toBeGreaterThan(0);
      for (const problem of outcome.problems) {
        expect(problem.reason).toMatch(/\S/);
        expect(problem.reason).not.toMatch(/\bhearth\.|import_staging|violates|syntax error|QueryFailedError|\n\s+at /);
      }
      expect(after).toEqual(before);
      refusals.set(damage, (refusals.get(damage) ?? 0) + 1);
    }),
    { numRuns: RUNS * kinds.length, seed: SEED },
  );
  console.log(`malformed imports: ${[...refusals.values()].reduce((n, m) => n + m, 0)} files refused, seed ${SEED}: ${[...refusals].map(([d, n]) => `${d} ${n}`).join(', ')}`);
}, 300_000);

type Kind = (typeof kinds)[number];

/** Ways to break a kind's sample, each certain to make it a file Hearth must refuse. */
function damaged(kind: Kind): Arbitrary<{ damage: string; file: Buffer }> {
  const [header, ...rows] = kind.sample.trimEnd().split(/\r?\n/).map(parseRecord);
  const text = (records: string[][]) => Buffer.from(records.map(writeRecord).join('\n') + '\n');
  const column = fc.integer({ min: 0, max: header.length - 1 });
  const row = fc.integer({ min: 0, max: rows.length - 1 });
  const withCell = (r: number, c: number, value: string) => rows.map((cells, i) => (i === r ? cells.map((cell, j) => (j === c ? value : cell)) : cells));
  const other = kinds.filter((k) => k.kind !== kind.kind);
  const index = (name: string) => header.indexOf(name);

  const named = (damage: string, file: Arbitrary<Buffer>) => file.map((f) => ({ damage, file: f }));
  const choices: Array<Arbitrary<{ damage: string; file: Buffer }>> = [
    named('a column missing', column.map((c) => text([header, ...rows].map((cells) => cells.filter((_, j) => j !== c))))),
    named('an unknown column', fc.stringMatching(/^[a-z]{3,10}$/).map((extra) => text([[...header, `zz_${extra}`], ...rows.map((cells) => [...cells, 'x'])]))),
    named('a column twice', column.map((c) => text([[...header, header[c]], ...rows.map((cells) => [...cells, cells[c]])]))),
    named('a misspelt column', column.map((c) => text([header.map((name, j) => (j === c ? `${name}s` : name)), ...rows]))),
    // On the last line, so no later quote can close it.
    named('a quote left open', fc.constant(Buffer.concat([text([header, ...rows.slice(0, -1)]), Buffer.from(`"${writeRecord(rows[rows.length - 1])}\n`)]))),
    named('a field too many', row.map((r) => text([header, ...rows.map((cells, i) => (i === r ? [...cells, 'extra'] : cells))]))),
    named('a field too few', row.map((r) => text([header, ...rows.map((cells, i) => (i === r ? cells.slice(0, -1) : cells))]))),
    named('a NUL byte', row.map((r) => text([header, ...withCell(r, 0, `${rows[r][0]}\u0000`)]))),
    named('Windows-1252 text', row.map((r) => Buffer.concat([text([header, ...rows.slice(0, r)]), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])]))),
    named('binary', fc.constantFrom('PK\u0003\u0004', '%PDF-1.7', '\u00d0\u00cf\u0011\u00e0').map((magic) => Buffer.concat([Buffer.from(magic, 'latin1'), text([header, ...rows])]))),
    named('an empty file', fc.constantFrom(Buffer.alloc(0), Buffer.from('\n\n'))),
    named('a header alone', fc.constant(text([header]))),
    named('semicolons for commas', fc.constant(Buffer.from([header, ...rows].map((cells) => cells.join(';')).join('\n')))),
    ...(other.length ? [named("another kind's file", fc.constantFrom(...other.map((k) => Buffer.from(k.sample))))] : []),
  ];
  const required = kind.columns.filter((c) => c.required).map((c) => index(c.name));
  if (required.length) choices.push(named('a required cell empty', fc.tuple(row, fc.constantFrom(...required)).map(([r, c]) => text([header, ...withCell(r, c, '')]))));
  const typed = kind.columns.filter((c) => c.type === 'integer' || c.type === 'date' || c.type === 'boolean' || (c.values && c.type !== 'list'));
  if (typed.length) {
    const wrong = (c: ImportColumn) => (c.type === 'integer' ? 'twelve' : c.type === 'date' ? 'the 5th of May' : c.type === 'boolean' ? 'maybe' : 'zz-not-allowed');
    choices.push(named('a value of the wrong type', fc.tuple(row, fc.constantFrom(...typed)).map(([r, c]) => text([header, ...withCell(r, index(c.name), wrong(c))]))));
  }
  const limited = kind.columns.filter((c) => (c.type ?? 'text') === 'text' && c.maxLength && !c.values);
  if (limited.length) {
    choices.push(named('text too long', fc.tuple(row, fc.constantFrom(...limited)).map(([r, c]) => text([header, ...withCell(r, index(c.name), 'x'.repeat(c.maxLength! + 1))]))));
  }
  return fc.oneof(...choices);
}

/** One CSV record's fields (RFC 4180 quoting; the samples have no line breaks inside fields). */
function parseRecord(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  return [...fields, field];
}

function writeRecord(cells: string[]): string {
  return cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
}
