import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { createTestDatabase, insertMember, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { startTestApi } from './testing';

/**
 * Bulk import the way the console does it: POST the file, startImport, and poll importRun while
 * the real worker (a process of its own, as deployed) runs the job.
 */
const WORKSPACE = join(__dirname, '../../..');
const sample = (kind: string) => readFileSync(join(WORKSPACE, 'docs/imports', `${kind}.csv`), 'utf8');

const tokens = new TestTokens();
const prefix = `hearth-test-${randomBytes(4).toString('hex')}`;
let files: string;
let db: TestDatabase;
let api: TestApi;
let worker: ChildProcess | undefined;
let millbrook: TestMember;

beforeAll(async () => {
  files = mkdtempSync(join(tmpdir(), 'hearth-imports-api-'));
  db = await createTestDatabase({ ...tokens.env, REDIS_PREFIX: prefix, FILE_STORE_DIR: files, FILE_UPLOAD_MAX_MB: '1' });
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {} });
  await insertMember(db.admin, 'thistle', { assets: {}, tenancies: {} });
  await insertMember(db.admin, 'no-register');
  api = await startTestApi(db.config);
});

afterAll(async () => {
  if (worker?.exitCode === null) {
    const exited = new Promise((resolve) => worker!.once('exit', resolve));
    worker.kill('SIGTERM');
    await exited;
  }
  await api?.close();
  const redis = new IORedis(db.config.redis.url);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await db?.drop();
  rmSync(files, { recursive: true, force: true });
});

const officer = (member = 'millbrook') => tokens.user(member, ['housing-officer'], { name: 'Sam Patel' });
const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

async function upload(content: string | Buffer, token = officer(), type = 'text/csv', name = 'assets.csv'): Promise<{ status: number; body: any }> {
  const response = await fetch(`${api.url}/files?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof content === 'string' ? content : new Uint8Array(content),
  });
  return { status: response.status, body: await response.json() };
}

const START = `mutation ($kind: String!, $fileId: ID!) {
  startImport(kind: $kind, fileId: $fileId) {
    __typename
    ... on ImportStarted { run { id kind status startedBy file { name size } } }
    ... on ErrorResult { code message }
    ... on UnknownImportKind { kinds }
    ... on ImportModuleDisabled { module }
  }
}`;
const RUN = `query ($id: ID!) {
  importRun(id: $id) {
    id kind status startedBy startedAt finishedAt errorCount
    progress { rowsStaged rowsValidated rowsApplied }
    counts { inserted updated unchanged }
    errors(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { node { line column reason } } }
  }
}`;

async function start(kind: string, fileId: string, token = officer()) {
  const res = await api.gql(START, { kind, fileId }, { token });
  expect(res.errors).toBeUndefined();
  return res.data!.startImport;
}

async function finished(id: string, token = officer()): Promise<any> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await api.gql(RUN, { id }, { token });
    expect(res.errors).toBeUndefined();
    const run = res.data!.importRun;
    if (run.status === 'SUCCEEDED' || run.status === 'FAILED') return run;
    if (Date.now() > deadline) throw new Error(`import run ${id} is still ${run.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('POST /files', () => {
  it('keeps a CSV file for the member and answers its id', async () => {
    const res = await upload(sample('assets'));
    expect(res).toEqual({
      status: 201,
      body: { id: expect.any(String), name: 'assets.csv', size: Buffer.byteLength(sample('assets')), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), uploadedBy: 'Sam Patel', uploadedAt: expect.any(String) },
    });
    expect(readFileSync(join(files, millbrook.id, res.body.id), 'utf8')).toBe(sample('assets'));
  });

  it.each([
    ['no token', () => upload('a,b\n', ''), 401, 'UNAUTHENTICATED'],
    ['a role that may not import', () => upload('a,b\n', tokens.user('millbrook', ['income-officer'])), 403, 'FORBIDDEN'],
    ['a partner without the register:write scope', () => upload('a,b\n', tokens.partner('crm', 'millbrook', ['register:read'])), 403, 'FORBIDDEN'],
    ['a body that is not text/csv', () => upload('{"a":1}', officer(), 'application/json'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a file over the limit', () => upload(Buffer.alloc(1024 * 1024 + 1, 'a')), 413, 'PAYLOAD_TOO_LARGE'],
  ])('refuses %s, clearly, and keeps nothing', async (_case, send, status, code) => {
    const before = (await db.admin.query(`select count(*)::int as n from hearth.stored_file`)).rows[0].n;
    const res = await send();
    expect(res).toEqual({ status, body: { code, message: expect.any(String) } });
    expect((await db.admin.query(`select count(*)::int as n from hearth.stored_file`)).rows[0].n).toBe(before);
  });
});

describe('startImport', () => {
  let fileId: string;
  beforeAll(async () => {
    fileId = (await upload(sample('assets'))).body.id;
  });

  it('answers typed failures for an unknown kind and an unknown file', async () => {
    expect(await start('rent', fileId)).toEqual({
      __typename: 'UnknownImportKind',
      code: 'UNKNOWN_IMPORT_KIND',
      message: 'Hearth cannot import "rent"; it can import assets, people, tenancies, sor-codes, payments',
      kinds: ['assets', 'people', 'tenancies', 'sor-codes', 'payments'],
    });
    expect(await start('assets', '00000000-0000-4000-8000-000000000000')).toMatchObject({ __typename: 'FileNotFound', code: 'FILE_NOT_FOUND' });
    expect(await start('assets', 'not-an-id')).toMatchObject({ __typename: 'FileNotFound' });
  });

  it("answers MODULE_DISABLED for a kind whose module the member has switched off", async () => {
    const own = (await upload(sample('assets'), officer('no-register'))).body.id;
    expect(await start('assets', own, officer('no-register'))).toEqual({
      __typename: 'ImportModuleDisabled',
      code: 'MODULE_DISABLED',
      message: 'The Assets module is switched off for this member, so its files cannot be imported',
      module: 'assets',
    });
  });

  it("cannot use another member's file", async () => {
    expect(await start('assets', fileId, officer('thistle'))).toMatchObject({ __typename: 'FileNotFound' });
  });

  it('is refused to roles and partners without the permission, and changes nothing', async () => {
    const before = (await db.admin.query(`select count(*)::int as n from hearth.import_run`)).rows[0].n;
    const clerk = await api.gql(START, { kind: 'assets', fileId }, { token: tokens.user('millbrook', ['income-officer']) });
    expect(codeOf(clerk)).toBe('FORBIDDEN');
    const reader = await api.gql(START, { kind: 'assets', fileId }, { token: tokens.partner('crm', 'millbrook', ['register:read']) });
    expect(codeOf(reader)).toBe('FORBIDDEN');
    expect((await db.admin.query(`select count(*)::int as n from hearth.import_run`)).rows[0].n).toBe(before);
  });
});

describe('importKinds', () => {
  it('documents each kind and its columns, and whether the member may import it', async () => {
    const query = `{ importKinds { kind module enabled columns { name required type values } } }`;
    const res = await api.gql(query, {}, { token: tokens.partner('crm', 'no-register', ['register:read']) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.importKinds.map((k: any) => [k.kind, k.module, k.enabled])).toEqual([
      ['assets', 'assets', false],
      ['people', 'tenancies', false],
      ['tenancies', 'tenancies', false],
      ['sor-codes', 'repairs', false],
      ['payments', 'rent', false],
    ]);
    const assets = res.data!.importKinds[0].columns;
    expect(assets.map((c: any) => c.name)).toEqual(sample('assets').split('\n')[0].split(','));
    expect(assets.find((c: any) => c.name === 'kind')).toEqual({ name: 'kind', required: true, type: 'text', values: ['estate', 'block', 'dwelling', 'communal', 'garage'] });
  });

  it('are each documented in docs/imports.md, every column of them, and have a sample file with that header', async () => {
    const res = await api.gql(`{ importKinds { kind columns { name } } }`, {}, { token: officer() });
    const guide = readFileSync(join(WORKSPACE, 'docs/imports.md'), 'utf8');
    for (const { kind, columns } of res.data!.importKinds as Array<{ kind: string; columns: Array<{ name: string }> }>) {
      const section = guide.split(`\n### ${kind}\n`)[1]?.split('\n### ')[0] ?? '';
      const documented = [...section.matchAll(/^\| `(\w+)` \|/gm)].map((match) => match[1]);
      expect({ kind, documented }).toEqual({ kind, documented: columns.map((c) => c.name) });
      expect(sample(kind).split('\n')[0].split(',')).toEqual(columns.map((c) => c.name));
    }
  });
});

describe('an import through the worker', () => {
  // The worker is a real process that compiles and boots beside the whole suite on two cores;
  // these tests wait for it to do its work, so they get a generous limit (not a timing check).
  jest.setTimeout(60_000);

  beforeAll(async () => {
    worker = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
      cwd: WORKSPACE,
      env: {
        ...process.env,
        HEARTH_ENV: 'test',
        LOG_LEVEL: 'silent',
        DB_NAME: db.name,
        REDIS_PREFIX: prefix,
        FILE_STORE_DIR: files,
        ...tokens.env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  });

  it('runs each kind queued from the API, reporting its progress, and changes nothing the second time', async () => {
    for (const [kind, rows] of [['assets', 12], ['people', 8], ['tenancies', 6]] as const) {
      const { body } = await upload(sample(kind), officer(), 'text/csv', `${kind}.csv`);
      const started = await start(kind, body.id);
      expect(started).toEqual({ __typename: 'ImportStarted', run: { id: expect.any(String), kind, status: 'QUEUED', startedBy: 'Sam Patel', file: { name: `${kind}.csv`, size: body.size } } });
      expect(await finished(started.run.id)).toMatchObject({
        status: 'SUCCEEDED',
        startedAt: expect.any(String),
        finishedAt: expect.any(String),
        progress: { rowsStaged: rows, rowsValidated: rows, rowsApplied: rows },
        counts: { inserted: rows, updated: 0, unchanged: 0 },
        errorCount: 0,
        errors: { totalCount: 0, edges: [] },
      });
    }
    const again = await start('assets', (await upload(sample('assets'))).body.id);
    expect(await finished(again.run.id)).toMatchObject({ status: 'SUCCEEDED', counts: { inserted: 0, updated: 0, unchanged: 12 } });
  });

  it('reports every problem of a bad file, page by page, and applies none of it', async () => {
    const before = (await db.admin.query(`select count(*)::int as n from hearth.asset`)).rows[0].n;
    const header = sample('assets').split('\n')[0];
    const bad = [header, ...['ZZ1', 'SW1A', 'NOT A POSTCODE', 'CF10 1A'].map((postcode, i) => `orchard,DW-09${i},dwelling,,,${i} New Street,,Millbrook,${postcode},,1,,,,,,`)].join('\n');
    const started = await start('assets', (await upload(bad)).body.id);
    const run = await finished(started.run.id);
    expect(run).toMatchObject({ status: 'FAILED', counts: null, errorCount: 4, progress: { rowsStaged: 4, rowsApplied: 0 } });
    expect(run.errors).toEqual({
      totalCount: 4,
      pageInfo: { hasNextPage: true, endCursor: expect.any(String) },
      edges: [
        { node: { line: 2, column: 'postcode', reason: '"ZZ1" is not a full UK postcode (like CF10 1AA)' } },
        { node: { line: 3, column: 'postcode', reason: '"SW1A" is not a full UK postcode (like CF10 1AA)' } },
        { node: { line: 4, column: 'postcode', reason: '"NOT A POSTCODE" is not a full UK postcode (like CF10 1AA)' } },
      ],
    });
    const next = await api.gql(`query ($id: ID!, $after: String) { importRun(id: $id) { errors(first: 3, after: $after) { edges { node { line } } pageInfo { hasNextPage } } } }`, {
      id: run.id,
      after: run.errors.pageInfo.endCursor,
    }, { token: officer() });
    expect(next.data!.importRun.errors).toEqual({ edges: [{ node: { line: 5 } }], pageInfo: { hasNextPage: false } });
    expect((await db.admin.query(`select count(*)::int as n from hearth.asset`)).rows[0].n).toBe(before);
  });

  it("lists a member's runs newest first, and shows another member none of them", async () => {
    const mine = await api.gql(`{ importRuns(first: 2) { totalCount edges { node { kind status } } pageInfo { hasNextPage } } }`, {}, { token: officer() });
    expect(mine.data!.importRuns).toMatchObject({ edges: [{ node: { kind: 'assets', status: 'FAILED' } }, { node: { kind: 'assets', status: 'SUCCEEDED' } }], pageInfo: { hasNextPage: true } });
    expect(mine.data!.importRuns.totalCount).toBeGreaterThanOrEqual(5);

    const theirs = await api.gql(`{ importRuns { totalCount edges { node { id } } } }`, {}, { token: officer('thistle') });
    expect(theirs.data!.importRuns).toEqual({ totalCount: 0, edges: [] });
    const { rows } = await db.admin.query(`select id from hearth.import_run where tenant_id = $1 limit 1`, [millbrook.id]);
    const peek = await api.gql(RUN, { id: rows[0].id }, { token: officer('thistle') });
    expect(peek.data!.importRun).toBeNull();
  });
});
