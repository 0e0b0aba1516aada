import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { ukDay } from '@hearth/platform-calendar';
import { TransactionManager } from '@hearth/platform-database';
import { HearthError } from '@hearth/platform-core';
import { decodeCursor, DEFAULT_PAGE_SIZE, requestLoader, toConnection } from '@hearth/platform-graphql';
import { TenancyEntity } from '@hearth/housing-tenancies';
import { RentCharge, RentTransaction, type RentTransactionConnection, type RentTransactionRow } from './accounts.model';
import { chargeColumns, transactionColumns } from './accounts.sql';
import type { RentTransactionsArgs } from './dto/accounts.input';

/**
 * An account's relations, each loaded for a whole page of accounts at once through a
 * per-request DataLoader: a page of 50 accounts costs one query per relation, not 50.
 */
@Injectable()
export class RentAccountLoaders {
  constructor(private readonly transactions: TransactionManager) {}

  /** Tenancies are the tenancies module's; rent reads them (ADR 9). */
  tenancy(): DataLoader<string, TenancyEntity | null> {
    return requestLoader('rent:tenancy', async (ids: readonly string[]) => {
      const rows = await (await this.transactions.repository(TenancyEntity)).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /** Each account's schedule rows in force today and any set for later, or with `history` every row. */
  charges(history: boolean): DataLoader<string, RentCharge[]> {
    return requestLoader(`rent:charges:${history}`, async (ids: readonly string[]) => {
      const rows = await this.transactions.query<RentCharge>(
        `select ${chargeColumns('s')} from hearth.rent_charge_schedule s
         where s.account_id = any($1::uuid[])
           and ($2 or s.effective_from > $3::date or s.effective_from = (
             select max(c.effective_from) from hearth.rent_charge_schedule c
             where c.account_id = s.account_id and c.charge_type = s.charge_type and c.effective_from <= $3::date))
         order by s.account_id, s.charge_type, s.effective_from`,
        [ids, history, ukDay(new Date())],
      );
      return group(ids, rows.map((row) => RentCharge.from(row)), (row) => row.accountId);
    });
  }

  /**
   * A page of each account's transactions, newest first, each with the balance after it. The
   * running balance is a window sum over the account's whole ledger in ledger order (effective
   * day, posting time, id), taken before the page's dates and cursor narrow it, so it is the
   * same on every page and the newest row's equals the account's balance.
   */
  ledgerOf(args: RentTransactionsArgs): DataLoader<string, RentTransactionConnection> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    return requestLoader(`rent:transactions:${JSON.stringify([args.first, args.after, args.from, args.to])}`, async (ids: readonly string[]) => {
      const params: unknown[] = [ids, args.from ?? null, args.to ?? null];
      let cursor = '';
      if (args.after) {
        params.push(...transactionCursor(args.after));
        cursor = `and (l."effectiveOn", l."postedAt", l.id) < ($4::date::text, $5::timestamptz, $6::uuid)`;
      }
      type Row = RentTransactionRow & { runningBalancePence: number; total: number; postedKey: string };
      // Every account with rows in the dates gets its total, even when the cursor leaves its page empty.
      const rows = await this.transactions.query<Row>(
        `with ledger as (
           select ${transactionColumns('t')}, t.posted_at::text as "postedKey",
             sum(t.amount_pence) over (partition by t.account_id order by t.effective_on, t.posted_at, t.id)::float8 as "runningBalancePence"
           from hearth.rent_transaction t where t.account_id = any($1::uuid[])
         ),
         dated as (
           select l.* from ledger l
           where ($2::date is null or l."effectiveOn"::date >= $2::date) and ($3::date is null or l."effectiveOn"::date <= $3::date)
         ),
         paged as (
           select l.*, row_number() over (partition by l."accountId" order by l."effectiveOn" desc, l."postedAt" desc, l.id desc) as n
           from dated l where true ${cursor}
         )
         select c."accountId" as "totalOf", c.total, p.* from (select "accountId", count(*)::int as total from dated group by 1) c
         left join paged p on p."accountId" = c."accountId" and p.n <= ${first + 1}
         order by c."accountId", p.n`,
        params,
      );
      const byAccount = group(ids, rows, (row) => (row as Row & { totalOf: string }).totalOf);
      return byAccount.map((list) => {
        const page = list.filter((row) => row.id !== null);
        const connection = toConnection(page, args, list[0]?.total ?? 0, (row) => [row.effectiveOn, row.postedKey, row.id]);
        const edges = connection.edges.map(({ cursor: edgeCursor, node: { total: _total, postedKey: _key, ...row } }) => ({
          cursor: edgeCursor, node: RentTransaction.from(row),
        }));
        return { ...connection, edges };
      });
    });
  }
}

/** posted_at as PostgreSQL writes timestamptz as text, to the microsecond (a JS Date would lose them). */
const POSTED_AT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The sort key a transactions cursor carries (effective day, posting time to the microsecond, id), checked before it reaches SQL. */
function transactionCursor(after: string): string[] {
  const [day, postedAt, id] = decodeCursor(after, 3);
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day) || typeof postedAt !== 'string' || !POSTED_AT.test(postedAt)
    || typeof id !== 'string' || !UUID.test(id)) {
    throw new HearthError('BAD_USER_INPUT', 'The "after" cursor is not one this API issued', { field: 'after' });
  }
  return [day, postedAt, id];
}

function group<T>(ids: readonly string[], rows: T[], key: (row: T) => string): T[][] {
  const byKey = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) byKey.get(key(row))?.push(row);
  return ids.map((id) => byKey.get(id)!);
}
