import { idNamespace, sqlSeededUuid } from './dataset-ids';
import { uprnBase, type HomeRun, type StructureAsset } from './estate-layout';
import type { MemberPlan } from './member-plan';
import { HOMES_PER_UNIT, sqlPostcode } from './postcodes';
import {
  ALERT_CODES, ALERT_SHARE, BEDROOMS, COMMUNICATION_NEEDS, END_REASONS, GO_LIVE_DATE, HOUSEHOLD_SIZES, JOINT_SHARE_OF_PARTNERS,
  MEAN_TENANCY_YEARS, OCCUPANCY, OTHER_RELATIONSHIPS, OWNERSHIP, PARTNER_SHARE, PREVIOUS_TENANCY_SHARE, REFERENCE_DATE,
  WELSH_SPEAKERS,
} from './register-profile';
import { hash32 } from './seeded-random';
import { chooseSql, SqlDraws, SqlParams, sqlLiteral } from './sql-builder';
import { tenureSql } from './tenure-rules';
import { COUNTRY_WORDS } from './word-lists';

/** The tables the generator writes. */
export const REGISTER_TABLES = [
  'asset', 'asset_reference', 'person', 'person_reference', 'person_alert', 'tenancy', 'tenancy_reference', 'tenancy_party', 'tenancy_event',
] as const;
export type RegisterTable = (typeof REGISTER_TABLES)[number];
export type RowCounts = Record<RegisterTable, number>;

export function emptyCounts(): RowCounts {
  return Object.fromEntries(REGISTER_TABLES.map((table) => [table, 0])) as RowCounts;
}

/** Adds what a statement wrote (some of the tables) to a running count. */
export function addCounts(into: RowCounts, written: Partial<RowCounts>): void {
  for (const table of REGISTER_TABLES) into[table] += written[table] ?? 0;
}

/** HACT Reference "allocated by": every generated row carries an id in a pretend legacy system. */
export const LEGACY_SYSTEM = 'seed';
const RECORDED_BY = 'hearth seed';

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * Independent random streams of the set-based statement. Home-level streams are keyed by the
 * home's number, person-level ones by the person's sequence; each attribute has a stream of its
 * own, so changing how one is drawn never shifts another.
 */
enum Stream {
  Occupied = 1, Bedrooms, Heating, Accessibility, Ownership, Handover,
  HouseholdSize, TenancyLength, Previous, PreviousGap, PreviousLength, EndReason,
  LeadSex, LeadAge, LeadFamily, Probation, Minor, PreviousProbation, PreviousMinor,
  Partner, Joint, Relationship, Sex, Age, AgeDays, Family, OwnFamily, Given,
  Title, Mx, Email, Phone, PhoneKind, PhoneNumber, Language, Needs, Alert, AlertCode, AlertRaised, AlertEnded,
}

/**
 * A member's rows number from 1 in id namespaces of their own, and a person's or tenancy's
 * sequence derives from its home's number n, so every part of the statement can name any row
 * without reading it back: person j of home n is n * 8 + j (j = 6 is the tenant of the tenancy
 * before), and home n's tenancies are n * 2 (the one before) and n * 2 + 1 (the current one).
 */
const PEOPLE_PER_HOME = 8;
const PREVIOUS_TENANT = 6;

/** Estates, blocks, communal areas and garages with their legacy references: decided in TypeScript, written in one statement. */
export function structureStatement(member: MemberPlan, structures: readonly StructureAsset[]): Statement {
  const p = new SqlParams();
  const tenant = p.add(member.id, 'uuid');
  const text = `
    with structure as (
      select * from jsonb_to_recordset(${p.add(JSON.stringify(structures), 'jsonb')}) as s(
        id uuid, kind text, parent uuid, name text, line1 text, line2 text, town text, postcode text, uprn bigint,
        built int, heating text, lift boolean, patch text, reference text)
    ),
    new_asset as (
      insert into hearth.asset (tenant_id, id, kind, parent_id, name, address_line_1, address_line_2, town, postcode, uprn,
                                built_year, heating, lift_access, patch)
      select ${tenant}, id, kind, parent, name, line1, line2, town, postcode, uprn, built, heating, lift, patch from structure
      returning 1
    ),
    new_asset_reference as (
      insert into hearth.asset_reference (tenant_id, system, reference, asset_id)
      select ${tenant}, ${sqlLiteral(LEGACY_SYSTEM)}, reference, id from structure
      returning 1
    )
    select (select count(*) from new_asset)::int as asset, (select count(*) from new_asset_reference)::int as asset_reference`;
  return { text, values: p.values };
}

/**
 * One statement that writes every row of some runs of homes: the dwellings, the people living
 * in them (and the tenant before), their tenancies with parties and events, alerts, and legacy
 * references. It is computed set-based from the runs and hash draws, so no row crosses the
 * wire; the writable CTEs all read one materialised plan, and the foreign keys between them
 * are checked as the statement ends.
 */
export function homesStatement(member: MemberPlan, runs: readonly HomeRun[]): Statement {
  const p = new SqlParams();
  const tenant = p.add(member.id, 'uuid');
  const asOf = p.add(REFERENCE_DATE, 'date');
  const goLive = p.add(GO_LIVE_DATE, 'date');
  const draws = new SqlDraws(p.add(hash32(member.namespace), 'bigint'));
  const home = (stream: Stream) => draws.of('n', stream);
  const person = (stream: Stream) => draws.of('seq', stream);
  const householdSeq = `h.n * ${PEOPLE_PER_HOME} + j`;
  const previousSeq = `h.n * ${PEOPLE_PER_HOME} + ${PREVIOUS_TENANT}`;
  const years = (expression: string) => `floor((${expression}) * 365.25)::int`;
  // Each namespace's parts are parameters once, however often the statement uses them.
  const idsIn = (entity: string) => {
    const namespace = idNamespace(`${member.namespace}/${entity}`);
    const offset = p.add(namespace.offset, 'bigint');
    const suffix = p.add(namespace.suffix, 'text');
    return (sequence: string) => sqlSeededUuid(offset, suffix, sequence);
  };
  const ids = { dwelling: idsIn('dwelling'), person: idsIn('person'), tenancy: idsIn('tenancy'), alert: idsIn('alert'), event: idsIn('event') };

  const words = COUNTRY_WORDS[member.country];
  const names = {
    female: p.add(words.givenFemale, 'text[]'),
    femaleEmail: p.add(words.givenFemale.map(emailPart), 'text[]'),
    male: p.add(words.givenMale, 'text[]'),
    maleEmail: p.add(words.givenMale.map(emailPart), 'text[]'),
    family: p.add(words.familyNames, 'text[]'),
    familyEmail: p.add(words.familyNames.map(emailPart), 'text[]'),
  };
  const familyIndex = (draw: string) => `floor(${draw} * ${words.familyNames.length})::int`;
  const ownership = OWNERSHIP[member.country];
  const welshShare = !member.languages.includes('cy') ? 0 : member.languages[0] === 'cy' ? WELSH_SPEAKERS.welshFirst : WELSH_SPEAKERS.englishFirst;
  const tenure = (start: string, asAt: string, probation: Stream, minor: Stream) =>
    tenureSql(member.country, { start, asAt, ownership: 'h.ownership', probationDraw: home(probation), minorDraw: home(minor) });

  const text = `
    with run as (
      select * from jsonb_to_recordset(${p.add(JSON.stringify(runs), 'jsonb')}) as r(
        first int, homes int, parent uuid, form text, street text, number int, step int, building text, town text,
        outward text, sector int, unit int, patch text, built int, "perFloor" int, lift boolean, heating text)
    ),
    home as materialized (
      select r.*, r."perFloor" as per_floor, k, h.n,
        case r.form
          when 'flat' then ${chooseSql(home(Stream.Bedrooms), BEDROOMS.flat)}
          when 'house' then ${chooseSql(home(Stream.Bedrooms), BEDROOMS.house)}
          else ${chooseSql(home(Stream.Bedrooms), BEDROOMS.bungalow)}
        end as bedrooms,
        -- The day the home was first let: some time in the year it was built.
        make_date(r.built, 1, 1) + floor(${home(Stream.Handover)} * 330)::int as handover,
        ${home(Stream.Occupied)} < ${OCCUPANCY} as occupied,
        case
          when r.form = 'flat' and ${home(Stream.Ownership)} < ${ownership.leaseholdFlats} then 'leasehold'
          when r.form = 'house' and r.built >= 2000 and ${home(Stream.Ownership)} < ${ownership.sharedOwnershipNewHouses} then 'shared_ownership'
          else 'rented'
        end as ownership
      from run r
      cross join generate_series(0, r.homes - 1) as k
      cross join lateral (select r.first + k as n) as h
    ),
    household as materialized (
      select h.n, h.occupied, h.ownership, h.handover, s.start, ps.previous_start, pe.previous_end,
        case when h.occupied then least(${chooseSql(home(Stream.HouseholdSize), HOUSEHOLD_SIZES)}, 1 + 2 * h.bedrooms) else 0 end as size,
        ${home(Stream.Previous)} < case when h.occupied then ${PREVIOUS_TENANCY_SHARE.occupied} else ${PREVIOUS_TENANCY_SHARE.void} end
          and ps.previous_start >= h.handover as has_previous,
        ${chooseSql(home(Stream.EndReason), END_REASONS)} as end_reason,
        ${home(Stream.LeadSex)} < 0.6 as lead_female,
        -- The tenant was at least 18 when the tenancy began, and is at most 98 now.
        greatest(s.start - ${years(`18 + least(52, -ln(1 - ${home(Stream.LeadAge)}) * 14)`)}, ${asOf} - ${years('98')}) as lead_dob,
        ${familyIndex(home(Stream.LeadFamily))} as lead_family
      from home h
      cross join lateral (
        select greatest(h.handover, ${asOf} - ${years(`least(45, -ln(1 - ${home(Stream.TenancyLength)}) * ${MEAN_TENANCY_YEARS})`)}) as start
      ) as s
      -- The tenancy before ended a few weeks before this one began (in a void: in the last five months).
      cross join lateral (
        select case when h.occupied then s.start - 7 - floor(${home(Stream.PreviousGap)} * 60)::int
                    else ${asOf} - 1 - floor(${home(Stream.PreviousGap)} * 150)::int end as previous_end
      ) as pe
      cross join lateral (
        select pe.previous_end - ${years(`least(30, 0.5 + -ln(1 - ${home(Stream.PreviousLength)}) * 5)`)} as previous_start
      ) as ps
    ),
    tenancy_plan as materialized (
      select h.n, h.n * 2 + 1 as seq, h.start, null::date as end_date, null::text as end_reason,
        ${tenure('h.start', asOf, Stream.Probation, Stream.Minor)} as tenure
      from household h where h.occupied
      union all
      select h.n, h.n * 2, h.previous_start, h.previous_end, h.end_reason,
        ${tenure('h.previous_start', 'h.previous_end', Stream.PreviousProbation, Stream.PreviousMinor)}
      from household h where h.has_previous
    ),
    -- Everyone who lives or lived in the homes: the current household, lead tenant first, and
    -- the lead tenant of the tenancy before. A lead's sex, birth date and family name are drawn
    -- per household, so the rest of the household can follow them.
    member_plan as (
      select h.n, j, ${householdSeq} as seq, h.n * 2 + 1 as tenancy_seq, h.start as tenancy_start, null::date as left_on,
        j = 1 as lead, h.lead_female, h.lead_dob, h.lead_family,
        case when j = 1 then 'tenant'
             when rel.relationship = 'partner' and ${draws.of(householdSeq, Stream.Joint)} < ${JOINT_SHARE_OF_PARTNERS} then 'tenant'
             else 'household_member' end as role,
        rel.relationship
      from household h
      cross join generate_series(1, h.size) as j
      cross join lateral (
        select case when j = 1 then null
                    when j = 2 and ${draws.of(householdSeq, Stream.Partner)} < ${PARTNER_SHARE} then 'partner'
                    else ${chooseSql(draws.of(householdSeq, Stream.Relationship), OTHER_RELATIONSHIPS)} end as relationship
      ) as rel
      union all
      select h.n, ${PREVIOUS_TENANT}, ${previousSeq}, h.n * 2, h.previous_start, h.previous_end, true,
        ${draws.of(previousSeq, Stream.LeadSex)} < 0.6,
        greatest(h.previous_start - ${years(`20 + ${draws.of(previousSeq, Stream.LeadAge)} * 45`)}, date '1900-01-01'),
        ${familyIndex(draws.of(previousSeq, Stream.LeadFamily))},
        'tenant', null
      from household h where h.has_previous
    ),
    person_plan as materialized (
      select m.*, f.female, d.dob, d.dob <= ${asOf} - ${years('18')} as adult,
        case when m.role = 'tenant' then m.tenancy_start else greatest(m.tenancy_start, d.dob) end as joined_on,
        fam.family + 1 as family_index,
        floor(${person(Stream.Given)} * case when f.female then ${words.givenFemale.length} else ${words.givenMale.length} end)::int + 1 as given_index
      from member_plan m
      cross join lateral (select (${asOf} - m.lead_dob) / 365.25 as age) as lead
      cross join lateral (select
        case when m.lead then m.lead_female
             when m.relationship = 'partner' then case when ${person(Stream.Sex)} < 0.92 then not m.lead_female else m.lead_female end
             else ${person(Stream.Sex)} < 0.5 end as female) as f
      cross join lateral (select
        case when m.lead then m.lead_dob
             when m.relationship = 'partner' then least(m.lead_dob + ${years(`${person(Stream.Age)} * 11 - 5`)}, m.tenancy_start - ${years('16')})
             -- Children of a lead under 43 are under 27; an older lead's children are grown up and still at home.
             when m.relationship = 'child' then ${asOf} - floor(${person(Stream.AgeDays)} * 364)::int - ${years(`floor(case
                 when lead.age <= 43 then ${person(Stream.Age)} * (lead.age - 16)
                 else lead.age - 43 + ${person(Stream.Age)} * 25 end)`)}
             when m.relationship = 'parent' then greatest(m.lead_dob - ${years(`20 + ${person(Stream.Age)} * 15`)}, ${asOf} - ${years('100')})
             when m.relationship = 'sibling' then m.lead_dob + ${years(`${person(Stream.Age)} * 16 - 8`)}
             else ${asOf} - ${years(`18 + ${person(Stream.Age)} * 60`)} end as dob) as d
      cross join lateral (select
        case when m.lead then m.lead_family
             when m.relationship = 'partner' and ${person(Stream.Family)} < 0.6 then m.lead_family
             when m.relationship = 'child' and ${person(Stream.Family)} < 0.85 then m.lead_family
             when m.relationship in ('parent', 'sibling') and ${person(Stream.Family)} < 0.7 then m.lead_family
             else ${familyIndex(person(Stream.OwnFamily))} end as family) as fam
    ),
    new_asset as (
      insert into hearth.asset (tenant_id, id, kind, parent_id, address_line_1, address_line_2, town, postcode, uprn, bedrooms, floor,
                                built_year, heating, lift_access, accessibility, patch)
      select ${tenant}, ${ids.dwelling('n')}, 'dwelling', parent,
        case when form = 'flat' then 'Flat ' || (k + 1) || ', ' || building else (number + k * step) || ' ' || street end,
        case when form = 'flat' then number || ' ' || street end,
        town,
        ${sqlPostcode('outward', 'sector', `unit + k / ${HOMES_PER_UNIT}`)},
        ${p.add(uprnBase(member), 'bigint')} + n,
        bedrooms,
        case when form = 'flat' then k / per_floor end,
        built,
        -- One home in ten has had its heating changed from the run's original.
        case when ${home(Stream.Heating)} < 0.9 then heating when heating = 'gas' then 'electric' else 'gas' end,
        case when form = 'flat' then lift end,
        case
          when form = 'bungalow' then case when ${home(Stream.Accessibility)} < 0.3 then '{level_access,wet_room}' else '{level_access}' end
          when form = 'flat' and k < per_floor and ${home(Stream.Accessibility)} < 0.25 then '{step_free_entrance}'
          when ${home(Stream.Accessibility)} < 0.02 then '{wet_room}'
          when ${home(Stream.Accessibility)} < 0.03 then '{level_access,wheelchair_adapted,wet_room}'
          else '{}'
        end::text[],
        patch
      from home
      returning 1
    ),
    new_asset_reference as (
      insert into hearth.asset_reference (tenant_id, system, reference, asset_id)
      select ${tenant}, ${sqlLiteral(LEGACY_SYSTEM)}, 'PR' || lpad(n::text, 8, '0'), ${ids.dwelling('n')} from home
      returning 1
    ),
    new_person as (
      insert into hearth.person (tenant_id, id, title, given_name, family_name, date_of_birth, email, phone, preferred_language, communication_needs)
      select ${tenant}, ${ids.person('seq')},
        case when not adult then null
             when ${person(Stream.Mx)} < 0.005 then 'Mx'
             when female then ${chooseSql(person(Stream.Title), [['Mrs', 45], ['Ms', 35], ['Miss', 19], ['Dr', 1]])}
             else ${chooseSql(person(Stream.Title), [['Mr', 97], ['Dr', 3]])} end,
        case when female then (${names.female})[given_index] else (${names.male})[given_index] end,
        (${names.family})[family_index],
        dob,
        case when adult and ${person(Stream.Email)} < 0.45 then
          case when female then (${names.femaleEmail})[given_index] else (${names.maleEmail})[given_index] end
            || '.' || (${names.familyEmail})[family_index] || (seq % 997) || '@example.com' end,
        -- Ofcom keeps 07700 900000-900999 and 01632 960000-960999 for drama: no real phone rings.
        case when adult and ${person(Stream.Phone)} < 0.8 then
          case when ${person(Stream.PhoneKind)} < 0.75 then '07700 900' else '01632 960' end
            || lpad(floor(${person(Stream.PhoneNumber)} * 1000)::int::text, 3, '0') end,
        case when ${person(Stream.Language)} < ${welshShare} then 'cy' else 'en' end,
        array_remove(array[${chooseSql(person(Stream.Needs), COMMUNICATION_NEEDS)}]::text[], null)
      from person_plan
      returning 1
    ),
    new_person_reference as (
      insert into hearth.person_reference (tenant_id, system, reference, person_id)
      select ${tenant}, ${sqlLiteral(LEGACY_SYSTEM)}, 'CN' || lpad(seq::text, 9, '0'), ${ids.person('seq')} from person_plan
      returning 1
    ),
    new_person_alert as (
      insert into hearth.person_alert (tenant_id, id, person_id, code, raised_on, ended_on, raised_by)
      select ${tenant}, ${ids.alert('seq')}, ${ids.person('seq')}, ${chooseSql(person(Stream.AlertCode), ALERT_CODES)}, raised,
        -- A tenth of alerts have been lifted, within about a year of being raised.
        case when ${person(Stream.AlertEnded)} < 0.1 then least(${asOf}, raised + floor(${person(Stream.AlertEnded)} * 4000)::int) end,
        ${sqlLiteral(RECORDED_BY)}
      from person_plan
      cross join lateral (select least(${asOf}, greatest(joined_on, ${asOf} - floor(${person(Stream.AlertRaised)} * 3000)::int)) as raised) as r
      where left_on is null and ${person(Stream.Alert)} < ${ALERT_SHARE}
      returning 1
    ),
    new_tenancy as (
      insert into hearth.tenancy (tenant_id, id, dwelling_id, tenure_type, start_date, end_date, end_reason)
      select ${tenant}, ${ids.tenancy('seq')}, ${ids.dwelling('n')}, tenure, start, end_date, end_reason from tenancy_plan
      returning 1
    ),
    new_tenancy_reference as (
      insert into hearth.tenancy_reference (tenant_id, system, reference, tenancy_id)
      select ${tenant}, ${sqlLiteral(LEGACY_SYSTEM)}, 'TN' || lpad(seq::text, 8, '0'), ${ids.tenancy('seq')} from tenancy_plan
      returning 1
    ),
    new_tenancy_party as (
      insert into hearth.tenancy_party (tenant_id, tenancy_id, person_id, role, relationship, joined_on, left_on)
      select ${tenant}, ${ids.tenancy('tenancy_seq')}, ${ids.person('seq')}, role, relationship, joined_on, left_on from person_plan
      returning 1
    ),
    -- Events are what Hearth recorded since the member went live; earlier history is in the dates.
    new_tenancy_event as (
      insert into hearth.tenancy_event (tenant_id, id, tenancy_id, kind, occurred_on, details, recorded_by)
      select ${tenant}, ${ids.event('seq * 2')}, ${ids.tenancy('seq')}, 'started', start, jsonb_build_object('tenureType', tenure),
        ${sqlLiteral(RECORDED_BY)}
      from tenancy_plan where start >= ${goLive}
      union all
      select ${tenant}, ${ids.event('seq * 2 + 1')}, ${ids.tenancy('seq')}, 'ended', end_date, jsonb_build_object('reason', end_reason),
        ${sqlLiteral(RECORDED_BY)}
      from tenancy_plan where end_date >= ${goLive}
      returning 1
    )
    select ${REGISTER_TABLES.map((table) => `(select count(*) from new_${table})::int as ${table}`).join(', ')}`;
  return { text, values: p.values };
}

/** A name as it appears in an email address: ASCII letters only. */
function emailPart(name: string): string {
  return name.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
}
