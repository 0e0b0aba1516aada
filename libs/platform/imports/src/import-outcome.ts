import type { ImportCounts } from '@hearth/platform-kernel';
import type { ImportProblem } from './import.model';

export type ImportOutcome =
  | { status: 'succeeded'; rows: number; counts: ImportCounts }
  /** `problems` holds the first MAX_KEPT_PROBLEMS, in file order; `problemCount` counts them all. */
  | { status: 'failed'; rows: number; problems: ImportProblem[]; problemCount: number };

/** The most problems one import keeps and shows; the rest are counted. A broken file is fixed pattern by pattern. */
export const MAX_KEPT_PROBLEMS = 1_000;

/** The outcome of a file refused before any row was staged. */
export function failed(problems: ImportProblem[]): ImportOutcome {
  return { status: 'failed', rows: 0, problems: problems.slice(0, MAX_KEPT_PROBLEMS), problemCount: problems.length };
}

/** A problem as one line of a report: `line 12, postcode: "ZZ1" is not a full UK postcode (like CF10 1AA)`. */
export function describeProblem({ line, column, reason }: ImportProblem): string {
  const place = [line !== null && `line ${line}`, column].filter(Boolean).join(', ');
  return place ? `${place}: ${reason}` : reason;
}
