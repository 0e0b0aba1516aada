import type { FormGroup } from '@angular/forms';
import type { FormOutcome } from './register.format';

/**
 * Puts the API's problems on the form's fields (shown by each field's mat-error as `server`),
 * and returns the one message for the form: a problem no field owns, the API's message, or the
 * fallback.
 */
export function showProblems(form: FormGroup, outcome: Extract<FormOutcome<unknown>, { saved: false }>, fallback: string): string {
  let message: string | null = null;
  for (const [field, problem] of Object.entries(outcome.problems)) {
    const control = form.get(field);
    if (control) control.setErrors({ server: problem });
    else message ??= problem;
  }
  return message ?? outcome.message ?? fallback;
}
