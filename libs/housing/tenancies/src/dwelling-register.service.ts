import { Injectable } from '@nestjs/common';
import { hearthContext, TransactionManager } from '@hearth/platform-database';
import { DEFAULT_PAGE_SIZE, toConnection, type Edge, type PageArgs, type PageInfo } from '@hearth/platform-graphql';
import { Asset, AssetEntity } from '@hearth/housing-assets';
import { Dwelling, Occupancy } from './dwelling.model';
import { cursorValues, hydrate, liveOn, prefixRange, resembles, SqlParams, startsWithReference } from './sql';
import { TenancyEntity } from './tenancies.entities';
import { Tenancy } from './tenancy.model';
import { ukToday } from './uk-date';
import type { DwellingsFilter } from './dto/register-filters.input';

/**
 * The register's sort key: postcode in byte order, so a postcode prefix is a range, with
 * dwellings that have no postcode last ('~' sorts after every postcode character). A CASE, not
 * coalesce(): under RLS only leakproof expressions reach an index, and PostgreSQL counts CASE
 * as one but not COALESCE. The dwelling_register indexes are built on exactly this expression.
 */
const ORDER_KEY = `((case when a.postcode is null then '~' else a.postcode end) collate "C")`;

const FULL_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/;
const DISTRICT = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;
const AREA = /^[A-Z]{1,2}$/;

/** A page of the register; its totalCount is counted only when a client asks for it (DwellingConnectionResolver). */
export interface DwellingPage {
  edges: Edge<Dwelling>[];
  pageInfo: PageInfo;
  filter: DwellingsFilter;
}

/**
 * The dwelling register: the member's dwellings (read from the assets module's table, ADR 9)
 * with the tenancy live in each today, filtered and paged by one set-based, index-backed query.
 */
@Injectable()
export class DwellingRegisterService {
  constructor(private readonly transactions: TransactionManager) {}

  async page(filter: DwellingsFilter, args: PageArgs): Promise<DwellingPage> {
    const params = new SqlParams();
    const conditions = this.conditions(filter, params);
    if (args.after) {
      const [key, id] = cursorValues(args.after, ['text', 'uuid']).map((value) => params.add(value));
      // Spelt out so that its first half is a plain range on the index key, which RLS lets the index serve.
      conditions.push(`${ORDER_KEY} >= ${key} and (${ORDER_KEY} > ${key} or a.id > ${id}::uuid)`);
    }
    // One day for the whole page: the query's live tenancy and each row's `live` flag agree, and
    // the UK date is formatted once per page rather than once per row.
    const today = ukToday();
    // The page is cut first, so the live tenancy is looked up for its rows only, not every match.
    const rows = await this.transactions.query<Record<string, unknown> & { order_key: string; current_tenancy: Record<string, unknown> | null }>(
      `select page.*, to_jsonb(live) as current_tenancy
       from (
         select a.*, ${ORDER_KEY} as order_key from hearth.asset a
         where ${conditions.join(' and ')}
         order by ${ORDER_KEY}, a.id
         limit ${params.add((args.first ?? DEFAULT_PAGE_SIZE) + 1)}
       ) page
       left join hearth.tenancy live on live.tenant_id = page.tenant_id and live.dwelling_id = page.id and ${liveOn('live', params.add(today))}
       order by page.order_key, page.id`,
      params.values,
    );
    const manager = await this.transactions.manager();
    const dwellings = rows.map((row) =>
      Object.assign(new Dwelling(), {
        id: row.id as string,
        asset: Asset.from(hydrate(manager, AssetEntity, row)),
        currentTenancy: row.current_tenancy ? Tenancy.asOf(hydrate(manager, TenancyEntity, row.current_tenancy), today) : null,
      }),
    );
    const keys = new Map(rows.map((row) => [row.id as string, row.order_key]));
    // The count is left to the resolver: it is the costly half on a large member, and often not asked for.
    const { edges, pageInfo } = toConnection(dwellings, args, 0, (dwelling) => [keys.get(dwelling.id)!, dwelling.id]);
    return { edges, pageInfo, filter };
  }

  async count(filter: DwellingsFilter): Promise<number> {
    const params = new SqlParams();
    const [{ total }] = await this.transactions.query<{ total: number }>(
      `select count(*)::int as total from hearth.asset a where ${this.conditions(filter, params).join(' and ')}`,
      params.values,
    );
    return total;
  }

  /** Every condition is one an index can serve under row-level security: leakproof comparisons, ranges and trigram similarity. */
  private conditions(filter: DwellingsFilter, params: SqlParams): string[] {
    // RLS already limits rows to the member; naming it too gives the planner the member's row counts.
    const tenant = `${params.add(hearthContext.require().requireTenantId())}::uuid`;
    const conditions = [`a.tenant_id = ${tenant}`, `a.kind = 'dwelling'`];
    if (filter.patch) conditions.push(`a.patch = ${params.add(filter.patch)}`);
    if (filter.postcode) {
      const [from, to] = postcodeRange(filter.postcode);
      conditions.push(`${ORDER_KEY} >= ${params.add(from)} and ${ORDER_KEY} < ${params.add(to)}`);
    }
    if (filter.occupancy === Occupancy.VOID) {
      // A void has no tenancy, so it has no tenure either: with a tenure filter nothing matches.
      conditions.push(filter.tenureType ? 'false' : `not exists (${this.liveTenancy(params)})`);
    } else if (filter.occupancy === Occupancy.OCCUPIED || filter.tenureType) {
      const tenure = filter.tenureType ? ` and live.tenure_type = ${params.add(filter.tenureType)}` : '';
      conditions.push(`exists (${this.liveTenancy(params)}${tenure})`);
    }
    if (filter.search) {
      // One IN over the union of matches, so the planner joins the few matches rather than
      // testing every dwelling against three alternatives.
      conditions.push(`a.id in (
        select d.id from hearth.asset d
        where d.tenant_id = ${tenant} and d.kind = 'dwelling' and ${resembles('d.search_text', filter.search, params)}
        union all
        select r.asset_id from hearth.asset_reference r where ${startsWithReference('r.reference', filter.search, params)}
        union all
        select t.dwelling_id from hearth.tenancy_reference r
        join hearth.tenancy t on t.tenant_id = r.tenant_id and t.id = r.tenancy_id
        where ${startsWithReference('r.reference', filter.search, params)})`);
    }
    return conditions;
  }

  /** The dwelling's tenancy live today, found from tenancy_by_dwelling alone. */
  private liveTenancy(params: SqlParams): string {
    return `select 1 from hearth.tenancy live
      where live.tenant_id = a.tenant_id and live.dwelling_id = a.id and ${liveOn('live', params.add(ukToday()))}`;
  }
}

/**
 * The range of register keys a postcode filter covers: a full postcode exactly; a district
 * ("CF1") that district only, not CF10; an area ("CF") its districts, not CFx areas; anything
 * else ("CF10 1") as a prefix.
 */
export function postcodeRange(text: string): [string, string] {
  const compact = text.toUpperCase().replace(/\s+/g, '');
  if (FULL_POSTCODE.test(compact)) {
    const postcode = `${compact.slice(0, -3)} ${compact.slice(-3)}`;
    return prefixRange(postcode);
  }
  if (DISTRICT.test(compact)) return prefixRange(`${compact} `);
  // Digits run 0 to 9, and ':' follows '9': an area's districts are [area0, area:).
  if (AREA.test(compact)) return [`${compact}0`, `${compact}:`];
  return prefixRange(text.toUpperCase().replace(/\s+/g, ' ').trim());
}
