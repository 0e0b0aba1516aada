#!/usr/bin/env node
// `node tools/scripts/schema-check.mjs [--base <git ref>]`: compares the working tree's
// schema.graphql with main's and fails on a breaking change that docs/schema-changes.md does not
// declare for this change, or on a deprecation without a removal date. Dangerous changes are
// warnings. main's copy is the merge base of HEAD and main (then main, origin/main); SCHEMA_BASE
// or --base names another ref. The rules live in libs/platform/graphql/src/schema-discipline.ts
// (tested there); this file only reads git and files. npm test runs it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SCHEMA = 'schema.graphql';
const CHANGES = 'docs/schema-changes.md';

const require = createRequire(import.meta.url);
require('@swc-node/register');
const { checkSchema, reportLines } = require('../../libs/platform/graphql/src/schema-discipline.ts');

const git = (...args) => {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
  } catch {
    return null;
  }
};

function baseCommit() {
  const flag = process.argv.indexOf('--base');
  const named = flag > 0 ? process.argv[flag + 1] : process.env.SCHEMA_BASE;
  const candidates = named
    ? [['rev-parse', '--verify', '--quiet', `${named}^{commit}`]]
    : [
        ['merge-base', 'HEAD', 'main'],
        ['rev-parse', '--verify', '--quiet', 'main^{commit}'],
        ['merge-base', 'HEAD', 'origin/main'],
        ['rev-parse', '--verify', '--quiet', 'origin/main^{commit}'],
      ];
  for (const args of candidates) {
    const sha = git(...args)?.trim();
    if (sha) return { sha, via: named ? named : args.join(' ') };
  }
  return null;
}

const read = (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : null);
const currentSdl = read(SCHEMA);
if (currentSdl === null) {
  console.error(`✖ ${SCHEMA} is missing: run npm run schema`);
  process.exit(1);
}
const changesDoc = read(CHANGES) ?? '';

const base = baseCommit();
let baseSdl = null;
let baseChangesDoc = null;
if (!base) {
  console.log(`⚠ no main to compare with (no git, or no main or origin/main branch): checking deprecation dates only`);
} else {
  const short = base.sha.slice(0, 10);
  baseSdl = git('show', `${base.sha}:${SCHEMA}`);
  baseChangesDoc = git('show', `${base.sha}:${CHANGES}`);
  const head = git('rev-parse', 'HEAD')?.trim();
  const unchanged = baseSdl === currentSdl;
  if (baseSdl === null) console.log(`⚠ main (${short}) has no ${SCHEMA}: every type is new`);
  else if (head === base.sha && unchanged) console.log(`✔ this is main's commit (${short}) and ${SCHEMA} is unchanged: nothing to compare`);
  else if (unchanged) console.log(`✔ ${SCHEMA} is the same as main's (${short}, ${base.via})`);
  else console.log(`comparing ${SCHEMA} with main's (${short}, ${base.via})`);
}

let result;
try {
  result = checkSchema({ baseSdl, currentSdl, changesDoc, baseChangesDoc });
} catch (error) {
  console.error(`✖ a schema does not parse: ${error.message}`);
  process.exit(1);
}
for (const line of reportLines(result, CHANGES)) console.log(line);
const failures = result.breaking.filter((c) => !c.declaredBy).length + result.undatedDeprecations.length + result.declarationProblems.length;
console.log(
  result.ok
    ? `✔ schema check passed: ${result.breaking.length} breaking (all declared), ${result.dangerous.length} dangerous`
    : `✖ schema check failed: ${failures} problem(s); see ${CHANGES} for how to declare a breaking change`,
);
process.exit(result.ok ? 0 : 1);
