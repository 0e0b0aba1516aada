import { Injectable } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { TransactionManager } from '@hearth/platform-database';
import { ArrearsPoint, ArrearsSummary } from './arrears-summary.model';

export const MAX_SUMMARY_WEEKS = 52;

const TODAY = `(now() at time zone 'Europe/London')::date`;

/**
 * The dashboard's arrears: now from the balances PostgreSQL keeps, and the trend from the ledger
 * (a balance on a day is the sum of the account's transactions effective by then; docs/rent.md).
 */
@Injectable()
export class ArrearsSummaryService {
  constructor(private readonly transactions: TransactionManager) {}

  async summary(weeks: number): Promise<ArrearsSummary> {
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_SUMMARY_WEEKS) {
      throw new HearthError('BAD_USER_INPUT', `weeks must be a whole number from 1 to ${MAX_SUMMARY_WEEKS}`, { field: 'weeks' });
    }
    const [now] = await this.transactions.query<{ as_of: string; total: number; accounts: number; open: number }>(
      `select ${TODAY}::text as as_of,
              coalesce(sum(balance_pence) filter (where balance_pence > 0), 0)::float8 as total,
              count(*) filter (where balance_pence > 0)::int as accounts,
              count(*)::int as open
       from hearth.rent_account where closed_on is null`,
    );
    // One pass over the ledger: each transaction goes to the first point on or after its day
    // (earlier ones to the first point), then a running sum per account gives every point's
    // balance. Accounts × points rows, never transactions × points.
    const points = await this.transactions.query<{ on: string; total: number; accounts: number }>(
      `with point as (
         select n, (${TODAY} - 7 * ($1::int - 1 - n))::date as on_day from generate_series(0, $1::int - 1) n
       ),
       moved as (
         select t.account_id, greatest(0, ceil((t.effective_on - (select min(on_day) from point)) / 7.0))::int as n, sum(t.amount_pence) as amount
         from hearth.rent_transaction t
         where t.effective_on <= ${TODAY}
         group by 1, 2
       ),
       balance as (
         select p.on_day, a.opened_on, a.closed_on,
                sum(coalesce(m.amount, 0)) over (partition by a.id order by p.n) as balance
         from hearth.rent_account a
         cross join point p
         left join moved m on m.account_id = a.id and m.n = p.n
       )
       select on_day::text as on,
              coalesce(sum(balance) filter (where open and balance > 0), 0)::float8 as total,
              count(*) filter (where open and balance > 0)::int as accounts
       from (select *, opened_on <= on_day and (closed_on is null or closed_on >= on_day) as open from balance) b
       group by on_day order by on_day`,
      [weeks],
    );
    return Object.assign(new ArrearsSummary(), {
      asOf: now.as_of,
      totalPence: now.total,
      accountsInArrears: now.accounts,
      openAccounts: now.open,
      weeks: points.map((point) => Object.assign(new ArrearsPoint(), { on: point.on, totalPence: point.total, accountsInArrears: point.accounts })),
    });
  }
}
