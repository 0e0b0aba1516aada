import { Injectable } from '@nestjs/common';
import { COUNTRIES, hearthContext, TransactionManager, type Country } from '@hearth/platform-database';
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
} from '@hearth/platform-kernel';
import { TENANCY_END_REASONS, TENURE_TYPES } from './tenancies.entities';
import { allowedTenures, WALES_OCCUPATION_CONTRACTS_FROM } from './tenure-rules';

const COLUMNS: ImportColumn[] = [
  ...referenceColumns('tenancy'),
  { name: 'dwelling_reference', required: true, maxLength: 100, description: 'The dwelling, by its reference in the same system: import the assets first.' },
  { name: 'tenure_type', required: true, values: TENURE_TYPES, description: "One the member's nation allows on the start date (see docs/imports.md)." },
  { name: 'start_date', required: true, type: 'date', description: 'The first day of the tenancy.' },
  { name: 'end_date', type: 'date', description: 'The last day; blank while the tenancy runs.' },
  { name: 'end_reason', values: TENANCY_END_REASONS, description: 'Why it ended: needed with an end_date, and only with one.' },
  { name: 'tenant_references', required: true, type: 'list', description: 'The tenants (joint tenants when more than one), by their people references: import the people first.' },
  { name: 'household_member_references', type: 'list', description: 'Everyone else in the household, by their people references.' },
];

const NATION_NAMES: Record<Country, string> = { england: 'England', wales: 'Wales', scotland: 'Scotland', northern_ireland: 'Northern Ireland' };
const MEMBER_COUNTRY = '(select country from hearth.tenant where id = (select hearth.current_tenant_id()))';

/**
 * The tenures allowed for the member's nation on the row's start date, from tenure-rules.ts: a
 * nation whose rules changed on a date (Wales, for occupation contracts) gets both lists.
 */
function allowedTenuresSql(startDate: string): string {
  const branches = COUNTRIES.map((country) => {
    const before = allowedTenures(country, '1900-01-01');
    const after = allowedTenures(country, WALES_OCCUPATION_CONTRACTS_FROM);
    const list = before.join() === after.join()
      ? sqlTextArray(after)
      : `case when ${startDate} >= date ${sqlText(WALES_OCCUPATION_CONTRACTS_FROM)} then ${sqlTextArray(after)} else ${sqlTextArray(before)} end`;
    return `when ${sqlText(country)} then ${list}`;
  });
  return `case ${MEMBER_COUNTRY} ${branches.join(' ')} end`;
}

const CHECKS: ImportCheck[] = [
  duplicateReferenceCheck('t'),
  {
    column: 'dwelling_reference',
    failsWhen: 'r.dwelling_reference is not null and r.reference_system is not null and t.dwelling_id is null',
    reason: `'No asset has the reference ' || hearth.import_quote(r.dwelling_reference) || ' of ' || r.reference_system || ': import the assets first'`,
  },
  {
    column: 'dwelling_reference',
    failsWhen: `t.dwelling_kind <> 'dwelling'`,
    reason: `hearth.import_quote(r.dwelling_reference) || ' is ' || case when t.dwelling_kind ~ '^[aeiou]' then 'an ' else 'a ' end || t.dwelling_kind || ', not a dwelling'`,
  },
  {
    column: 'tenure_type',
    failsWhen: `t.start_date is not null and r.tenure_type = any(${sqlTextArray(TENURE_TYPES)}) and not r.tenure_type = any(${allowedTenuresSql('t.start_date')})`,
    reason: `hearth.import_quote(r.tenure_type) || ' is not a tenure a member in ' || case ${MEMBER_COUNTRY} ${COUNTRIES.map((c) => `when ${sqlText(c)} then ${sqlText(NATION_NAMES[c])}`).join(' ')} end
      || ' can grant on ' || t.start_date`,
  },
  { column: 'end_date', failsWhen: 't.end_date < t.start_date', reason: `hearth.import_quote(r.end_date) || ' is before the start_date'` },
  { column: 'end_reason', failsWhen: 'r.end_date is not null and r.end_reason is null', reason: `'A tenancy with an end_date needs an end_reason'` },
  { column: 'end_reason', failsWhen: 'r.end_date is null and r.end_reason is not null', reason: `'An end_reason needs an end_date'` },
  {
    column: 'tenant_references',
    failsWhen: 'r.reference_system is not null and t.unknown_tenants is not null',
    reason: `'Not in Hearth (import the people first): ' || hearth.import_quote(t.unknown_tenants)`,
  },
  {
    column: 'household_member_references',
    failsWhen: 'r.reference_system is not null and t.unknown_members is not null',
    reason: `'Not in Hearth (import the people first): ' || hearth.import_quote(t.unknown_members)`,
  },
  {
    column: 'household_member_references',
    failsWhen: 't.tenants_too is not null',
    reason: `'Also listed as tenants: ' || hearth.import_quote(t.tenants_too)`,
  },
  {
    column: 'start_date',
    failsWhen: 't.overlapped_line is not null',
    reason: `'Overlaps tenancy ' || coalesce(hearth.import_quote(t.overlapped_reference) || ' ', '') || 'on line ' || t.overlapped_line || ', on the same dwelling'`,
  },
  {
    column: 'start_date',
    failsWhen: 't.overlapped_in_hearth is not null',
    reason: `'Overlaps tenancy ' || coalesce(
        (select hearth.import_quote(min(ref.reference)) from hearth.tenancy_reference ref where ref.tenancy_id = t.overlapped_in_hearth),
        t.overlapped_in_hearth::text) || ' (from ' || t.overlapped_from
      || coalesce(' to ' || t.overlapped_to, ', with no end date') || '), already recorded on this dwelling'`,
  },
];

/**
 * Tenancies (occupation contracts in Wales) with their tenants and household members, keyed by
 * their reference in the system they come from. The dwelling and people must be in Hearth
 * already; overlapping tenancies on a dwelling, in the file or against Hearth, are refused
 * with the lines named, before PostgreSQL's exclusion constraint would refuse the whole file.
 */
@Injectable()
export class TenancyImporter implements Importer {
  readonly kind = 'tenancies';
  readonly description = 'Tenancies (occupation contracts in Wales) on dwellings, with their tenants and household members.';
  readonly columns = COLUMNS;
  readonly checksFrom = 'import_rows r join import_tenancy t on t.line = r.line';
  readonly checks = CHECKS;

  constructor(private readonly transactions: TransactionManager) {}

  /**
   * `import_tenancy_party`: one row per person a row names, with their id and role (a person
   * named twice in one list counts once). `import_tenancy`: per line, the tenancy's id, the
   * dwelling, the dates, the people not found, and the first tenancy each overlaps, in the file
   * (an earlier line) or in Hearth (one the file does not also list).
   */
  async prepare(): Promise<void> {
    await this.transactions.query(`
      create temporary table import_tenancy_party on commit drop as
      select r.line, named.reference, person.person_id,
             case when bool_or(named.role = 'tenant') then 'tenant' else 'household_member' end as role,
             count(distinct named.role) > 1 as in_both
      from import_rows r
      cross join lateral (
        select 'tenant' as role, unnest(hearth.import_list(r.tenant_references)) as reference
        union all
        select 'household_member', unnest(hearth.import_list(r.household_member_references))
      ) as named
      left join hearth.person_reference person on person.system = r.reference_system and person.reference = named.reference
      group by r.line, named.reference, person.person_id`);
    await this.transactions.query(`
      create temporary table import_tenancy on commit drop as
      with resolved as (${resolveReferences('hearth.tenancy_reference', 'tenancy_id')}),
      own as (
        select r.line, r.reference, x.id, x.is_new, x.first_line, dwelling.id as dwelling_id, dwelling.kind as dwelling_kind,
               hearth.import_date(r.start_date) as start_date, hearth.import_date(r.end_date) as end_date
        from import_rows r
        join resolved x on x.line = r.line
        left join hearth.asset_reference dwelling_ref on dwelling_ref.system = r.reference_system and dwelling_ref.reference = r.dwelling_reference
        left join hearth.asset dwelling on dwelling.id = dwelling_ref.asset_id
      ),
      dated as (
        select *, daterange(start_date, end_date, '[]') as period from own
        where dwelling_kind = 'dwelling' and start_date is not null and (end_date is null or end_date >= start_date)
      ),
      people as (
        select line,
               string_agg(reference, '; ' order by reference) filter (where person_id is null and role = 'tenant') as unknown_tenants,
               string_agg(reference, '; ' order by reference) filter (where person_id is null and role = 'household_member') as unknown_members,
               string_agg(reference, '; ' order by reference) filter (where in_both) as tenants_too
        from import_tenancy_party group by line
      ),
      in_file as (
        select distinct on (later.line) later.line, earlier.line as overlapped_line, earlier.reference as overlapped_reference
        from dated later join dated earlier
          on earlier.dwelling_id = later.dwelling_id and earlier.line < later.line and earlier.period && later.period
        order by later.line, earlier.line
      ),
      in_hearth as (
        select distinct on (dated.line) dated.line, existing.id, existing.start_date, existing.end_date
        from dated
        join hearth.tenancy existing
          on existing.dwelling_id = dated.dwelling_id and daterange(existing.start_date, existing.end_date, '[]') && dated.period
        left join resolved listed on listed.id = existing.id
        where listed.id is null
        order by dated.line, existing.start_date
      )
      select own.*, people.unknown_tenants, people.unknown_members, people.tenants_too,
             in_file.overlapped_line, in_file.overlapped_reference,
             in_hearth.id as overlapped_in_hearth, in_hearth.start_date as overlapped_from, in_hearth.end_date as overlapped_to
      from own
      left join people on people.line = own.line
      left join in_file on in_file.line = own.line
      left join in_hearth on in_hearth.line = own.line`);
  }

  /**
   * Inserts new tenancies with their references and a `started` (and `ended`) event, updates
   * those whose row differs (an `ended` event when one now ends), and adds the parties a row
   * names that the tenancy lacks. Parties are never removed: someone left off a later file is
   * taken off the tenancy in Hearth, where their leaving date is recorded.
   */
  async apply(): Promise<ImportCounts> {
    const actor = hearthContext.require().actor;
    const [counts] = await this.transactions.query<ImportCounts>(
      `
      with incoming as (
        select t.id, t.is_new, r.reference_system, r.reference, t.dwelling_id, r.tenure_type, t.start_date, t.end_date, r.end_reason,
               existing.end_date as ended_before
        from import_rows r
        join import_tenancy t on t.line = r.line
        left join hearth.tenancy existing on existing.id = t.id
      ),
      inserted as (
        insert into hearth.tenancy (tenant_id, id, dwelling_id, tenure_type, start_date, end_date, end_reason)
        select (select hearth.current_tenant_id()), id, dwelling_id, tenure_type, start_date, end_date, end_reason from incoming where is_new
        returning id
      ),
      referenced as (
        insert into hearth.tenancy_reference (tenant_id, system, reference, tenancy_id)
        select (select hearth.current_tenant_id()), reference_system, reference, id from incoming where is_new
      ),
      updated as (
        update hearth.tenancy t
        set dwelling_id = i.dwelling_id, tenure_type = i.tenure_type, start_date = i.start_date, end_date = i.end_date,
            end_reason = i.end_reason, updated_at = now()
        from incoming i
        where t.id = i.id and not i.is_new
          and (t.dwelling_id, t.tenure_type, t.start_date, t.end_date, t.end_reason)
          is distinct from (i.dwelling_id, i.tenure_type, i.start_date, i.end_date, i.end_reason)
        returning t.id
      ),
      joined as (
        insert into hearth.tenancy_party (tenant_id, tenancy_id, person_id, role)
        select (select hearth.current_tenant_id()), t.id, p.person_id, p.role
        from import_tenancy_party p join import_tenancy t on t.line = p.line
        on conflict (tenant_id, tenancy_id, person_id) do update set role = excluded.role
          where tenancy_party.role is distinct from excluded.role
        returning tenancy_id
      ),
      recorded as (
        insert into hearth.tenancy_event (tenant_id, tenancy_id, kind, occurred_on, details, recorded_by)
        select (select hearth.current_tenant_id()), id, 'started', start_date, '{}', $1 from incoming where is_new
        union all
        select (select hearth.current_tenant_id()), id, 'ended', end_date, jsonb_build_object('reason', end_reason), $1
        from incoming where end_date is not null and ended_before is null
      ),
      changed as (select id from updated union select tenancy_id from joined)
      select (select count(*) from inserted)::int as inserted,
             (select count(*) from changed c join incoming i on i.id = c.id and not i.is_new)::int as updated,
             (select count(*) from incoming i where not i.is_new and i.id not in (select id from changed))::int as unchanged`,
      [actor?.name ?? actor?.id],
    );
    return counts;
  }
}
