#!/usr/bin/env node
/**
 * Builds the server processes (the API, the worker) to JavaScript once, so that production, the
 * bench and `hearth start` run plain JavaScript instead of compiling TypeScript in the process
 * with @swc-node/register (which alone holds about 75 MiB of resident memory: swc's native
 * binding and the TypeScript compiler it loads to read tsconfig).
 *
 *   node tools/scripts/build-server.mjs            # both: dist/apps/api/main.js, dist/apps/worker/main.js
 *   node tools/scripts/build-server.mjs api        # one
 *
 * How: esbuild bundles the workspace's own code (apps/ and the @hearth/* libraries, found through
 * tsconfig.base.json's paths) into one CommonJS file per app; every npm package stays an external
 * require(), resolved from node_modules at run time as before. Each TypeScript file is compiled by
 * swc with the options @swc-node/register derives from tsconfig (legacy decorators, decorator
 * metadata, which Nest's injection and the GraphQL code-first schema read, no define semantics for
 * class fields, class names kept) into CommonJS, so modules are evaluated lazily on first require
 * exactly as under @swc-node/register, circular imports included. `__dirname` in a source file is
 * rewritten to that file's own directory (relative to the bundle), so paths computed from it
 * (the workspace root in platform-core's config) stay what they are when run from source.
 *
 * dist/ is gitignored; nothing here is committed.
 */
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { transform } from '@swc/core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const APPS = {
  api: 'apps/api/src/main.ts',
  worker: 'apps/worker/src/main.ts',
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in APPS));
if (unknown.length) {
  console.error(`Unknown app ${unknown.join(', ')}; one of: ${Object.keys(APPS).join(', ')}`);
  process.exit(2);
}

const aliases = await readAliases();
for (const name of requested.length ? requested : Object.keys(APPS)) {
  const outdir = join(ROOT, 'dist/apps', name);
  await rm(outdir, { recursive: true, force: true });
  const started = Date.now();
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: join(ROOT, APPS[name]) },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'linked',
    // esbuild renames clashing top-level names when it joins modules; Nest, TypeORM and the
    // code-first GraphQL schema read class and method names, so they must survive.
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    plugins: [workspaceOnly(aliases), swcTypeScript(outdir)],
  });
  const inputs = Object.keys(result.metafile.inputs).length;
  console.log(`✔ ${name}: dist/apps/${name}/main.js (${inputs} files, ${Date.now() - started} ms)`);
}

/** tsconfig.base.json's paths: '@hearth/x' → absolute entry file. */
async function readAliases() {
  const tsconfig = JSON.parse(await readFile(join(ROOT, 'tsconfig.base.json'), 'utf8'));
  return new Map(Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [alias, join(ROOT, target)]));
}

/** Bundles relative imports and @hearth/* aliases; leaves every package (and node:*) to require() at run time. */
function workspaceOnly(aliasMap) {
  return {
    name: 'workspace-only',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        const target = aliasMap.get(args.path);
        if (target) return { path: target };
        if (args.path.startsWith('@hearth/')) {
          return { errors: [{ text: `${args.path} is not in tsconfig.base.json's paths` }] };
        }
        return { path: args.path, external: true };
      });
    },
  };
}

/** Compiles each TypeScript file with swc as @swc-node/register would (see above). */
function swcTypeScript(outdir) {
  return {
    name: 'swc-typescript',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        let source = await readFile(args.path, 'utf8');
        if (/\b__dirname\b/.test(source)) {
          const fromBundle = relative(outdir, dirname(args.path)).split('\\').join('/');
          source = source.replace(/\b__dirname\b/g, `require('node:path').join(__dirname, ${JSON.stringify(fromBundle)})`);
        }
        const { code, map } = await transform(source, {
          filename: args.path,
          sourceMaps: true,
          swcrc: false,
          configFile: false,
          jsc: {
            parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
            target: 'es2022',
            keepClassNames: true,
            externalHelpers: false,
            transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          },
          module: { type: 'commonjs', noInterop: false, ignoreDynamic: false },
        });
        const inline = Buffer.from(map).toString('base64');
        return { contents: `${code}\n//# sourceMappingURL=data:application/json;base64,${inline}`, loader: 'js' };
      });
    },
  };
}
