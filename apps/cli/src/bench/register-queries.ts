/**
 * The register's read queries as raw SQL, for the baselines: each is written as the tenancies
 * module writes it (DwellingRegisterService, PersonService), so the database does the same work
 * with or without the API in front. Each names the member explicitly, so that run by a
 * superuser (whom row-level security does not apply to) it still reads one member's rows.
 */
export interface RegisterQuery {
  name: string;
  text: string;
  values: unknown[];
}

/** The register's sort key; the dwelling_register indexes are built on exactly this expression. */
const ORDER_KEY = `((case when a.postcode is null then '~' else a.postcode end) collate "C")`;

const live = (alias: string, day: string) => `${alias}.start_date <= ${day}::date and (${alias}.end_date is null or ${alias}.end_date >= ${day}::date)`;

/** The first page of a patch's occupied dwellings with the tenancy live in each: the `dwellings` query's SQL. */
export function dwellingPage(tenantId: string, patch: string, today: string, first = 50): RegisterQuery {
  return {
    name: 'dwelling page (patch, occupied)',
    text: `
      select page.id, page.address_line_1, page.address_line_2, page.town, page.postcode, page.bedrooms, page.patch,
             live.tenure_type, live.start_date
      from (
        select a.*, ${ORDER_KEY} as order_key from hearth.asset a
        where a.tenant_id = $1::uuid and a.kind = 'dwelling' and a.patch = $2
          and exists (select 1 from hearth.tenancy live where live.tenant_id = a.tenant_id and live.dwelling_id = a.id and ${live('live', '$3')})
        order by ${ORDER_KEY}, a.id
        limit $4
      ) page
      left join hearth.tenancy live on live.tenant_id = page.tenant_id and live.dwelling_id = page.id and ${live('live', '$3')}
      order by page.order_key, page.id`,
    values: [tenantId, patch, today, first],
  };
}

/** How many dwellings a patch has: the page's totalCount. */
export function dwellingCount(tenantId: string, patch: string): RegisterQuery {
  return {
    name: 'dwelling count (patch)',
    text: `select count(*)::int as total from hearth.asset a where a.tenant_id = $1::uuid and a.kind = 'dwelling' and a.patch = $2`,
    values: [tenantId, patch],
  };
}

/** People whose name resembles a search (pg_trgm word similarity), first 20 by name: the `people` query's SQL. */
export function peopleSearch(tenantId: string, search: string): RegisterQuery {
  return {
    name: 'people search (name)',
    text: `
      select p.id, p.given_name, p.family_name from hearth.person p
      where p.tenant_id = $1::uuid and p.id in (select m.id from hearth.person m where m.tenant_id = $1::uuid and $2 <% m.search_text)
      order by p.family_name, p.given_name, p.id
      limit 20`,
    values: [tenantId, search],
  };
}

const UK_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in the UK as YYYY-MM-DD: the day the register calls a tenancy live on (as the tenancies module's ukToday). */
export function ukToday(): string {
  return UK_DATE.format(new Date());
}
