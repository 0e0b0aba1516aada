/** A piece of configuration as it is published, copied and compared: a JSON object shaped by its kind's content schema. */
export type ConfigurationContent = Record<string, unknown>;

/** Something wrong with content, at a JSON pointer into it (`/priorities/2/code`), for a person to fix. */
export interface ConfigurationProblem {
  path: string;
  message: string;
}

/**
 * One comparable item of a piece of configuration (a priority, a SOR code, a letter's English
 * text), keyed so that the member's own version of it can be found, with the fields a change is
 * reported by.
 */
export interface ConfigurationItem {
  key: string;
  fields: Record<string, unknown>;
}

export type Extracted = { content: ConfigurationContent } | { problem: ConfigurationProblem };

/** Something a copier should know before applying that is not a reason to refuse. */
export interface ConfigurationWarning {
  code: string;
  message: string;
  /** The items it is about (priority codes, say). */
  items: string[];
}

/**
 * One kind of configuration a member can publish and others can copy (repairs priorities, a SOR
 * set, a letter template, an arrears stage plan). Every kind works inside the current unit of
 * work, on the member bound to it, through its owning module's own rules:
 *
 * - `extract` builds the content from the member's configuration only (never from people,
 *   tenancies or accounts); the library checks it for private data before publishing it.
 * - `validate` checks content against the owning module's rules as they apply to this member
 *   (its settings schema and `checkSettings`, its import's checks), changing nothing.
 * - `apply` writes content into the member's configuration, all or nothing: it returns the
 *   problems and changes nothing, or applies everything.
 * - `current` is the member's configuration now, in the shape of `content`, so a copy can be
 *   compared with what it would replace, and an adoption with what has become of it since.
 *
 * Kinds are listed in CONFIGURATION_KINDS (configuration-kinds.ts); docs/collaboration/shared-configurations.md
 * says how a module adds one.
 */
export interface ConfigurationKindHandler {
  /** Lower-case words joined by hyphens, e.g. `repair-priorities`; stored with every published row. */
  readonly key: string;
  readonly name: string;
  readonly description: string;
  /** The module whose configuration it is: publishing and copying need it on for the member. */
  readonly module: string;
  /** What a subject is called when the member has several things of this kind (`letter template`); absent when it has one. */
  readonly subjectName?: string;

  /** JSON Schema (draft 2020-12) of the content. */
  contentSchema(): Record<string, unknown>;
  /** The member's things of this kind that can be published one at a time (letter template codes); empty when there is one. */
  subjects(): Promise<string[]>;
  /** The content to publish, from the member's configuration, or why there is nothing to publish. */
  extract(subject: string | undefined): Promise<Extracted>;
  /** Where content is applied when the copier names no target (the letter template code it was published under). */
  defaultTarget(content: ConfigurationContent): string | undefined;
  /** The member's configuration now, in the shape of `content` (what copying it would replace). */
  current(content: ConfigurationContent, target: string | undefined): Promise<ConfigurationContent | undefined>;
  /**
   * The comparable items of content of this kind. An item of `current` missing from the content
   * is reported as removed, so `current` holds only what applying the content would replace.
   */
  items(content: ConfigurationContent): ConfigurationItem[];
  /** What the copier should know about replacing `before` with `after`. */
  warnings?(before: ConfigurationContent | undefined, after: ConfigurationContent): ConfigurationWarning[];
  validate(content: ConfigurationContent, target: string | undefined): Promise<ConfigurationProblem[]>;
  apply(content: ConfigurationContent, target: string | undefined): Promise<ConfigurationProblem[]>;
}
