import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { HearthModuleDefinition } from './hearth-module.decorator';

export interface SettingsProblem {
  /** JSON pointer into the settings, e.g. `/defaultExpiryDays`. */
  path: string;
  message: string;
}

export type SettingsResult =
  | { ok: true; settings: Record<string, unknown> }
  | { ok: false; problems: SettingsProblem[] };

const ajv = addFormats(new Ajv2020({ allErrors: true, useDefaults: true, strict: true }));
const compiled = new WeakMap<object, ReturnType<typeof ajv.compile>>();

/** Checks a member's settings for a module against its schema and fills in the defaults. */
export function resolveModuleSettings(definition: HearthModuleDefinition, input: unknown): SettingsResult {
  const schema = definition.settings ?? { type: 'object', additionalProperties: false };
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  const settings = structuredClone(input ?? {}) as Record<string, unknown>;
  if (!validate(settings)) return { ok: false, problems: (validate.errors ?? []).map(describeProblem) };
  const problems = definition.checkSettings?.(settings) ?? [];
  return problems.length ? { ok: false, problems } : { ok: true, settings };
}

/** Turns an ajv error into a sentence a member's admin can act on. */
export function describeProblem(error: ErrorObject): SettingsProblem {
  const path = error.instancePath || '/';
  switch (error.keyword) {
    case 'additionalProperties':
      return { path, message: `unknown setting "${(error.params as { additionalProperty: string }).additionalProperty}"` };
    case 'required':
      return { path, message: `"${(error.params as { missingProperty: string }).missingProperty}" is required` };
    case 'enum':
      return { path, message: `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}` };
    default:
      return { path, message: error.message ?? 'is not valid' };
  }
}
