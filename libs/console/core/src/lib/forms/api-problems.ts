import type { AbstractControl } from '@angular/forms';

/** The error key a control keeps the API's problem with it under (Angular's own keys are its validators'). */
const API_PROBLEM = 'api';

/**
 * Puts the API's typed problems on the form controls they name, where each field's own
 * `<mat-error>` shows and announces it (editing the field clears it), and answers the problems no
 * control owns, for the form to show as a whole. `controlFor` maps the API's field names to the
 * form's controls (null where the form has none).
 */
export function placeProblems(
  problems: readonly { field: string; message: string }[],
  controlFor: (field: string) => AbstractControl | null | undefined,
): string[] {
  const unplaced: string[] = [];
  for (const problem of problems) {
    const control = controlFor(problem.field);
    if (control) {
      control.setErrors({ [API_PROBLEM]: problem.message });
      control.markAsTouched();
    } else unplaced.push(problem.message);
  }
  return unplaced;
}

/** The API's problem with a control, if it has one. */
export function apiProblem(control: AbstractControl): string | null {
  return (control.errors?.[API_PROBLEM] as string | undefined) ?? null;
}
