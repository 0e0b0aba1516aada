import { inflateSync } from 'node:zlib';

/**
 * The text a PDF from renderStatementPdf shows, one line per text run, for tests to read without
 * a PDF library: its streams are inflated, the embedded font's ToUnicode map (pdfkit writes it as
 * bfrange arrays over the subset's glyph codes) is read, and every TJ's glyph codes are mapped
 * back to characters. Statements use one font, so one map serves every run.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  for (const match of raw.matchAll(/<<((?:(?!>>\s*stream)[\s\S])*)>>\s*stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const length = Number(/\/Length (\d+)/.exec(match[1])?.[1] ?? raw.indexOf('endstream', start) - start);
    const bytes = pdf.subarray(start, start + length);
    streams.push((match[1].includes('/FlateDecode') ? inflateSync(bytes) : bytes).toString('latin1'));
  }
  const glyphs = new Map<number, string>();
  for (const cmap of streams.filter((stream) => stream.includes('beginbfrange'))) {
    for (const [, first, , entries] of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
      [...entries.matchAll(/<([0-9a-f ]+)>/gi)].forEach(([, units], i) => {
        glyphs.set(parseInt(first, 16) + i, String.fromCharCode(...units.split(' ').map((unit) => parseInt(unit, 16))));
      });
    }
  }
  const runs: string[] = [];
  for (const content of streams.filter((stream) => stream.includes(' TJ'))) {
    for (const [, array] of content.matchAll(/\[([^\]]*)\] TJ/g)) {
      const codes = [...array.matchAll(/<([0-9a-f]*)>/gi)].flatMap(([, hex]) => hex.match(/.{4}/g) ?? []);
      runs.push(codes.map((code) => glyphs.get(parseInt(code, 16)) ?? '?').join(''));
    }
  }
  return runs.join('\n');
}
