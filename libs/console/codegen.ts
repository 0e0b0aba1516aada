import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations for the console, from schema.graphql (the API's contract, ADR 7) and the
 * `.graphql` documents in each console library: `npm run codegen`. Every library gets one
 * `src/graphql.generated.ts` of its own operations (typed document nodes that apollo-angular
 * infers results and variables from), over one set of schema types in console-core. Nothing here
 * is committed; the build, `npm test` and `hearth start` generate it first.
 */
const CONSOLE = 'libs/console';

const config = {
  enumsAsTypes: true,
  scalars: { DateTime: 'string', JSONObject: 'Record<string, unknown>' },
  // Operations ask for __typename where they need it (to tell a union's members apart).
  skipTypename: true,
  useTypeImports: true,
  avoidOptionals: { field: true, inputValue: false, object: false },
};

function hasDocuments(directory: string): boolean {
  return readdirSync(directory, { withFileTypes: true }).some((entry) =>
    entry.isDirectory() ? hasDocuments(join(directory, entry.name)) : entry.name.endsWith('.graphql'),
  );
}

const libraries = readdirSync(CONSOLE, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(CONSOLE, entry.name, 'src')))
  .map((entry) => entry.name)
  .filter((library) => hasDocuments(join(CONSOLE, library, 'src')));

const codegen: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    [`${CONSOLE}/core/src/lib/graphql/schema-types.generated.ts`]: { plugins: ['typescript'], config },
    // Apollo's cache must know each union's members to read fragments on them.
    [`${CONSOLE}/core/src/lib/graphql/possible-types.generated.ts`]: { plugins: ['fragment-matcher'], config: { useExplicitTyping: true } },
    ...Object.fromEntries(
      libraries.map((library) => [
        `${CONSOLE}/${library}/src/graphql.generated.ts`,
        {
          documents: `${CONSOLE}/${library}/src/**/*.graphql`,
          plugins: ['typescript-operations', 'typed-document-node'],
          config: {
            ...config,
            // Enums and inputs come from the one schema-types file rather than again in every library.
            importSchemaTypesFrom: `${CONSOLE}/core/src/lib/graphql/schema-types.generated.ts`,
          },
        },
      ]),
    ),
  },
  config: { documentMode: 'documentNode' },
};

export default codegen;
