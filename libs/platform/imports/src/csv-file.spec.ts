import { Readable } from 'node:stream';
import type { ImportColumn } from '@hearth/platform-kernel';
import { copyProblem, HEAD_BYTES, inspectHead, readHead, type FileHead } from './csv-file';

const COLUMNS: ImportColumn[] = [
  { name: 'reference', description: 'id', required: true },
  { name: 'name', description: 'name' },
  { name: 'size', description: 'size', type: 'integer' },
];

const head = (text: string | Buffer, complete = true): FileHead => ({ bytes: Buffer.from(text), complete });
const inspect = (text: string | Buffer) => inspectHead(head(text), 'widgets', COLUMNS);
const reasons = (text: string | Buffer) => {
  const inspection = inspect(text);
  return 'problems' in inspection ? inspection.problems : inspection;
};

describe('inspectHead', () => {
  it('reads the header, in the order of the file, whatever its case, spacing, quoting or byte-order mark', () => {
    expect(inspect('\ufeffName, "REFERENCE" ,size\r\nW1,Widget,3\r\n')).toEqual({ header: ['name', 'reference', 'size'] });
  });

  it('reads a header-only file without a final line break', () => {
    expect(inspect('reference,name,size')).toEqual({ header: ['reference', 'name', 'size'] });
  });

  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '\n \r\n\t\n'],
    ['a byte-order mark alone', '\ufeff'],
  ])('says %s is empty', (_case, text) => {
    expect(reasons(text)).toEqual([{ line: null, column: null, reason: 'The file is empty: a file of widgets starts with a header row naming its columns' }]);
  });

  it.each([
    ['an Excel workbook', Buffer.from('504b0304140006000800', 'hex'), /^This is an Excel workbook \(or another zip file\), not a CSV file: in Excel use File › Save As › "CSV UTF-8/],
    ['an old Excel workbook', Buffer.from('d0cf11e0a1b11ae1', 'hex'), /^This is an old-style Excel workbook \(\.xls\), not a CSV file/],
    ['a PDF', '%PDF-1.7\n%âãÏÓ', /^This is a PDF, not a CSV file/],
    ['UTF-16 text', Buffer.from('\ufeffreference,name', 'utf16le'), /^This is UTF-16 text, not a CSV file/],
    ['any other binary', Buffer.from([0x72, 0x65, 0x66, 0x00, 0x01, 0x02]), /^This is not a CSV file: it contains binary data/],
  ])('recognises %s as not CSV', (_case, bytes, reason) => {
    expect(reasons(bytes)).toEqual([{ line: null, column: null, reason: expect.stringMatching(reason) }]);
  });

  it('names the first line that is not UTF-8', () => {
    const latin1 = Buffer.concat([Buffer.from('reference,name,size\nW1,Widget,1\nW2,'), Buffer.from([0xa3, 0x35]), Buffer.from(',2\n')]);
    expect(reasons(latin1)).toEqual([{ line: 3, column: null, reason: expect.stringMatching(/^This line is not UTF-8 text \(an older Excel writes Windows-1252\)/) }]);
  });

  it('does not mistake a character cut off by the end of the head for bad UTF-8', () => {
    const text = Buffer.from(`reference,name,size\nW1,${'é'.repeat(10)}`);
    expect(inspectHead({ bytes: text.subarray(0, text.length - 1), complete: false }, 'widgets', COLUMNS)).toEqual({ header: ['reference', 'name', 'size'] });
  });

  it('lists every column the header lacks, repeats or should not have', () => {
    expect(reasons('reference,colour,Reference,\n')).toEqual([
      { line: 1, column: 'colour', reason: '"colour" is not a column of a file of widgets (the columns are reference, name, size)' },
      { line: 1, column: 'reference', reason: 'The header names "reference" more than once' },
      { line: 1, column: null, reason: 'A column in the header has no name' },
      { line: 1, column: 'name', reason: 'The header has no "name" column' },
      { line: 1, column: 'size', reason: 'The header has no "size" column' },
    ]);
  });

  it('says so when the first line is not a header at all', () => {
    expect(reasons('Dear housing team, please find our stock list below.\n')).toEqual([
      { line: 1, column: null, reason: 'The first line is not a header row of a file of widgets: it names none of its columns (reference, name, size)' },
    ]);
  });

  it.each([
    ['semicolons', 'reference;name;size\n'],
    ['tabs', 'reference\tname\tsize\n'],
  ])('recognises columns separated by %s', (separator, text) => {
    expect(reasons(text)).toEqual([{ line: 1, column: null, reason: expect.stringContaining(`separated by ${separator}; Hearth reads comma-separated files`) }]);
  });

  it('refuses a first line longer than the head', () => {
    expect(inspectHead(head('x'.repeat(HEAD_BYTES), false), 'widgets', COLUMNS)).toEqual({
      problems: [{ line: null, column: null, reason: 'The first line is longer than 64 KB, so it is not a header row: a file of widgets starts with one' }],
    });
  });
});

describe('readHead', () => {
  it('reads a small file whole', async () => {
    expect(await readHead(Readable.from([Buffer.from('a,b\n'), Buffer.from('1,2\n')]))).toEqual({ bytes: Buffer.from('a,b\n1,2\n'), complete: true });
  });

  it('stops after the head of a large file', async () => {
    const chunk = Buffer.alloc(40 * 1024, 0x61);
    const stream = Readable.from([chunk, chunk, chunk]);
    const { bytes, complete } = await readHead(stream);
    expect([bytes.length, complete, stream.destroyed]).toEqual([HEAD_BYTES, false, true]);
  });
});

describe('copyProblem', () => {
  const copyError = (code: string, message: string, where: string) => Object.assign(new Error(message), { code, where });

  it.each([
    [copyError('22P04', 'missing data for column "size"', 'COPY import_staging, line 4: "W3,Widget"'), { line: 4, column: 'size', reason: 'This row has fewer values than the header has columns' }],
    [copyError('22P04', 'extra data after last expected column', 'COPY import_staging, line 7: "W6,a,1,2"'), { line: 7, column: null, reason: 'This row has more values than the header has columns' }],
    [copyError('22P04', 'unterminated CSV quoted field', 'COPY import_staging, line 9: ""W8,..."'), { line: 9, column: null, reason: expect.stringMatching(/quoted value is never closed/) }],
    [copyError('22P04', 'literal carriage return found in data', 'COPY import_staging, line 3'), { line: 3, column: null, reason: expect.stringMatching(/mixes line endings/) }],
    [copyError('22021', 'invalid byte sequence for encoding "UTF8": 0xa3', 'COPY import_staging, line 12'), { line: 12, column: null, reason: expect.stringMatching(/not UTF-8 text/) }],
  ])('says what COPY refused in the file\'s terms (%#)', (error, problem) => {
    expect(copyProblem(error)).toEqual(problem);
  });

  it('leaves errors that are not about the file alone', () => {
    expect(copyProblem(Object.assign(new Error('connection terminated'), { code: '57P01' }))).toBeUndefined();
    expect(copyProblem(new Error('boom'))).toBeUndefined();
  });
});
