import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CONSOLE_DIST } from './support/workspace';

/** The initial download's budget, compressed as a web server sends it (issue 6: aim for 250 kB or less). */
const INITIAL_BUDGET_BYTES = 250 * 1024;

/**
 * What a browser must fetch before the console can draw anything: the scripts and styles
 * index.html names (entry, module preloads, stylesheets). Everything else loads lazily, screen
 * by screen. The build's own budget (apps/console/project.json) checks raw sizes; this checks
 * what travels.
 */
function initialFiles(): string[] {
  const html = readFileSync(join(CONSOLE_DIST, 'index.html'), 'utf8');
  const references = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"/g)].map((match) => match[1]);
  return [...new Set(references)].filter((reference) => !/^https?:/.test(reference));
}

describe('the console bundle', () => {
  it('keeps the initial JavaScript and CSS within 250 kB compressed', () => {
    const files = initialFiles();
    expect(files.some((file) => file.startsWith('main'))).toBe(true);
    const total = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(CONSOLE_DIST, file)), { level: 9 }).length, 0);
    expect(total).toBeLessThanOrEqual(INITIAL_BUDGET_BYTES);
  });

  it('loads no feature screen up front', () => {
    const initial = initialFiles().map((file) => readFileSync(join(CONSOLE_DIST, file), 'utf8')).join('\n');
    // Selectors of lazily loaded screens must not appear in the initial download.
    for (const selector of ['hearth-settings', 'hearth-layout']) expect(initial).not.toContain(selector);
  });
});
