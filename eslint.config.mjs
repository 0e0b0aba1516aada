import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * Who may depend on whom. Platform is the kernel and depends on nothing else; a domain scope
 * may use platform and itself, and talks to other domains through events; only the
 * distribution (the installed set) and apps see every domain. A real matrix, not `* -> *`.
 */
const DOMAINS = ['scope:housing', 'scope:consortium', 'scope:collaboration', 'scope:integrations'];

export default [
  { ignores: ['**/node_modules', '**/dist', '**/tmp', '**/.angular', '**/coverage', '**/*.generated.ts'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // The member-manifest JSON Schema lives beside the manifests it describes.
          allow: ['^.*/tenants/member-manifest\\.schema\\.json$'],
          depConstraints: [
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform'] },
            ...DOMAINS.map((domain) => ({ sourceTag: domain, onlyDependOnLibsWithTags: ['scope:platform', domain] })),
            { sourceTag: 'scope:distribution', onlyDependOnLibsWithTags: ['scope:platform', ...DOMAINS] },
            { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console'] },
            // Demo fixtures (users of the stand-in issuer) depend on nothing of Hearth's.
            { sourceTag: 'scope:demo', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:app', notDependOnLibsWithTags: ['scope:console'] },
            // type:testing is allowed below only for tests: the no-restricted-imports rule keeps it out of code.
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:data', 'type:testing'] },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:util', 'type:data', 'type:testing'] },
            { sourceTag: 'type:composition', onlyDependOnLibsWithTags: ['type:feature', 'type:util', 'type:data', 'type:testing'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:util', 'type:data', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:util', 'type:data', 'type:feature'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:composition', 'type:feature', 'type:util', 'type:data', 'type:testing', 'type:ui'] },
          ],
        },
      ],
      // A rest sibling is how a test leaves a field out of a comparison: `({ updatedAt: _, ...rest })`.
      '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Test support may be imported by tests only.
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.reliability-spec.ts', 'libs/platform/testing/**', 'apps/api/src/testing.ts', 'tools/**', 'apps/console-e2e/**',
      // The console libraries' own test support (fixtures beside @hearth/console-core/testing).
      'libs/console/*/src/testing/**', 'libs/console/*/src/shared/*testing.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['@hearth/platform-testing', '@hearth/housing-rent/testing', '@hearth/integrations-webhooks/testing', '@hearth/console-core/testing'].map((name) => ({ name, message: 'Test support is for tests only.' })),
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.reliability-spec.ts'],
    languageOptions: { parser: tseslint.parser },
  },
];
