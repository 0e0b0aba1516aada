#!/usr/bin/env node
// Restores lockfile entries for other platforms' optional binaries (swc, rollup, esbuild-like
// packages) that `npm install` leaves out when the registry it talks to lacks them, as this
// project's mirror does. Without them `npm ci` refuses the lockfile as out of sync. Each entry
// is marked optional with its os/cpu/libc, so npm skips it on other platforms exactly as it
// would with a complete registry. Run after `npm install`: `node tools/scripts/complete-lockfile.mjs`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const LOCKFILE = 'package-lock.json';
const lock = JSON.parse(readFileSync(LOCKFILE, 'utf8'));
const packages = lock.packages;

const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openbsd', 'netbsd', 'openharmony', 'sunos', 'aix'];
const CPU = [
  ['aarch64', 'arm64'], ['arm64', 'arm64'], ['x86_64', 'x64'], ['x64', 'x64'], ['ia32', 'ia32'], ['ppc64', 'ppc64'],
  ['s390x', 's390x'], ['riscv64', 'riscv64'], ['loong64', 'loong64'], ['mips64el', 'mips64el'], ['arm', 'arm'], ['wasm32', 'wasm32'],
];

/** Platform fields from a binary package's name (`@swc/core-linux-arm64-musl`), or undefined. */
function platformFromName(name) {
  const parts = name.split('/').pop().split('-');
  const os = OS.find((o) => parts.includes(o));
  const cpu = CPU.find(([token]) => parts.includes(token))?.[1];
  if (!os && !cpu) return undefined;
  const libc = parts.includes('musl') || parts.includes('musleabihf') ? ['musl'] : os === 'linux' && parts.some((p) => p.startsWith('gnu')) ? ['glibc'] : undefined;
  return { ...(os && { os: [os] }), ...(cpu && { cpu: [cpu] }), ...(libc && { libc }) };
}

/** Platform fields as the registry states them, for names that do not say (e.g. `*-unknown-all`). */
function platformFromRegistry(name) {
  const platform = {};
  for (const field of ['os', 'cpu', 'libc']) {
    const out = execFileSync('npm', ['view', name, field, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (out) platform[field] = JSON.parse(out);
  }
  return Object.keys(platform).length ? platform : undefined;
}

function resolves(fromPath, name) {
  for (let dir = fromPath; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
    if (packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) return true;
    if (!dir) return false;
  }
}

let added = 0;
for (const [path, entry] of Object.entries({ ...packages })) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolves(path, name)) continue;
    const platform = platformFromName(name) ?? platformFromRegistry(name);
    if (!platform) throw new Error(`${name} (optional dependency of ${path || 'the root'}) is missing and is not a platform binary`);
    const target = packages[`node_modules/${name}`] ? `${path}/node_modules/${name}` : `node_modules/${name}`;
    // Keys in the order npm writes them (version first, then alphabetical), so npm rewrites nothing.
    const fields = { ...(entry.dev && { dev: true }), optional: true, ...platform };
    packages[target] = { version, ...Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b))) };
    added += 1;
  }
}

if (added) {
  // npm's own order, so a later `npm install` rewrites nothing.
  lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b, 'en')));
  writeFileSync(LOCKFILE, `${JSON.stringify(lock, null, 2)}\n`);
}
console.log(added ? `✔ restored ${added} optional platform entries in ${LOCKFILE}` : `✔ ${LOCKFILE} already complete`);
