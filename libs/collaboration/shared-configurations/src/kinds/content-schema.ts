import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describeProblem } from '@hearth/platform-kernel';
import type { ConfigurationContent, ConfigurationKindHandler, ConfigurationProblem } from './configuration-kind';

const ajv = addFormats(new Ajv2020({ allErrors: true, useDefaults: true, strict: true }));
const compiled = new WeakMap<ConfigurationKindHandler, ReturnType<typeof ajv.compile>>();

/**
 * Checks content against its kind's content schema (the shape, before any module's rules), on a
 * copy with the schema's defaults filled in. Content from a client (an adaptation in the copy
 * dialog) must pass this before a kind is asked anything about it.
 */
export function checkContent(kind: ConfigurationKindHandler, content: unknown): { ok: true; content: ConfigurationContent } | { ok: false; problems: ConfigurationProblem[] } {
  let validate = compiled.get(kind);
  if (!validate) {
    validate = ajv.compile(kind.contentSchema());
    compiled.set(kind, validate);
  }
  const copy = structuredClone(content ?? {}) as ConfigurationContent;
  if (validate(copy)) return { ok: true, content: copy };
  return { ok: false, problems: (validate.errors ?? []).map(describeProblem) };
}
