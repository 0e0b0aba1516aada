import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, insertMember, type TestDatabase } from '@hearth/platform-testing';

const WORKSPACE = join(__dirname, '../../../..');
let db: TestDatabase;
let files: string;

beforeAll(async () => {
  files = mkdtempSync(join(tmpdir(), 'hearth-import-command-'));
  db = await createTestDatabase();
  await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {} });
  await insertMember(db.admin, 'thistle');
});

afterAll(async () => {
  await db?.drop();
  rmSync(files, { recursive: true, force: true });
});

/** Runs `npm run hearth -- import ...` as an operator would, against this file's database. */
async function hearth(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DB_NAME: db.name, LOG_LEVEL: 'silent', FILE_STORE_DIR: files };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'apps/cli/src/main.ts', ...args], { cwd: WORKSPACE, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const assets = async () => (await db.admin.query(`select count(*)::int as n from hearth.asset`)).rows[0].n;

describe('hearth import', () => {
  it('prints what a dry run would do, and writes nothing', async () => {
    const result = await hearth('import', 'assets', 'docs/imports/assets.csv', '--tenant', 'millbrook', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✔ dry run of assets, 12 rows: 12 inserted, 0 updated, 0 unchanged; nothing was written\n$/);
    expect(await assets()).toBe(0);
  });

  it('imports a file, printing its progress, and finds nothing to change the second time', async () => {
    const first = await hearth('import', 'assets', 'docs/imports/assets.csv', '--tenant', 'millbrook');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/ {2}checked 12 rows\n {2}applied 12 rows\n✔ imported assets, 12 rows: 12 inserted, 0 updated, 0 unchanged\n$/);
    const second = await hearth('import', 'assets', 'docs/imports/assets.csv', '--tenant', 'millbrook');
    expect(second.stdout).toMatch(/✔ imported assets, 12 rows: 0 inserted, 0 updated, 12 unchanged\n$/);
    const { rows } = await db.admin.query(`select status, started_by from hearth.import_run order by created_at`);
    expect(rows).toEqual([
      { status: 'succeeded', started_by: expect.stringMatching(/^hearth import \(.+\)$/) },
      { status: 'succeeded', started_by: expect.stringMatching(/^hearth import \(.+\)$/) },
    ]);
  });

  it('prints every problem of a bad file with its line and column, exits 1, and applies nothing', async () => {
    const file = join(files, 'bad.csv');
    writeFileSync(file, 'reference_system,reference,given_name,family_name,title,date_of_birth,email,phone,preferred_language,communication_needs\n'
      + 'orchard,P-1,Ann,,,,,,,\norchard,P-2,Bob,Jones,,31/02/1980,,,,\n');
    const result = await hearth('import', 'people', file, '--tenant', 'millbrook');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        `✖ 2 problems in ${file}; nothing was imported:`,
        '  line 2, family_name: a value is required',
        '  line 3, date_of_birth: "31/02/1980" is not a date (write 2024-03-31 or 31/03/2024)',
        '',
      ].join('\n'),
    );
    expect((await db.admin.query(`select count(*)::int as n from hearth.person`)).rows[0].n).toBe(0);
  });

  it.each([
    [['import', 'assets', 'docs/imports/assets.csv', '--tenant', 'atlantis'], '✖ There is no member "atlantis"'],
    [['import', 'rent', 'docs/imports/assets.csv', '--tenant', 'millbrook'], '✖ Hearth cannot import "rent"; it can import assets, people, tenancies, sor-codes, payments'],
    [['import', 'assets', 'docs/imports/assets.csv', '--tenant', 'thistle'], '✖ The Assets module is switched off for this member, so its files cannot be imported'],
    [['import', 'assets', 'no/such/file.csv', '--tenant', 'millbrook'], "✖ Cannot read no/such/file.csv: ENOENT: no such file or directory, access 'no/such/file.csv'"],
  ])('refuses %j, saying why', async (args, message) => {
    const result = await hearth(...args);
    expect(result).toMatchObject({ code: 1, stderr: `${message}\n` });
  });
});
