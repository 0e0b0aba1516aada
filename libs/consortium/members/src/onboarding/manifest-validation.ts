import { basename } from 'node:path';
import { Injectable } from '@nestjs/common';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ModuleRegistry, resolveModuleSettings } from '@hearth/platform-kernel';
// The schema lives beside the manifests, where editors find it (eslint.config.mjs allows this
// one import). Imported, not read at run time, so it travels with the code.
import manifestSchema from '../../../../../tenants/member-manifest.schema.json';
import { pointerOf, problemAt, type ManifestProblem, type ManifestSource, type MemberManifest } from './member-manifest';

export type ModuleSettings = Record<string, unknown>;

/** A manifest that passed every check, with each switched-on module's settings resolved. */
export interface ValidManifest {
  source: ManifestSource;
  manifest: MemberManifest;
  /** Switched-on modules and their settings, checked against each module's schema, defaults filled in. */
  modules: Map<string, ModuleSettings>;
}

export interface ValidationResult {
  /** Empty whenever there is a problem: one bad manifest stops the whole run. */
  manifests: ValidManifest[];
  problems: ManifestProblem[];
}

// `verbose` hands each error its schema, so messages can quote allowed fields and the
// `patternErrorMessage` (the keyword VS Code and yaml-language-server show for a failed pattern).
const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
addFormats(ajv, ['email', 'hostname']);
ajv.addKeyword('patternErrorMessage');
const matchesSchema = ajv.compile<MemberManifest>(manifestSchema);

/**
 * Checks manifests in two passes: the JSON Schema (shape, formats), then what a schema cannot
 * say: the file name matches the slug, slugs and organizations are unique across files, every
 * module is installed with its dependencies switched on, and its settings fit its own schema.
 */
@Injectable()
export class ManifestValidator {
  constructor(private readonly registry: ModuleRegistry) {}

  validate(sources: readonly ManifestSource[]): ValidationResult {
    const manifests: ValidManifest[] = [];
    const problems: ManifestProblem[] = [];
    for (const source of sources) {
      if (!matchesSchema(source.document)) {
        const errors = [...(matchesSchema.errors ?? [])];
        problems.push(...schemaProblems(source, errors));
        // Module checks need only a well-formed `modules`; running them as well lists every problem in one go.
        const modules = (source.document as Partial<MemberManifest> | null)?.modules;
        if (modules && !errors.some((error) => error.instancePath.startsWith('/modules'))) {
          problems.push(...this.checkModules(source, modules).problems);
        }
        continue;
      }
      const manifest = source.document;
      const modules = this.checkModules(source, manifest.modules ?? {});
      problems.push(...this.checkNaming(source, manifest), ...checkAdmins(source, manifest), ...modules.problems);
      manifests.push({ source, manifest, modules: modules.settings });
    }
    problems.push(...duplicates(manifests, (m) => m.slug, '/slug', 'slug'));
    problems.push(...duplicates(manifests, (m) => m.keycloak.organization, '/keycloak/organization', 'organization'));
    return problems.length ? { manifests: [], problems } : { manifests, problems };
  }

  /**
   * Checks a member's switched-on modules (a manifest's `modules`, or the database's after a
   * switch through GraphQL) and resolves their settings.
   */
  checkModules(
    source: ManifestSource,
    listed: NonNullable<MemberManifest['modules']>,
  ): { settings: Map<string, ModuleSettings>; problems: ManifestProblem[] } {
    const settings = new Map<string, ModuleSettings>();
    const problems: ManifestProblem[] = [];
    for (const [key, entry] of Object.entries(listed)) {
      const at = pointerOf(['modules', key]);
      const definition = this.registry.get(key);
      if (!definition) {
        const installed = this.registry.all().filter((m) => !m.core).map((m) => m.key);
        problems.push(problemAt(source, at, `module "${key}" is not installed (installed: ${installed.join(', ') || 'none'})`));
        continue;
      }
      const missing = this.registry.dependenciesOf(key).filter((d) => !(d in listed) && !this.registry.get(d)?.core);
      if (missing.length) {
        const names = missing.map((d) => `"${d}"`).join(', ');
        problems.push(problemAt(source, at, `module "${key}" needs ${names} switched on too; list ${missing.length > 1 ? 'them' : 'it'} under modules`));
      }
      const resolved = resolveModuleSettings(definition, entry?.settings ?? {});
      if (resolved.ok) settings.set(key, resolved.settings);
      else {
        for (const problem of resolved.problems) {
          const path = problem.path === '/' ? '' : problem.path;
          problems.push(problemAt(source, `${at}/settings${path}`, problem.message));
        }
      }
    }
    return { settings, problems };
  }

  private checkNaming(source: ManifestSource, manifest: MemberManifest): ManifestProblem[] {
    if (!source.file) return [];
    const expected = `${manifest.slug}.yaml`;
    const actual = basename(source.file);
    return actual === expected
      ? []
      : [problemAt(source, '/slug', `"${manifest.slug}" does not match the file name: rename ${actual} to ${expected}, or change the slug`)];
  }
}

function checkAdmins(source: ManifestSource, manifest: MemberManifest): ManifestProblem[] {
  const seen = new Set<string>();
  return manifest.admins.flatMap((admin, index) => {
    const email = admin.email.toLowerCase();
    if (!seen.has(email)) {
      seen.add(email);
      return [];
    }
    return [problemAt(source, `/admins/${index}/email`, `"${admin.email}" is listed twice`)];
  });
}

function duplicates(
  manifests: readonly ValidManifest[],
  value: (manifest: MemberManifest) => string,
  pointer: string,
  what: string,
): ManifestProblem[] {
  const first = new Map<string, ManifestSource>();
  const problems: ManifestProblem[] = [];
  for (const { source, manifest } of manifests) {
    const key = value(manifest);
    const earlier = first.get(key);
    if (earlier) problems.push(problemAt(source, pointer, `"${key}" is also the ${what} in ${earlier.file ?? 'another manifest'}`));
    else first.set(key, source);
  }
  return problems;
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping (key: value)',
  array: 'a list',
  string: 'text',
  null: 'empty',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
};

const FORMAT_NAMES: Record<string, string> = { email: 'an e-mail address', hostname: 'a domain name' };

/** Turns ajv's errors into sentences that name the field the way the manifest's author wrote it. */
function schemaProblems(source: ManifestSource, errors: readonly ErrorObject[]): ManifestProblem[] {
  return errors
    .filter((error) => error.keyword !== 'propertyNames') // its `pattern` error, reported below, says it better
    .map((error) => {
      const { pointer, message } = describeSchemaError(error);
      return problemAt(source, pointer, message);
    });
}

function describeSchemaError(error: ErrorObject): { pointer: string; message: string } {
  const at = error.instancePath;
  const got = error.data === undefined ? '' : ` (got ${JSON.stringify(error.data)})`;
  const params = error.params as Record<string, unknown>;
  const schema = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys((schema.properties as object | undefined) ?? {});
      return {
        pointer: `${at}${pointerOf([params.additionalProperty as string])}`,
        message: `unknown field${allowed.length ? `; allowed here: ${allowed.join(', ')}` : ''}`,
      };
    }
    case 'required':
      return { pointer: `${at}${pointerOf([params.missingProperty as string])}`, message: 'is required' };
    case 'enum':
      return { pointer: at, message: `must be one of ${(params.allowedValues as unknown[]).join(', ')}${got}` };
    case 'pattern':
      // A failed propertyNames pattern is about the key itself, which ajv names separately.
      return error.propertyName
        ? { pointer: `${at}${pointerOf([error.propertyName])}`, message: `"${error.propertyName}" ${schema.patternErrorMessage ?? error.message}` }
        : { pointer: at, message: `${(schema.patternErrorMessage as string | undefined) ?? error.message}${got}` };
    case 'type': {
      const types = [params.type as string | string[]].flat().map((t) => TYPE_NAMES[t] ?? t);
      return { pointer: at, message: `must be ${types.join(' or ')}${got}` };
    }
    case 'format':
      return { pointer: at, message: `must be ${FORMAT_NAMES[params.format as string] ?? params.format}${got}` };
    case 'minItems':
      return { pointer: at, message: `must list at least ${params.limit}` };
    case 'uniqueItems':
      return { pointer: at, message: `lists ${JSON.stringify((error.data as unknown[])[params.j as number])} twice` };
    case 'minLength':
      return { pointer: at, message: params.limit === 1 ? 'must not be empty' : `must be at least ${params.limit} characters` };
    case 'maxLength':
      return { pointer: at, message: `must be at most ${params.limit} characters` };
    default:
      return { pointer: at, message: error.message ?? 'is not valid' };
  }
}
