import { Injectable } from '@nestjs/common';
import { TransactionManager } from '@hearth/platform-database';
import {
  duplicateReferenceCheck,
  referenceColumns,
  resolveReferences,
  sqlText,
  sqlTextArray,
  type ImportCheck,
  type ImportColumn,
  type ImportCounts,
  type Importer,
  upsertByReference,
} from '@hearth/platform-kernel';
import { ACCESSIBILITY_FEATURES, ALLOWED_PARENT_KINDS, ASSET_KINDS, HEATING_TYPES, type AssetKindValue } from './asset.entity';

/**
 * Which columns describe which kinds, as asset.rules.ts has them for the API (bedrooms belong
 * to a home, not to an estate); built_year describes every kind.
 */
const CHARACTERISTICS_OF: Record<string, readonly AssetKindValue[]> = {
  bedrooms: ['dwelling'],
  floor: ['dwelling', 'communal'],
  heating: ['block', 'dwelling', 'communal'],
  lift_access: ['block', 'dwelling', 'communal'],
  accessibility: ['block', 'dwelling', 'communal', 'garage'],
};

const COLUMNS: ImportColumn[] = [
  ...referenceColumns('asset'),
  { name: 'kind', required: true, values: ASSET_KINDS, description: 'What the asset is.' },
  { name: 'parent_reference', maxLength: 100, description: 'The estate or block it is part of, by reference: a row earlier or later in the file, or an asset already imported.' },
  { name: 'name', maxLength: 200, description: 'Needed for an estate or block; a communal area or garage needs a name or address_line_1.' },
  { name: 'address_line_1', maxLength: 200, description: 'Needed for a dwelling.' },
  { name: 'address_line_2', maxLength: 200, description: 'Second line of the address.' },
  { name: 'town', maxLength: 100, description: 'Town or city.' },
  { name: 'postcode', description: 'A full UK postcode, in any case and spacing (cf101aa is stored as CF10 1AA). Needed for a dwelling.' },
  { name: 'uprn', description: 'Unique Property Reference Number: 1 to 12 digits; no two assets may share one.' },
  { name: 'bedrooms', type: 'integer', min: 0, max: 20, description: 'Dwellings only.' },
  { name: 'floor', type: 'integer', min: -5, max: 200, description: 'Floor the entrance is on (0 is the ground floor); dwellings and communal areas.' },
  { name: 'built_year', type: 'integer', description: 'Year built, from 1000 to five years from now.' },
  { name: 'heating', values: HEATING_TYPES, description: 'Main heating; blocks, dwellings and communal areas.' },
  { name: 'lift_access', type: 'boolean', description: 'Whether there is a lift to it; blocks, dwellings and communal areas.' },
  { name: 'accessibility', type: 'list', values: ACCESSIBILITY_FEATURES, description: 'Accessibility features; not for estates.' },
  { name: 'patch', maxLength: 100, description: "The housing officer's area." },
];

const article = (kind: string) => (/^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`);
const capitalised = (text: string) => text[0].toUpperCase() + text.slice(1);
const anyOf = (words: readonly string[]) => (words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : words[0]);

/** `case <kind> when 'estate' then <value for estate> ... end`, from a value per asset kind. */
function byKind(kind: string, value: (kind: AssetKindValue) => string): string {
  return `case ${kind} ${ASSET_KINDS.map((k) => `when ${sqlText(k)} then ${value(k)}`).join(' ')} end`;
}

/** The kinds an asset of `kind` may be part of. */
const allowedParents = (kind: string) => byKind(kind, (k) => sqlTextArray(ALLOWED_PARENT_KINDS[k]));

/** "A dwelling", "An estate", ...: the row's kind starting a sentence. */
const A_KIND = byKind('r.kind', (k) => sqlText(capitalised(article(k))));

const CHECKS: ImportCheck[] = [
  duplicateReferenceCheck('a'),
  {
    column: 'postcode',
    failsWhen: 'r.postcode is not null and a.postcode is null',
    reason: `hearth.import_quote(r.postcode) || ' is not a full UK postcode (like CF10 1AA)'`,
  },
  {
    column: 'uprn',
    failsWhen: `r.uprn is not null and a.uprn is null`,
    reason: `hearth.import_quote(r.uprn) || ' is not a UPRN: 1 to 12 digits, and not 0'`,
  },
  { column: 'uprn', failsWhen: 'a.first_uprn_line < r.line', reason: `'UPRN ' || a.uprn || ' is also on line ' || a.first_uprn_line` },
  {
    column: 'uprn',
    failsWhen: 'a.uprn_holder is not null',
    reason: `'UPRN ' || a.uprn || ' is already recorded on asset ' || coalesce(
      (select hearth.import_quote(h.reference) || ' of ' || h.system from hearth.asset_reference h
       where h.asset_id = a.uprn_holder order by h.system, h.reference limit 1),
      a.uprn_holder::text)`,
  },
  {
    column: 'built_year',
    failsWhen: `hearth.import_integer(r.built_year) not between 1000 and extract(year from current_date)::int + 5`,
    reason: `hearth.import_quote(r.built_year) || ' is not between 1000 and ' || (extract(year from current_date)::int + 5)`,
  },
  { column: 'name', failsWhen: `r.kind in ('estate', 'block') and r.name is null`, reason: `${A_KIND} || ' needs a name'` },
  { column: 'address_line_1', failsWhen: `r.kind = 'dwelling' and r.address_line_1 is null`, reason: `'A dwelling needs the first line of its address'` },
  { column: 'postcode', failsWhen: `r.kind = 'dwelling' and r.postcode is null`, reason: `'A dwelling needs a postcode'` },
  {
    column: 'name',
    failsWhen: `r.kind in ('communal', 'garage') and r.name is null and r.address_line_1 is null`,
    reason: `${A_KIND} || ' needs a name or the first line of an address'`,
  },
  ...Object.entries(CHARACTERISTICS_OF).map(([column, kinds]) => ({
    column,
    failsWhen: `r.${column} is not null and r.kind = any(${sqlTextArray(ASSET_KINDS.filter((k) => !kinds.includes(k)))})`,
    reason: `${A_KIND} || ' cannot have ${column}'`,
  })),
  { column: 'parent_reference', failsWhen: 'r.parent_reference = r.reference', reason: `'An asset cannot be part of itself'` },
  {
    column: 'parent_reference',
    failsWhen: 'r.parent_reference is not null and r.reference_system is not null and a.parent_kind is null',
    reason: `'No asset has the reference ' || hearth.import_quote(r.parent_reference) || ' of ' || r.reference_system || ', in this file or in Hearth'`,
  },
  {
    column: 'parent_reference',
    // Rows whose kind (or whose parent's kind) is not one are reported for that instead.
    failsWhen: `r.parent_reference <> r.reference and r.kind = any(${sqlTextArray(ASSET_KINDS)}) and a.parent_kind = any(${sqlTextArray(ASSET_KINDS)})
      and not a.parent_kind = any(${allowedParents('r.kind')})`,
    reason: byKind('r.kind', (k) => {
      const parents = ALLOWED_PARENT_KINDS[k];
      const kind = capitalised(article(k));
      return parents.length
        ? `${sqlText(`${kind} can only be part of ${anyOf(parents.map(article))}, not `)} || ${byKind('a.parent_kind', (p) => sqlText(article(p)))}`
        : sqlText(`${kind} cannot be part of another asset`);
    }),
  },
  {
    // Assets already part of this one, and not in the file (rows in the file are checked themselves), must still fit under its new kind.
    column: 'kind',
    failsWhen: `a.current_kind <> r.kind and r.kind = any(${sqlTextArray(ASSET_KINDS)}) and exists (
      select from hearth.asset c
      where c.parent_id = a.id and not r.kind = any(${allowedParents('c.kind')})
        and not exists (select from import_asset f where f.id = c.id))`,
    reason: `'It has assets that cannot be part of ' || ${byKind('r.kind', (k) => sqlText(article(k)))} || ' (such as '
      || (select coalesce(hearth.import_quote(min(ref.reference)), 'asset ' || min(c.id::text))
          from hearth.asset c left join hearth.asset_reference ref on ref.asset_id = c.id
          where c.parent_id = a.id and not r.kind = any(${allowedParents('c.kind')})) || ')'`,
  },
];

/**
 * Estates, blocks, dwellings, communal areas and garages from a CSV file, keyed by their
 * reference in the system they come from (asset_reference), so importing a file again finds
 * the same assets. Parents may come earlier or later in the file, or be imported already.
 */
@Injectable()
export class AssetImporter implements Importer {
  readonly kind = 'assets';
  readonly description = 'Estates, blocks, dwellings, communal areas and garages, with the estate or block each is part of.';
  readonly columns = COLUMNS;
  readonly checksFrom = 'import_rows r join import_asset a on a.line = r.line';
  readonly checks = CHECKS;

  constructor(private readonly transactions: TransactionManager) {}

  /**
   * One row per line: the asset's id (the one its reference already names, or a new one), its
   * parent's id and kind (from the file first, else from Hearth), its postcode normalised and
   * UPRN as a number, the asset that already holds that UPRN, and the first line of each
   * repeated reference or UPRN.
   */
  async prepare(): Promise<void> {
    await this.transactions.query(`
      create temporary table import_asset on commit drop as
      with resolved as (${resolveReferences('hearth.asset_reference', 'asset_id')}),
      own as (
        select r.line, r.reference_system, r.reference, r.kind, r.parent_reference, resolved.id, resolved.is_new, resolved.first_line,
               existing.kind as current_kind, hearth.normalise_postcode(r.postcode) as postcode,
               case when r.uprn ~ '^[0-9]{1,12}$' and r.uprn !~ '^0+$' then r.uprn::bigint end as uprn
        from import_rows r
        join resolved on resolved.line = r.line
        left join hearth.asset existing on existing.id = resolved.id
      )
      select own.line, own.id, own.is_new, own.current_kind, own.postcode, own.uprn, own.first_line,
             case when own.uprn is not null then min(own.line) over (partition by own.uprn) end as first_uprn_line,
             holder.id as uprn_holder,
             coalesce(in_file.id, parent.id) as parent_id,
             coalesce(in_file.kind, parent.kind) as parent_kind
      from own
      left join own in_file on in_file.line = in_file.first_line
        and in_file.reference_system = own.reference_system and in_file.reference = own.parent_reference
      left join hearth.asset_reference parent_ref on in_file.line is null
        and parent_ref.system = own.reference_system and parent_ref.reference = own.parent_reference
      left join hearth.asset parent on parent.id = parent_ref.asset_id
      left join hearth.asset holder on holder.uprn = own.uprn and holder.id <> own.id`);
  }

  apply(): Promise<ImportCounts> {
    return this.transactions.query<ImportCounts>(
      upsertByReference({
        table: 'hearth.asset',
        referenceTable: 'hearth.asset_reference',
        referenceColumn: 'asset_id',
        resolved: 'import_asset',
        values: {
          kind: 'r.kind',
          parent_id: 'x.parent_id',
          name: 'r.name',
          address_line_1: 'r.address_line_1',
          address_line_2: 'r.address_line_2',
          town: 'r.town',
          postcode: 'x.postcode',
          uprn: 'x.uprn',
          bedrooms: 'hearth.import_integer(r.bedrooms)::smallint',
          floor: 'hearth.import_integer(r.floor)::smallint',
          built_year: 'hearth.import_integer(r.built_year)::smallint',
          heating: 'r.heating',
          lift_access: 'hearth.import_boolean(r.lift_access)',
          accessibility: 'hearth.import_list(r.accessibility)',
          patch: 'r.patch',
        },
      }),
    ).then(([counts]) => counts);
  }
}
