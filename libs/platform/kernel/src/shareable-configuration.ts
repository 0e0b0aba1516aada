/**
 * The shareable configuration SDK. A module whose configuration is worth sharing between members
 * (repairs priorities, a schedule of rates, a letter) declares a ShareableConfigurationKind per
 * kind in its @HearthModule `configurationKinds`; a module whose tables hold people, accounts or
 * homes declares a PrivateDataProbe in `privateDataProbes`, so nothing of its register is
 * published. The shared configuration library (libs/collaboration/shared-configurations)
 * collects both from the module registry: the owner declares, the platform collects (ADR 17).
 */

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
 * set, a letter template, an arrears stage plan), declared by the module that owns it. A kind is
 * a Nest provider of its module (list it in `configurationKinds`) and works inside the current
 * unit of work, on the member bound to it, through its module's own rules:
 *
 * - `extract` builds the content from the member's configuration only (never from people,
 *   tenancies or accounts); the library checks it for private data before publishing it.
 * - `validate` checks content against the module's rules as they apply to this member (its
 *   settings schema and `checkSettings`, its import's checks), changing nothing.
 * - `apply` writes content into the member's configuration, all or nothing: it returns the
 *   problems and changes nothing, or applies everything.
 * - `current` is the member's configuration now, in the shape of `content`, so a copy can be
 *   compared with what it would replace, and an adoption with what has become of it since.
 *
 * docs/collaboration/shared-configurations.md says how a module adds one.
 */
export interface ShareableConfigurationKind {
  /** Lower-case words joined by hyphens, e.g. `repair-priorities`; stored with every published row, so never change it. */
  readonly key: string;
  readonly name: string;
  readonly description: string;
  /** The key of the module declaring it: publishing and copying need it on for the member. */
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
  /** Checks content (already shaped by the content schema) by the module's rules; changes nothing. */
  validate(content: ConfigurationContent, target: string | undefined): Promise<ConfigurationProblem[]>;
  /** Writes content into the member's configuration, all or nothing; returns the problems when nothing was written. */
  apply(content: ConfigurationContent, target: string | undefined): Promise<ConfigurationProblem[]>;
}

/** The kinds of private data the platform refuses to publish, as the API names them. */
export type PrivateDataKind =
  | 'email'
  | 'phone'
  | 'ni_number'
  | 'postcode'
  | 'record_id'
  | 'person_name'
  | 'payment_reference'
  | 'address';

/** One text about to be published, and where it is: `title`, `description`, or a JSON pointer into the content. */
export interface PrivateDataText {
  path: string;
  text: string;
}

export interface PrivateDataFinding {
  /** Where: the path of the text it was found in. */
  path: string;
  kind: PrivateDataKind;
  /** The text found, so the publisher can find and take it out (it is their own data). */
  found: string;
}

/** A probe's finding, with the position in the texts it was given of the text it was found in. */
export interface PrivateDataProbeFinding extends PrivateDataFinding {
  index: number;
}

/**
 * Looks for the member's own data held in its module's tables (people's names, payment
 * references, occupied homes' addresses) in texts about to be published. A probe is a Nest
 * provider of its module (list it in `privateDataProbes`), runs in the current unit of work under
 * the member's row-level security, reads only its own module's tables (and those of modules it
 * depends on, ADR 9), and must be set-based: one statement for all the texts, never one per text
 * (build it with `privateDataProbeQuery`).
 */
export interface PrivateDataProbe {
  /** What it finds, as the API names it. */
  readonly kind: PrivateDataKind;
  /** The first of `texts`, in their order, that holds the member's data, or undefined. */
  find(texts: readonly PrivateDataText[]): Promise<PrivateDataProbeFinding | undefined>;
}

/** SQL: `text` in lower case with runs of spaces and punctuation made one space, as probes compare phrases. */
export function probePhrase(sql: string): string {
  return `btrim(lower(regexp_replace(${sql}, '[[:space:][:punct:]]+', ' ', 'g')))`;
}

/**
 * A probe's statement, with `$1` the texts' paths and `$2` the texts (privateDataProbeParameters).
 * `findings` is SQL selecting `(ord, path, found)` from the relations this defines:
 *
 * - `texts (path, ord, text)`: the texts, `ord` their position from 1;
 * - `grams (path, ord, gram)`: every run of two to six words of each text, as probePhrase makes them;
 * - `tokens (path, ord, token)`: each text in capitals cut at anything but letters, digits, `/` and `-`.
 *
 * Join them with the module's own tables (a hash join: PostgreSQL does the rest at once). The
 * statement returns the finding in the first text, with `index` its position from 0.
 */
export function privateDataProbeQuery(findings: string): string {
  return `with texts as (
      select t.path, t.ord, t.text from unnest($1::text[], $2::text[]) with ordinality as t (path, text, ord)
    ),
    words as (select path, ord, regexp_split_to_array(${probePhrase('text')}, ' ') as w from texts),
    grams as (
      select path, ord, array_to_string(w[i:i + n - 1], ' ') as gram
      from words cross join lateral generate_series(2, 6) n cross join lateral generate_series(1, cardinality(w) - n + 1) i
    ),
    tokens as (
      select path, ord, token from texts cross join lateral regexp_split_to_table(upper(text), '[^A-Z0-9/-]+') token where token <> ''
    )
    select (f.ord - 1)::int as index, f.path, f.found from (${findings}) f (ord, path, found)
    order by f.ord
    limit 1`;
}

export function privateDataProbeParameters(texts: readonly PrivateDataText[]): unknown[] {
  return [texts.map((t) => t.path), texts.map((t) => t.text)];
}

/** A JSON pointer's reference token for `key` (RFC 6901: `~` as `~0`, `/` as `~1`). */
export function pointerKey(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}
