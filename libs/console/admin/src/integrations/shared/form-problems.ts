import type { AbstractControl } from '@angular/forms';
import { placeProblems, problemsByField } from '@hearth/console-core';

export type InputProblems = readonly { field: string; message: string }[];

/**
 * Puts the API's typed problems on the controls they name ("scopes[2]" is the scopes control; one
 * problem per control) and answers the problems about no control on the form, to list above the
 * buttons.
 */
export function showProblems(problems: InputProblems, controls: Readonly<Record<string, AbstractControl | undefined>>): string[] {
  const byField = problemsByField(problems.map((problem) => ({ ...problem, field: problem.field.replace(/\[\d+\]$/, '') })));
  return placeProblems(
    Object.entries(byField).map(([field, message]) => ({ field, message })),
    (field) => controls[field],
  );
}
