#!/usr/bin/env node
// `npm test`: type-check, lint (module boundaries included) and every jest project, then one
// closing line `N passed, N failed` that CI reads. Extra arguments go to jest. Nx's cache is
// skipped: a test run must check this tree, not replay an earlier result.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const run = (label, command, args) => {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✖'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
};

// The console's typed GraphQL operations are generated, not committed: make them before anything reads them.
const generated = run('codegen (console operations)', 'npx', ['graphql-codegen', '--config', 'libs/console/codegen.ts', '--silent']);

const checks = [
  ['codegen (console operations)', generated],
  ['type-check (server)', run('type-check (server)', 'npx', ['tsc', '-p', 'tsconfig.check.json'])],
  // Breaking changes against main's schema.graphql must be declared in docs/schema-changes.md.
  ['schema check (breaking changes, deprecation dates)', run('schema check (breaking changes, deprecation dates)', 'node', ['tools/scripts/schema-check.mjs'])],
  ['type-check (console, issuer, browser tests)', run('type-check (console, issuer, browser tests)', 'npx', ['nx', 'run-many', '-t', 'typecheck', '--parallel=2', '--outputStyle=static', '--skip-nx-cache'])],
  ['lint', run('lint', 'npx', ['nx', 'run-many', '-t', 'lint', '--parallel=2', '--outputStyle=static', '--skip-nx-cache'])],
];

mkdirSync('tmp', { recursive: true });
const resultsFile = 'tmp/jest-results.json';
rmSync(resultsFile, { force: true });
run('jest', 'npx', ['jest', '--maxWorkers=2', '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)]);

let passed = checks.filter(([, ok]) => ok).length;
let failed = checks.length - passed;
if (existsSync(resultsFile)) {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A suite that failed to load has no failed tests but is still a failure.
  failed += results.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
} else {
  failed += 1;
}
for (const [name, ok] of checks) if (!ok) console.log(`✖ ${name} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
