import type { Readable } from 'node:stream';
import type { ImportColumn } from '@hearth/platform-kernel';
import type { ImportProblem } from './import.model';

/** How much of a file is read to recognise it and its header before COPY reads the rest. */
export const HEAD_BYTES = 64 * 1024;

export interface FileHead {
  bytes: Buffer;
  /** True when `bytes` is the whole file. */
  complete: boolean;
}

export type HeaderInspection = { header: string[] } | { problems: ImportProblem[] };

const SAVE_AS_CSV = 'in Excel use File › Save As › "CSV UTF-8 (Comma delimited)"';
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Files people send instead of CSV, by their first bytes. */
const SIGNATURES: ReadonlyArray<[Buffer, string]> = [
  [Buffer.from([0x50, 0x4b, 0x03, 0x04]), 'an Excel workbook (or another zip file)'],
  [Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'an old-style Excel workbook (.xls)'],
  [Buffer.from('%PDF-', 'latin1'), 'a PDF'],
  [Buffer.from([0xff, 0xfe]), 'UTF-16 text'],
  [Buffer.from([0xfe, 0xff]), 'UTF-16 text'],
];

export async function readHead(stream: Readable): Promise<FileHead> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Leaving the loop early destroys the stream, so the rest of a large file is never read here.
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > HEAD_BYTES) break;
  }
  const bytes = Buffer.concat(chunks);
  return { bytes: bytes.subarray(0, HEAD_BYTES), complete: bytes.length <= HEAD_BYTES };
}

/**
 * Recognises what is not a CSV file of this kind before anything is staged: an empty file,
 * a workbook or other binary, text that is not UTF-8, and a header row that does not name
 * exactly the documented columns. Returns the header as column names, in the file's order.
 */
export function inspectHead(head: FileHead, kind: string, columns: readonly ImportColumn[]): HeaderInspection {
  const bytes = startsWith(head.bytes, UTF8_BOM) ? head.bytes.subarray(UTF8_BOM.length) : head.bytes;
  const whole = (reason: string): HeaderInspection => ({ problems: [{ line: null, column: null, reason }] });

  if (!bytes.toString('latin1').trim()) {
    return whole(`The file is empty: a file of ${kind} starts with a header row naming its columns`);
  }
  const signature = SIGNATURES.find(([magic]) => startsWith(bytes, magic));
  if (signature) return whole(`This is ${signature[1]}, not a CSV file: ${SAVE_AS_CSV}`);
  if (bytes.includes(0)) return whole(`This is not a CSV file: it contains binary data. ${capitalise(SAVE_AS_CSV)}`);

  const badLine = firstLineNotUtf8(bytes, head.complete);
  if (badLine) {
    return { problems: [{ line: badLine, column: null, reason: `This line is not UTF-8 text (an older Excel writes Windows-1252): ${SAVE_AS_CSV}` }] };
  }

  const record = firstRecord(bytes.toString('utf8'), head.complete);
  if (!record) {
    return whole(`The first line is longer than ${HEAD_BYTES / 1024} KB, so it is not a header row: a file of ${kind} starts with one`);
  }
  return compareHeader(record.map((name) => name.trim().toLowerCase()), kind, columns);
}

function compareHeader(names: string[], kind: string, columns: readonly ImportColumn[]): HeaderInspection {
  const declared = new Set(columns.map((c) => c.name));
  const atLine1 = (column: string | null, reason: string): ImportProblem => ({ line: 1, column, reason });
  const expected = columns.map((c) => c.name).join(', ');

  if (!names.some((name) => declared.has(name))) {
    const separator = names.length === 1 ? (names[0].includes(';') ? 'semicolons' : names[0].includes('\t') ? 'tabs' : undefined) : undefined;
    return {
      problems: [
        separator
          ? atLine1(null, `The columns are separated by ${separator}; Hearth reads comma-separated files: ${SAVE_AS_CSV}`)
          : atLine1(null, `The first line is not a header row of a file of ${kind}: it names none of its columns (${expected})`),
      ],
    };
  }

  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (!name) problems.push(atLine1(null, 'A column in the header has no name'));
    else if (seen.has(name)) problems.push(atLine1(name, `The header names "${name}" more than once`));
    else if (!declared.has(name)) problems.push(atLine1(name, `"${name}" is not a column of a file of ${kind} (the columns are ${expected})`));
    seen.add(name);
  }
  for (const column of columns) {
    if (!seen.has(column.name)) problems.push(atLine1(column.name, `The header has no "${column.name}" column`));
  }
  return problems.length ? { problems } : { header: names };
}

/** The fields of the first CSV record (RFC 4180 quoting), or undefined if it does not end within the head. */
function firstRecord(text: string, complete: boolean): string[] | undefined {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      fields.push(field);
      return fields;
    } else field += char;
  }
  if (!complete) return undefined;
  fields.push(field); // a header-only file without a final line break
  return fields;
}

/** The line number of the first line that is not valid UTF-8; a character cut off by the end of the head is not counted. */
function firstLineNotUtf8(bytes: Buffer, complete: boolean): number | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; start < bytes.length; line++) {
    const newline = bytes.indexOf(0x0a, start);
    if (newline === -1 && !complete) return undefined;
    const end = newline === -1 ? bytes.length : newline;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
  }
  return undefined;
}

/**
 * Says what COPY refused, in the file's terms, or undefined for an error that is not about the
 * file. COPY stops at the first malformed record, so this is the one problem such a file gets:
 * nothing after a broken quote can be read reliably.
 */
export function copyProblem(error: unknown): ImportProblem | undefined {
  const { code, message = '', where = '' } = error as { code?: string; message?: string; where?: string };
  if (code !== '22P04' && code !== '22021') return undefined;
  const place = /COPY \w+, line (\d+)(?:, column (\w+))?/.exec(where);
  const line = place ? Number(place[1]) : null;
  const missing = /missing data for column "(\w+)"/.exec(message);
  const column = missing?.[1] ?? place?.[2] ?? null;
  let reason: string;
  if (code === '22021') reason = `This line is not UTF-8 text (an older Excel writes Windows-1252): ${SAVE_AS_CSV}`;
  else if (missing) reason = 'This row has fewer values than the header has columns';
  else if (message.startsWith('extra data after last expected column')) reason = 'This row has more values than the header has columns';
  else if (message.startsWith('unterminated CSV quoted field')) reason = 'A quoted value is never closed: look for a stray " on this line or above';
  else if (/carriage return|newline|end-of-copy marker/.test(message)) {
    reason = 'The file mixes line endings (Windows and Unix): save it again from your spreadsheet';
  } else reason = `This row is not valid CSV (${message})`;
  return { line, column, reason };
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}
