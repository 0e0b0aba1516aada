/**
 * The bulk-import SDK. A module that owns tables declares an Importer per kind of file it
 * accepts; the platform (libs/platform/imports) does the rest the same way for every kind:
 * it checks the header, COPYs the rows into a temporary staging table, runs the module's
 * checks over all rows at once, and calls `apply` only when no row broke a rule, in the same
 * transaction, so a file is applied whole or not at all. See docs/imports.md.
 */

/**
 * The temporary table the checks and `apply` read the file from: one row per CSV record, a
 * `line` column (the header is line 1, so the first record is line 2, as a spreadsheet numbers
 * rows) and one text column per declared column, trimmed, with empty cells as null.
 */
export const IMPORT_ROWS = 'import_rows';

/** How a column's text is read; the platform checks the format and says so in the docs. */
export type ImportColumnType = 'text' | 'integer' | 'date' | 'boolean' | 'list';

/**
 * One documented column. The platform derives the routine checks from it (required, length,
 * format, range, allowed values), so the importer's own checks are only the domain's rules.
 * In SQL, read typed values with hearth.import_integer / import_date / import_boolean /
 * import_list (see the imports migration): they return null for text that is not what they
 * read, so `prepare` and the checks may call them on any row without raising.
 */
export interface ImportColumn {
  /** The header name: lower-case words joined by underscores. */
  name: string;
  description: string;
  required?: boolean;
  /** Defaults to 'text'. A 'list' is semicolon-separated items. */
  type?: ImportColumnType;
  /** Longest text allowed ('text' columns). */
  maxLength?: number;
  /** Smallest and largest whole number allowed ('integer' columns). */
  min?: number;
  max?: number;
  /** The only values allowed: the value of a 'text' column, every item of a 'list'. */
  values?: readonly string[];
}

/**
 * A rule checked against every staged row in one statement:
 * `select r.line, <column>, <reason> from <checksFrom> where <failsWhen>`.
 * Checks see empty cells as null; a check on an optional column must be false for null
 * (the platform reports missing required values itself). A check that needs other rows or
 * tables reads what `prepare` derived, or uses a top-level [not] exists, which PostgreSQL
 * runs as a hash join; a per-row sub-select over the staged rows would be quadratic.
 */
export interface ImportCheck {
  /** The column the problem is reported against. */
  column: string;
  /** SQL condition over the staged row `r`, true when the row breaks the rule. */
  failsWhen: string;
  /**
   * SQL text expression saying why, for the person who made the file; quote their value with
   * hearth.import_quote, e.g. `hearth.import_quote(r.postcode) || ' is not a UK postcode'`.
   * It must not be null for a row the check fails (mind `||` with a missing cell).
   */
  reason: string;
}

export interface ImportCounts {
  inserted: number;
  updated: number;
  /** Rows that matched what Hearth already had; re-importing a file makes every row this. */
  unchanged: number;
}

/**
 * Imports one kind of file into its module's own tables. Importers are Nest providers (list
 * them in the module's `importers`), so `apply` uses the unit of work's TransactionManager.
 */
export interface Importer {
  /** What the CLI and the API name it by: lower-case, plural, e.g. 'assets'. */
  readonly kind: string;
  readonly description: string;
  /** In the order the sample file has them; the header must name each exactly once. */
  readonly columns: readonly ImportColumn[];
  /**
   * Runs after staging, before the checks: derives, set-based, what the checks and `apply`
   * both need (legacy references resolved to ids, the first line of each duplicate) into
   * temporary tables created `on commit drop`.
   */
  prepare?(): Promise<void>;
  /** What the checks read, as a FROM clause with the staged rows as `r`; by default `import_rows r`. */
  readonly checksFrom?: string;
  readonly checks: readonly ImportCheck[];
  /**
   * Writes the staged rows with set-based statements keyed by each row's legacy reference, so
   * a file imported twice changes nothing the second time: rows that match are left alone,
   * `updated_at` included. Runs only when no check failed.
   */
  apply(): Promise<ImportCounts>;
}

/** A SQL string literal, for importer SQL built from a module's own constants (never from a file's cells). */
export function sqlText(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A SQL `text[]` literal of a module's constant values. */
export function sqlTextArray(values: readonly string[]): string {
  return `array[${values.map(sqlText).join(', ')}]::text[]`;
}

/**
 * Legacy references: every record an import writes is keyed by its id in the system it comes
 * from, (reference_system, reference), kept in the module's `<x>_reference` table. These are the
 * two columns every importer starts with, the SQL that resolves them, and the duplicate check.
 */
export function referenceColumns(record: string): ImportColumn[] {
  return [
    {
      name: 'reference_system',
      required: true,
      maxLength: 100,
      description: 'The system the reference comes from, e.g. "orchard"; every reference in the row is in this system.',
    },
    {
      name: 'reference',
      required: true,
      maxLength: 100,
      description: `The ${record}'s id in that system: how a later import finds the same ${record} again.`,
    },
  ];
}

/**
 * For each staged row: `line`, the `id` its reference already names or a new one, `is_new`, and
 * `first_line`, the first line with the same reference (a later one is a duplicate).
 */
export function resolveReferences(referenceTable: string, idColumn: string): string {
  return `
    select r.line, coalesce(ref.${idColumn}, gen_random_uuid()) as id, ref.${idColumn} is null as is_new,
           min(r.line) over (partition by r.reference_system, r.reference) as first_line
    from ${IMPORT_ROWS} r
    left join ${referenceTable} ref on ref.system = r.reference_system and ref.reference = r.reference`;
}

/** Refuses a reference a row repeats from an earlier line; `alias` is the prepared table holding `first_line`. */
export function duplicateReferenceCheck(alias: string): ImportCheck {
  return {
    column: 'reference',
    failsWhen: `r.reference is not null and ${alias}.first_line < r.line`,
    reason: `hearth.import_quote(r.reference) || ' is already on line ' || ${alias}.first_line`,
  };
}

export interface UpsertByReference {
  /** The module's table, e.g. `hearth.person`. */
  table: string;
  /** Its reference table and the column there naming the record, e.g. `hearth.person_reference`, `person_id`. */
  referenceTable: string;
  referenceColumn: string;
  /** The prepared table with `line`, `id` and `is_new` per staged row (see resolveReferences). */
  resolved: string;
  /** Each column written, with its SQL over the staged row `r` and the resolved row `x`. */
  values: Record<string, string>;
}

/**
 * The statement that applies a file to a table keyed by legacy references: inserts the records
 * whose reference is new (with their reference), updates those whose values differ, and leaves
 * the rest alone, `updated_at` included. Returns one row of ImportCounts.
 */
export function upsertByReference({ table, referenceTable, referenceColumn, resolved, values }: UpsertByReference): string {
  const columns = Object.keys(values);
  const list = (alias: string) => columns.map((c) => `${alias}.${c}`).join(', ');
  return `
    with incoming as (
      select x.id, x.is_new, r.reference_system, r.reference, ${columns.map((c) => `${values[c]} as ${c}`).join(', ')}
      from ${IMPORT_ROWS} r join ${resolved} x on x.line = r.line
    ),
    inserted as (
      insert into ${table} (tenant_id, id, ${columns.join(', ')})
      select (select hearth.current_tenant_id()), i.id, ${list('i')} from incoming i where i.is_new
      returning 1
    ),
    referenced as (
      insert into ${referenceTable} (tenant_id, system, reference, ${referenceColumn})
      select (select hearth.current_tenant_id()), reference_system, reference, id from incoming where is_new
    ),
    updated as (
      update ${table} t set ${columns.map((c) => `${c} = i.${c}`).join(', ')}, updated_at = now()
      from incoming i
      where t.id = i.id and not i.is_new and (${list('t')}) is distinct from (${list('i')})
      returning 1
    )
    select (select count(*) from inserted)::int as inserted, (select count(*) from updated)::int as updated,
           (select count(*) from incoming where not is_new)::int - (select count(*) from updated)::int as unchanged`;
}
