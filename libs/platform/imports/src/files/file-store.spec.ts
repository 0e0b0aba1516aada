import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { HearthConfig } from '@hearth/platform-core';
import { FileTooLargeError, LocalFileStore } from './file-store';

let dir: string;
let store: LocalFileStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-file-store-'));
  store = new LocalFileStore({ files: { storeDir: dir, maxUploadBytes: 0 } } as HearthConfig);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const KEY = 'member-1/file-1';

it('keeps a file under its key and gives it back, with its size and SHA-256', async () => {
  const content = 'reference,name\nW1,Widget\n';
  const stored = await store.put(KEY, Readable.from([Buffer.from(content)]), 1024);
  expect(stored).toEqual({ size: content.length, sha256: createHash('sha256').update(content).digest('hex') });
  expect(await text(store.open(KEY))).toBe(content);
});

it('refuses a file past the limit and keeps nothing of it', async () => {
  await expect(store.put(KEY, Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000)).rejects.toBeInstanceOf(FileTooLargeError);
  expect(readdirSync(join(dir, 'member-1'))).toEqual([]);
});

it('never replaces a file it keeps, and refuses keys that could leave its directory', async () => {
  await store.put(KEY, Readable.from([Buffer.from('first')]), 1024);
  await expect(store.put(KEY, Readable.from([Buffer.from('second')]), 1024)).rejects.toThrow(/EEXIST/);
  expect(await text(store.open(KEY))).toBe('first');
  expect(readdirSync(join(dir, 'member-1'))).toEqual(['file-1']);
  for (const key of ['../escape', 'member-1/../../x', '/etc/passwd', 'Upper/Case']) {
    expect(() => store.open(key)).toThrow(/is not a file store key/);
  }
});

it('fails the stream of a key it does not hold', async () => {
  await expect(text(store.open('member-1/missing'))).rejects.toThrow(/ENOENT/);
});
