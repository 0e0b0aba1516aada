import {
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Schema discipline: what `tools/scripts/schema-check.mjs` enforces on `schema.graphql` against
 * main's copy. Pure functions over text (the CLI does the git and file work), so the rules are
 * tested here. The declaration format is documented at the top of `docs/schema-changes.md`;
 * the promise it keeps to partners is `docs/partners/versioning.md`. Change them together.
 */

/** A change graphql-js found, with the schema coordinate it is about (what a declaration names). */
export interface SchemaChange {
  /** graphql-js's BreakingChangeType or DangerousChangeType, e.g. FIELD_REMOVED. */
  type: string;
  /** graphql-js's description, e.g. "WorkOrder.contractor was removed." */
  description: string;
  /** The schema coordinate, e.g. `WorkOrder.contractor`, `Query.workOrders(first:)`, `WorkOrderStatus.SCHEDULED`. */
  subject: string;
}

/** One entry of docs/schema-changes.md: ``- `Subject` (YYYY-MM-DD): reason and migration``. */
export interface Declaration {
  subject: string;
  date: string;
  reason: string;
  /** The section's heading, without the `## `. */
  section: string;
  /** 1-based line in the file. */
  line: number;
}

export interface DeclaredChange extends SchemaChange {
  /** The entry that declares it, if any: an undeclared breaking change fails the check. */
  declaredBy: Declaration | null;
}

export interface Deprecation {
  /** Schema coordinate of the deprecated field, argument, input field or enum value. */
  subject: string;
  reason: string;
  /** The removal date found in the reason, if there is one. */
  date: string | null;
}

export interface SchemaCheckResult {
  ok: boolean;
  breaking: DeclaredChange[];
  dangerous: SchemaChange[];
  /** Deprecations whose reason carries no valid YYYY-MM-DD date: each fails the check. */
  undatedDeprecations: Deprecation[];
  /** Deprecations whose date has passed (a warning: time to remove them, with a declaration). */
  expiredDeprecations: Deprecation[];
  /** Malformed entries in the current change's sections: each fails the check. */
  declarationProblems: string[];
  /** Entries of the current change's sections that match no breaking change (a warning). */
  unusedDeclarations: Declaration[];
  /** The headings of the sections read as the current change's. */
  currentSections: string[];
}

export interface SchemaCheckInput {
  /** main's schema.graphql (the merge base's), or null when main has none. */
  baseSdl: string | null;
  /** The working tree's schema.graphql. */
  currentSdl: string;
  /** The working tree's docs/schema-changes.md ('' when there is none). */
  changesDoc: string;
  /** main's docs/schema-changes.md: its sections are earlier changes', not this one's. */
  baseChangesDoc?: string | null;
  /** Today, YYYY-MM-DD (UTC), for expired deprecations. */
  today?: string;
}

const DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;

/** True for a real calendar day written YYYY-MM-DD (2027-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

/**
 * The schema coordinate a graphql-js change description is about. Descriptions are graphql-js
 * 16's fixed sentences; one this does not know is its own subject (declare it by quoting it).
 */
export function subjectOf(change: { type: string; description: string }): string {
  const d = change.description;
  const name = '([_A-Za-z][_0-9A-Za-z]*)';
  const rules: Array<[string, RegExp, (m: RegExpExecArray) => string]> = [
    ['FIELD_REMOVED', new RegExp(`^${name}\\.${name} was removed\\.$`), (m) => `${m[1]}.${m[2]}`],
    ['FIELD_CHANGED_KIND', new RegExp(`^${name}\\.${name} changed type from `), (m) => `${m[1]}.${m[2]}`],
    ['ARG_REMOVED', new RegExp(`^${name}\\.${name} arg ${name} was removed\\.$`), (m) => `${m[1]}.${m[2]}(${m[3]}:)`],
    ['ARG_CHANGED_KIND', new RegExp(`^${name}\\.${name} arg ${name} has changed type from `), (m) => `${m[1]}.${m[2]}(${m[3]}:)`],
    ['ARG_CHANGED_DEFAULT_VALUE', new RegExp(`^${name}\\.${name} arg ${name} (?:has changed )?defaultValue`), (m) => `${m[1]}.${m[2]}(${m[3]}:)`],
    ['REQUIRED_ARG_ADDED', new RegExp(`^A required arg ${name} on ${name}\\.${name} was added\\.$`), (m) => `${m[2]}.${m[3]}(${m[1]}:)`],
    ['OPTIONAL_ARG_ADDED', new RegExp(`^An optional arg ${name} on ${name}\\.${name} was added\\.$`), (m) => `${m[2]}.${m[3]}(${m[1]}:)`],
    ['REQUIRED_INPUT_FIELD_ADDED', new RegExp(`^A required field ${name} on input type ${name} was added\\.$`), (m) => `${m[2]}.${m[1]}`],
    ['OPTIONAL_INPUT_FIELD_ADDED', new RegExp(`^An optional field ${name} on input type ${name} was added\\.$`), (m) => `${m[2]}.${m[1]}`],
    ['TYPE_REMOVED', new RegExp(`^(?:Standard scalar )?${name} was removed`), (m) => m[1]],
    ['TYPE_CHANGED_KIND', new RegExp(`^${name} changed from `), (m) => m[1]],
    ['TYPE_REMOVED_FROM_UNION', new RegExp(`^${name} was removed from union type ${name}\\.$`), (m) => m[2]],
    ['TYPE_ADDED_TO_UNION', new RegExp(`^${name} was added to union type ${name}\\.$`), (m) => m[2]],
    ['VALUE_REMOVED_FROM_ENUM', new RegExp(`^${name} was removed from enum type ${name}\\.$`), (m) => `${m[2]}.${m[1]}`],
    ['VALUE_ADDED_TO_ENUM', new RegExp(`^${name} was added to enum type ${name}\\.$`), (m) => `${m[2]}.${m[1]}`],
    ['IMPLEMENTED_INTERFACE_REMOVED', new RegExp(`^${name} no longer implements interface ${name}\\.$`), (m) => m[1]],
    ['IMPLEMENTED_INTERFACE_ADDED', new RegExp(`^${name} added to interfaces implemented by ${name}\\.$`), (m) => m[2]],
    ['DIRECTIVE_REMOVED', new RegExp(`^${name} was removed\\.$`), (m) => `@${m[1]}`],
    ['DIRECTIVE_ARG_REMOVED', new RegExp(`^${name} was removed from ${name}\\.$`), (m) => `@${m[2]}(${m[1]}:)`],
    ['REQUIRED_DIRECTIVE_ARG_ADDED', new RegExp(`^A required arg ${name} on directive ${name} was added\\.$`), (m) => `@${m[2]}(${m[1]}:)`],
    ['DIRECTIVE_REPEATABLE_REMOVED', new RegExp(`^Repeatable flag was removed from ${name}\\.$`), (m) => `@${m[1]}`],
    ['DIRECTIVE_LOCATION_REMOVED', new RegExp(`^${name} was removed from ${name}\\.$`), (m) => `@${m[2]}`],
  ];
  for (const [type, pattern, subject] of rules) {
    if (type !== change.type) continue;
    const match = pattern.exec(d);
    if (match) return subject(match);
  }
  return d;
}

/**
 * The declarations of the current change: the entries of every `## YYYY-MM-DD: title` section of
 * `doc` whose heading is not a heading of `baseDoc` (main's copy), i.e. the sections this change
 * added. Other headings (the file's own explanations) hold no declarations.
 * Entries are list items that start with a backquoted subject; any that break the format are
 * problems, so a typo cannot silently leave a breaking change undeclared.
 */
export function parseDeclarations(doc: string, baseDoc: string | null = null): { declarations: Declaration[]; problems: string[]; sections: string[] } {
  const headingsOf = (text: string) =>
    new Set(text.split(/\r?\n/).filter((line) => line.startsWith('## ')).map((line) => line.slice(3).trim()));
  const earlier = headingsOf(baseDoc ?? '');
  const declarations: Declaration[] = [];
  const problems: string[] = [];
  const sections: string[] = [];
  const seen = new Map<string, number>();
  let section: string | null = null;
  let fenced = false;
  doc.split(/\r?\n/).forEach((text, index) => {
    const line = index + 1;
    if (text.startsWith('```')) fenced = !fenced;
    if (fenced) return;
    if (text.startsWith('# ') || text.startsWith('## ')) {
      const heading = text.replace(/^#+ /, '').trim();
      const dated = text.startsWith('## ') && /^\d{4}-\d{2}-\d{2}\b/.test(heading);
      section = dated && !earlier.has(heading) ? heading : null;
      if (section !== null) {
        if (!isCalendarDate(heading.slice(0, 10))) problems.push(`line ${line}: "${heading.slice(0, 10)}" is not a date; write it YYYY-MM-DD`);
        if (seen.has(heading)) problems.push(`line ${line}: the heading "## ${heading}" is used twice (line ${seen.get(heading)}); give each change its own`);
        seen.set(heading, line);
        sections.push(heading);
      }
      return;
    }
    if (section === null || !/^\s*[-*] /.test(text)) return;
    const entry = /^- `([^`]+)` \(([^)]*)\): (.*)$/.exec(text);
    if (!entry) {
      problems.push(`line ${line}: "${text.trim()}" is not an entry; write - \`Type.field\` (YYYY-MM-DD): what changes and what partners do instead`);
      return;
    }
    const [, subject, date, reason] = entry;
    if (!isCalendarDate(date)) {
      problems.push(`line ${line}: "${date}" is not a date; write it YYYY-MM-DD`);
      return;
    }
    if (reason.trim().length < 10) {
      problems.push(`line ${line}: the entry for \`${subject}\` needs a reason and what partners do instead`);
      return;
    }
    declarations.push({ subject: subject.trim(), date, reason: reason.trim(), section, line });
  });
  return { declarations, problems, sections };
}

/** Every deprecated field, argument, input field and enum value of the schema, with its reason. */
export function deprecationsOf(schema: GraphQLSchema): Deprecation[] {
  const found: Deprecation[] = [];
  const add = (subject: string, reason: string | null | undefined) => {
    if (reason === null || reason === undefined) return;
    const match = DATE.exec(reason);
    found.push({ subject, reason, date: match && isCalendarDate(match[0]) ? match[0] : null });
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        add(`${type.name}.${field.name}`, field.deprecationReason);
        for (const arg of field.args) add(`${type.name}.${field.name}(${arg.name}:)`, arg.deprecationReason);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) add(`${type.name}.${field.name}`, field.deprecationReason);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) add(`${type.name}.${value.name}`, value.deprecationReason);
    }
  }
  for (const directive of schema.getDirectives()) {
    for (const arg of directive.args) add(`@${directive.name}(${arg.name}:)`, arg.deprecationReason);
  }
  return found;
}

/** Compares the working tree's schema with main's and checks deprecations and declarations. */
export function checkSchema(input: SchemaCheckInput): SchemaCheckResult {
  const current = buildSchema(input.currentSdl);
  const base = input.baseSdl === null ? null : buildSchema(input.baseSdl);
  const withSubject = (change: { type: string; description: string }): SchemaChange => ({
    type: change.type,
    description: change.description,
    subject: subjectOf(change),
  });
  const breakingChanges = base ? findBreakingChanges(base, current).map(withSubject) : [];
  const dangerous = base ? findDangerousChanges(base, current).map(withSubject) : [];

  const { declarations, problems, sections } = parseDeclarations(input.changesDoc, input.baseChangesDoc ?? null);
  const used = new Set<Declaration>();
  const breaking = breakingChanges.map((change): DeclaredChange => {
    const declaredBy = declarations.find((d) => d.subject === change.subject || d.subject === change.description) ?? null;
    if (declaredBy) used.add(declaredBy);
    return { ...change, declaredBy };
  });

  const today = input.today ?? new Date().toISOString().slice(0, 10);
  const deprecations = deprecationsOf(current);
  const undatedDeprecations = deprecations.filter((d) => d.date === null);
  const expiredDeprecations = deprecations.filter((d) => d.date !== null && d.date < today);

  return {
    ok: breaking.every((c) => c.declaredBy) && undatedDeprecations.length === 0 && problems.length === 0,
    breaking,
    dangerous,
    undatedDeprecations,
    expiredDeprecations,
    declarationProblems: problems,
    unusedDeclarations: declarations.filter((d) => !used.has(d)),
    currentSections: sections,
  };
}

/** The check's findings as lines for a person: failures marked ✖, warnings ⚠, accepted ✔. */
export function reportLines(result: SchemaCheckResult, changesFile = 'docs/schema-changes.md'): string[] {
  const lines: string[] = [];
  for (const change of result.breaking) {
    lines.push(
      change.declaredBy
        ? `✔ breaking, declared: ${change.description} (${changesFile}:${change.declaredBy.line}, ${change.declaredBy.date})`
        : `✖ breaking, not declared: ${change.description}\n    declare it in ${changesFile}, in a section for this change:\n    - \`${change.subject}\` (YYYY-MM-DD): what changes, and what partners do instead`,
    );
  }
  for (const change of result.dangerous) lines.push(`⚠ dangerous (a partner may need to know): ${change.description}`);
  for (const d of result.undatedDeprecations) {
    lines.push(`✖ deprecation without a removal date: ${d.subject} @deprecated(reason: ${JSON.stringify(d.reason)})\n    say when it goes, e.g. "Use x instead. Removed after 2027-06-01."`);
  }
  for (const d of result.expiredDeprecations) lines.push(`⚠ deprecation past its date (${d.date}): ${d.subject}; remove it, declaring the removal`);
  for (const problem of result.declarationProblems) lines.push(`✖ ${changesFile} ${problem}`);
  for (const d of result.unusedDeclarations) lines.push(`⚠ ${changesFile}:${d.line} declares \`${d.subject}\`, which no breaking change is about`);
  return lines;
}
