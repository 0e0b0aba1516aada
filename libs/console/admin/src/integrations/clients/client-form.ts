import { FormControl, Validators } from '@angular/forms';

/** The API's ceiling on a client's rate limit (MAX_RATE_LIMIT_PER_MINUTE). */
const MAX_RATE_LIMIT = 100_000;

/** The fields registering and editing a client share: its description, scopes and limit. */
export function clientControls(initial: { description: string; scopes: readonly string[]; rateLimitPerMinute: number | null }) {
  return {
    description: new FormControl(initial.description, { nonNullable: true, validators: [Validators.maxLength(1000)] }),
    scopes: new FormControl<string[]>([...initial.scopes], { nonNullable: true, validators: [Validators.required] }),
    // Text, so "empty" (Hearth's default) and a number are told apart.
    rateLimit: new FormControl(initial.rateLimitPerMinute?.toString() ?? '', {
      nonNullable: true,
      validators: [Validators.pattern(/^\s*\d*\s*$/), Validators.min(1), Validators.max(MAX_RATE_LIMIT)],
    }),
  };
}

/** A rate limit as typed: empty is Hearth's default (null). */
export function rateLimitOf(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

/** Where the API's problem fields land on a client form. */
export function clientProblemControls(controls: ReturnType<typeof clientControls>) {
  return { description: controls.description, scopes: controls.scopes, rateLimitPerMinute: controls.rateLimit };
}
