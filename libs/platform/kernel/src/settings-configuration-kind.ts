import type { ModuleEnablement, ModuleSettingsValues as Settings } from './module-enablement';
import type { SettingsProblem } from './module-settings';
import type { ModuleRegistry } from './module-registry';
import type {
  ConfigurationContent, ConfigurationItem, ConfigurationProblem, ConfigurationWarning, Extracted, ShareableConfigurationKind,
} from './shareable-configuration';

export type JsonSchema = Record<string, any>;

/** A sub-schema of a module's settings schema without its `default`, so content that leaves a part out is refused rather than filled in. */
export function withoutDefault(schema: JsonSchema): JsonSchema {
  const { default: _default, ...rest } = schema;
  return rest;
}

export function objectSchema(properties: Record<string, JsonSchema>): JsonSchema {
  return { type: 'object', additionalProperties: false, required: Object.keys(properties), properties };
}

/** Replaces the settings path prefix `from` with `to`; undefined when the path is not under it. */
export function underPrefix(path: string, from: string, to: string): string | undefined {
  if (path === from) return to || '/';
  if (path.startsWith(`${from}/`)) return `${to}${path.slice(from.length)}`;
  return undefined;
}

/**
 * The warning a copy owes when it would take away codes the member has now (priorities, stages):
 * `message` gets them quoted and joined (`"P1", "P2"`). None when every code is kept.
 */
export function removedCodesWarning(code: string, before: readonly string[], after: readonly string[], message: (codes: string) => string): ConfigurationWarning[] {
  const kept = new Set(after);
  const removed = before.filter((c) => !kept.has(c));
  if (!removed.length) return [];
  return [{ code, items: removed, message: message(removed.map((c) => `"${c}"`).join(', ')) }];
}

/**
 * A shareable kind that is a part of its module's settings (repairs priorities, rent letters).
 * Its content schema is cut from the module's own settings schema, and it is checked and applied
 * by the module's own rules (schema, defaults, checkSettings) on the member's whole settings,
 * through ModuleEnablement.checkSettings and updateSettings, so content the module would refuse
 * from a manifest is refused here too, with the same message.
 *
 * A subclass is an @Injectable() provider whose constructor takes (ModuleEnablement,
 * ModuleRegistry) and passes them on; it names the module, cuts the content schema, and says how
 * content merges into the settings (`merge`) and where a settings problem lies in the content
 * (`contentPath`).
 */
export abstract class SettingsConfigurationKind implements ShareableConfigurationKind {
  abstract readonly key: string;
  abstract readonly name: string;
  abstract readonly description: string;
  abstract readonly module: string;
  readonly subjectName?: string;

  /** How an applied copy is recorded in the audit log. */
  protected readonly operation: string = 'adoptSharedConfiguration.settings';

  constructor(
    protected readonly enablement: ModuleEnablement,
    protected readonly registry: ModuleRegistry,
  ) {}

  abstract contentSchema(): JsonSchema;
  abstract extract(subject: string | undefined): Promise<Extracted>;
  abstract current(content: ConfigurationContent, target: string | undefined): Promise<ConfigurationContent | undefined>;
  abstract items(content: ConfigurationContent): ConfigurationItem[];
  /** The member's settings with `content` put in place at `target`. */
  protected abstract merge(settings: Settings, content: ConfigurationContent, target: string | undefined): Settings;

  /** Where a problem the module found in its settings lies in the content, or undefined when it lies outside it. */
  protected abstract contentPath(settingsPath: string, target: string | undefined): string | undefined;

  async subjects(): Promise<string[]> {
    return [];
  }

  defaultTarget(_content: ConfigurationContent): string | undefined {
    return undefined;
  }

  /** The owning module's settings schema. */
  protected moduleSchema(): JsonSchema {
    return (this.registry.get(this.module)?.settings ?? {}) as JsonSchema;
  }

  protected read<T extends Settings>(): Promise<T> {
    return this.enablement.settings<T>(this.module);
  }

  async validate(content: ConfigurationContent, target: string | undefined): Promise<ConfigurationProblem[]> {
    const checked = await this.enablement.checkSettings(this.module, (settings) => this.merge(settings, content, target));
    return checked.ok ? [] : checked.problems.map((problem) => this.toContent(problem, target));
  }

  async apply(content: ConfigurationContent, target: string | undefined): Promise<ConfigurationProblem[]> {
    const changed = await this.enablement.updateSettings(this.module, (settings) => this.merge(settings, content, target), this.operation);
    return changed.ok ? [] : changed.problems.map((problem) => this.toContent(problem, target));
  }

  private toContent(problem: SettingsProblem, target: string | undefined): ConfigurationProblem {
    const path = this.contentPath(problem.path, target);
    return path === undefined
      ? { path: '/', message: `In your ${this.registry.get(this.module)?.name ?? this.module} settings at ${problem.path}: ${problem.message}` }
      : { path, message: problem.message };
  }
}
