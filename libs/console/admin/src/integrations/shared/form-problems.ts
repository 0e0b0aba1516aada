import type { AbstractControl } from '@angular/forms';
import { problemsByField } from '@hearth/console-core';

export type InputProblems = readonly { field: string; message: string }[];

/**
 * Puts the API's typed problems on the controls they name ("scopes[2]" is the scopes control),
 * where the field's own error shows and is announced with it; editing the field clears it.
 * Answers the problems about no control on the form, to list above the buttons.
 */
export function showProblems(problems: InputProblems, controls: Readonly<Record<string, AbstractControl | undefined>>): string[] {
  const general: string[] = [];
  const byField = problemsByField(problems.map((problem) => ({ ...problem, field: problem.field.replace(/\[\d+\]$/, '') })));
  for (const [field, message] of Object.entries(byField)) {
    const control = controls[field];
    if (!control) {
      general.push(message);
      continue;
    }
    control.setErrors({ api: message });
    control.markAsTouched();
  }
  return general;
}

/** The API's problem with a control, if it has one. */
export function apiProblem(control: AbstractControl): string | null {
  return (control.errors?.['api'] as string | undefined) ?? null;
}
