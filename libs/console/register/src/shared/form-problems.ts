import type { FormGroup } from '@angular/forms';
import { placeProblems } from '@hearth/console-core';
import type { FormOutcome } from './register.format';

/**
 * Puts the API's problems on the form's fields (see placeProblems) and returns the one message
 * for the form: a problem no field owns, the API's message, or the fallback.
 */
export function showProblems(form: FormGroup, outcome: Extract<FormOutcome<unknown>, { saved: false }>, fallback: string): string {
  const problems = Object.entries(outcome.problems).map(([field, message]) => ({ field, message }));
  const [unplaced] = placeProblems(problems, (field) => form.get(field));
  return unplaced ?? outcome.message ?? fallback;
}
