import type { ConsortiumManifestOutcomeFragment } from '../graphql.generated';

export type ManifestProblem = { field: string; message: string };

/** What applying a manifest (or one module of it) answered, as the screens show it. */
export type ManifestOutcome =
  | { kind: 'applied'; applied: boolean; changes: readonly string[]; identity: readonly string[] }
  | { kind: 'invalid'; message: string; problems: readonly ManifestProblem[] };

export function manifestOutcome(result: ConsortiumManifestOutcomeFragment): ManifestOutcome {
  return result.__typename === 'ManifestApplied'
    ? { kind: 'applied', applied: result.applied, changes: result.changes, identity: result.identity }
    : { kind: 'invalid', message: result.message, problems: result.problems };
}
