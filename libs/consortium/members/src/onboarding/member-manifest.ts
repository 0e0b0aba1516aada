import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { Country, Language } from '@hearth/platform-database';

/** One member association as its manifest describes it (see tenants/member-manifest.schema.json). */
export interface MemberManifest {
  slug: string;
  name: string;
  nameCy?: string;
  registrationNumber: string;
  country: Country;
  languages: Language[];
  keycloak: { organization: string; domains?: string[] };
  /** Listed modules are on; a null entry (`noticeboard:` with nothing after it) means `{}`. */
  modules?: Record<string, { settings?: Record<string, unknown> } | null>;
  admins: ManifestAdmin[];
}

export interface ManifestAdmin {
  email: string;
  firstName: string;
  lastName: string;
}

/** A manifest as read, before validation: where it came from and how to point into it. */
export interface ManifestSource {
  /** The file it was read from, as the operator named it (`tenants/aber-housing.yaml`); absent for GraphQL input. */
  file?: string;
  document: unknown;
  /** Where a JSON pointer into the document starts in the file, when the text is at hand. */
  locate?: (pointer: string) => { line: number; column: number } | undefined;
}

/** What is wrong with a manifest, precisely enough to fix it without guessing. */
export interface ManifestProblem {
  file?: string;
  line?: number;
  column?: number;
  /** JSON pointer into the manifest (`/modules/noticeboard/settings/defaultExpiryDays`); empty for the whole document. */
  field: string;
  message: string;
}

/** A problem at `pointer` in `source`, with its line when the source can tell. */
export function problemAt(source: ManifestSource, pointer: string, message: string): ManifestProblem {
  return { file: source.file, ...source.locate?.(pointer), field: pointer, message };
}

/** `tenants/x.yaml:12:3: /modules/foo: module "foo" is not installed`, the shape editors and CI logs link. */
export function formatProblem(problem: ManifestProblem): string {
  const place = problem.file ? [problem.file, problem.line, problem.column].filter((p) => p !== undefined).join(':') : '';
  return [place, problem.field, problem.message].filter(Boolean).join(': ');
}

/** Orders problems as a reader goes through the files: by file, then line. */
export function byPosition(a: ManifestProblem, b: ManifestProblem): number {
  return (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

const MANIFEST_FILE = /\.ya?ml$/;

/**
 * Reads every manifest in `dir`. Files that are not well-formed YAML become problems (with the
 * line and column the parser reports) rather than exceptions, so one run lists every broken file.
 */
export async function loadManifestDirectory(dir: string): Promise<{ sources: ManifestSource[]; problems: ManifestProblem[] }> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    return { sources: [], problems: [{ file: dir, field: '', message: 'is not a directory of member manifests' }] };
  }
  const names = entries.filter((name) => MANIFEST_FILE.test(name)).sort();
  if (!names.length) {
    return { sources: [], problems: [{ file: dir, field: '', message: 'holds no member manifests (*.yaml)' }] };
  }
  const sources: ManifestSource[] = [];
  const problems: ManifestProblem[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const parsed = parseManifest(await readFile(file, 'utf8'), file);
    if ('problems' in parsed) problems.push(...parsed.problems);
    else sources.push(parsed);
  }
  return { sources, problems };
}

/** Parses one manifest's YAML text; duplicate keys are errors, as they are almost always a mistake. */
export function parseManifest(text: string, file: string): ManifestSource | { problems: ManifestProblem[] } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (document.errors.length) {
    return {
      problems: document.errors.map((error) => ({
        file,
        ...(error.linePos ? { line: error.linePos[0].line, column: error.linePos[0].col } : {}),
        field: '',
        // The parser's message ends with the position and a snippet of the text; the position is kept above.
        message: `malformed YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    };
  }
  return { file, document: document.toJS(), locate: locator(document, lines) };
}

/** Finds the nearest node a pointer reaches (a missing field is reported at its parent). */
function locator(document: Document, lines: LineCounter): ManifestSource['locate'] {
  return (pointer) => {
    const path = pointer
      .split('/')
      .slice(1)
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth ? document.getIn(path.slice(0, depth), true) : document.contents;
      if (isNode(node) && node.range) {
        const { line, col } = lines.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return undefined;
  };
}
