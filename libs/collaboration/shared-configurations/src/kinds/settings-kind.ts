import type { ConfigurationContent, ConfigurationItem, ConfigurationKindHandler, ConfigurationProblem, Extracted } from './configuration-kind';
import type { MemberSettings, Settings } from './member-settings';

export type JsonSchema = Record<string, any>;

/** A sub-schema of a module's settings schema without its `default`, so content that leaves a part out is refused rather than filled in. */
export function withoutDefault(schema: JsonSchema): JsonSchema {
  const { default: _default, ...rest } = schema;
  return rest;
}

export function objectSchema(properties: Record<string, JsonSchema>): JsonSchema {
  return { type: 'object', additionalProperties: false, required: Object.keys(properties), properties };
}

/**
 * A kind that is a part of one module's settings (repairs priorities, rent letters). Its content
 * schema is cut from that module's own settings schema, and it is checked and applied by that
 * module's own rules (schema, defaults, checkSettings) on the member's whole settings, so content
 * the module would refuse from a manifest is refused here too, with the same message.
 */
export abstract class SettingsKind implements ConfigurationKindHandler {
  abstract readonly key: string;
  abstract readonly name: string;
  abstract readonly description: string;
  abstract readonly module: string;
  readonly subjectName?: string;

  constructor(protected readonly settings: MemberSettings) {}

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
    return (this.settings.definition(this.module).settings ?? {}) as JsonSchema;
  }

  protected read<T extends Settings>(): Promise<T> {
    return this.settings.read<T>(this.module);
  }

  async validate(content: ConfigurationContent, target: string | undefined): Promise<ConfigurationProblem[]> {
    const checked = await this.settings.check(this.module, (settings) => this.merge(settings, content, target));
    return checked.ok ? [] : checked.problems.map((problem) => this.toContent(problem, target));
  }

  async apply(content: ConfigurationContent, target: string | undefined): Promise<ConfigurationProblem[]> {
    const changed = await this.settings.update(this.module, (settings) => this.merge(settings, content, target), 'adoptSharedConfiguration.settings');
    return changed.ok ? [] : changed.problems.map((problem) => this.toContent(problem, target));
  }

  private toContent(problem: ConfigurationProblem, target: string | undefined): ConfigurationProblem {
    const path = this.contentPath(problem.path, target);
    return path === undefined
      ? { path: '/', message: `In your ${this.settings.definition(this.module).name} settings at ${problem.path}: ${problem.message}` }
      : { path, message: problem.message };
  }
}

/** Replaces the settings path prefix `from` with `to`; undefined when the path is not under it. */
export function underPrefix(path: string, from: string, to: string): string | undefined {
  if (path === from) return to || '/';
  if (path.startsWith(`${from}/`)) return `${to}${path.slice(from.length)}`;
  return undefined;
}
