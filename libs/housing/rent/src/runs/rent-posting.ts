import { Injectable } from '@nestjs/common';
import { TransactionManager } from '@hearth/platform-database';
import type { AccountFrequency, ChargeType, ChargeWeeks } from '../rent.entities';

/** What one run charges: a period of one frequency, and the charge-week patterns that go free in it. */
export interface PostingPeriod {
  runId: string;
  frequency: AccountFrequency;
  start: string;
  end: string;
  /** Weekly accounts charged this many weeks are not charged this week (it is one of their rent-free weeks). */
  freeFor: ChargeWeeks[];
  /** How the period reads on a statement: `w/c 6 Apr 2026`, `April 2026`. */
  label: string;
  postedBy: string;
}

/** One chunk's counts; the run's are their sums. */
export interface ChunkCounts {
  /** Accounts with at least one charge due in the period. */
  accounts: number;
  /** Charges this run posted (in this attempt or an earlier one that was cut short). */
  posted: number;
  /** Charges already in the ledger from another run. */
  alreadyPosted: number;
  /** Pence this run posted. */
  postedPence: number;
}

/** A charge a dry run would post. */
export interface DueLine {
  accountId: string;
  paymentReference: string;
  chargeType: ChargeType;
  amountPence: number;
  description: string;
}

/**
 * The charges due in a period, for the accounts whose ids fall in [$5, $6) ($6 null: to the end):
 * each account open on the period's first day whose tenancy is live that day, charged each
 * type's amount from the schedule row in force that day (the latest effective_from on or before
 * it), except zero amounts and the rent-free weeks of 50- and 48-week accounts.
 * Parameters: $1 frequency, $2 period start, $3 charge-week patterns free this period, $4 the
 * period's label, $5 and $6 the id range.
 */
const DUE = `
  select a.id as account_id, a.payment_reference, s.charge_type, s.amount_pence,
         left(coalesce(s.description, case s.charge_type when 'rent' then 'Rent' when 'service_charge' then 'Service charge' else 'Other charge' end)
              || ' ' || $4, 200) as description
  from hearth.rent_account a
  join hearth.tenancy t on t.tenant_id = a.tenant_id and t.id = a.tenancy_id
  join (
    select distinct on (cs.account_id, cs.charge_type) cs.account_id, cs.charge_type, cs.amount_pence, cs.description
    from hearth.rent_charge_schedule cs
    where cs.tenant_id = hearth.current_tenant_id() and cs.account_id >= $5 and ($6::uuid is null or cs.account_id < $6)
      and cs.effective_from <= $2
    order by cs.account_id, cs.charge_type, cs.effective_from desc
  ) s on s.account_id = a.id
  where a.tenant_id = hearth.current_tenant_id() and a.id >= $5 and ($6::uuid is null or a.id < $6)
    and a.frequency = $1
    and a.opened_on <= $2 and (a.closed_on is null or a.closed_on >= $2)
    and t.start_date <= $2 and (t.end_date is null or t.end_date >= $2)
    and s.amount_pence > 0
    and not (coalesce(a.charge_weeks, 0) = any($3::int[]))`;

/**
 * The due charges already in the ledger. Each is looked up by its own key on the one-charge index
 * (the lateral subquery makes it a probe per due charge): joined as sets, the planner may instead
 * read the member's whole index for the period, which grows with every week posted.
 */
const EXISTING = `
  select d.account_id, x.rent_run_id, x.amount_pence
  from due d
  cross join lateral (
    select x.rent_run_id, x.amount_pence from hearth.rent_transaction x
    where x.tenant_id = hearth.current_tenant_id() and x.account_id = d.account_id and x.charge_type = d.charge_type
      and x.period_start = $2 and x.kind = 'charge'
    limit 1
  ) x`;

/**
 * Posts a period's charges in set-based SQL, a chunk of accounts (an id range) per statement.
 * `on conflict do nothing` on the one-charge index makes posting idempotent: a charge already in
 * the ledger is skipped, so a repeated run posts nothing and a run resumed after a crash posts
 * exactly what is missing. The ledger's trigger adds each statement's charges to the balances.
 */
@Injectable()
export class RentPosting {
  constructor(private readonly transactions: TransactionManager) {}

  /**
   * Where each chunk of `size` accounts starts, in id order (the chunks are the ranges between
   * them; the first starts below every id, so an account opened meanwhile falls in some chunk).
   * All the member's accounts count, whatever their frequency: the primary key answers this from
   * the index alone.
   */
  async chunkStarts(size: number): Promise<string[]> {
    const rows = await this.transactions.query<{ id: string }>(
      `select id from (
         select id, row_number() over (order by id) - 1 as position from hearth.rent_account where tenant_id = hearth.current_tenant_id()
       ) numbered where position % $1 = 0 order by id`,
      [size],
    );
    return rows.map((row, i) => (i === 0 ? ZERO_UUID : row.id));
  }

  /** Posts the chunk [from, to) (to undefined: to the last account) and counts what it found. */
  async postChunk(period: PostingPeriod, from: string, to: string | undefined): Promise<ChunkCounts> {
    const [row] = await this.transactions.query<CountsRow>(
      `with due as materialized (${DUE}),
       existing as (${EXISTING}),
       inserted as (
         insert into hearth.rent_transaction (tenant_id, account_id, kind, amount_pence, effective_on, description, charge_type,
                                              period_start, period_end, rent_run_id, posted_by)
         select hearth.current_tenant_id(), account_id, 'charge', amount_pence, $2, description, charge_type, $2, $7, $8, $9 from due
         on conflict (tenant_id, account_id, charge_type, period_start) where kind = 'charge' do nothing
         returning amount_pence
       )
       select (select count(distinct account_id) from due)::int as accounts,
              (select count(*) from inserted)::int + (select count(*) from existing where rent_run_id = $8)::int as posted,
              (select count(*) from existing where rent_run_id is distinct from $8)::int as already_posted,
              ((select coalesce(sum(amount_pence), 0) from inserted) + (select coalesce(sum(amount_pence), 0) from existing where rent_run_id = $8))::text as posted_pence`,
      [...this.dueParameters(period, from, to), period.end, period.runId, period.postedBy],
    );
    return toCounts(row);
  }

  /** What postChunk would post and find, writing nothing: a dry run. */
  async previewChunk(period: PostingPeriod, from: string, to: string | undefined): Promise<ChunkCounts> {
    const [row] = await this.transactions.query<CountsRow>(
      `with due as materialized (${DUE}),
       existing as (${EXISTING})
       select (select count(distinct account_id) from due)::int as accounts,
              ((select count(*) from due) - (select count(*) from existing))::int as posted,
              (select count(*) from existing)::int as already_posted,
              ((select coalesce(sum(amount_pence), 0) from due) - (select coalesce(sum(amount_pence), 0) from existing))::text as posted_pence`,
      this.dueParameters(period, from, to),
    );
    return toCounts(row);
  }

  /** The first `limit` charges of the period not yet in the ledger, by payment reference: a dry run's sample. */
  async dueLines(period: PostingPeriod, limit: number): Promise<DueLine[]> {
    const rows = await this.transactions.query<{ account_id: string; payment_reference: string; charge_type: ChargeType; amount_pence: string; description: string }>(
      `with due as (${DUE})
       select d.* from due d
       where not exists (select 1 from hearth.rent_transaction x where x.tenant_id = hearth.current_tenant_id() and x.account_id = d.account_id
                           and x.charge_type = d.charge_type and x.period_start = $2 and x.kind = 'charge')
       order by d.payment_reference, d.charge_type limit $7`,
      [...this.dueParameters(period, ZERO_UUID, undefined), limit],
    );
    return rows.map((row) => ({
      accountId: row.account_id,
      paymentReference: row.payment_reference,
      chargeType: row.charge_type,
      amountPence: Number(row.amount_pence),
      description: row.description,
    }));
  }

  private dueParameters(period: PostingPeriod, from: string, to: string | undefined): unknown[] {
    return [period.frequency, period.start, period.freeFor, period.label, from, to ?? null];
  }
}

/** Below every uuid: the start of the first chunk. */
export const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

interface CountsRow {
  accounts: number;
  posted: number;
  already_posted: number;
  posted_pence: string;
}

function toCounts(row: CountsRow): ChunkCounts {
  return { accounts: row.accounts, posted: row.posted, alreadyPosted: row.already_posted, postedPence: Number(row.posted_pence) };
}
