/**
 * The accounts area's SQL fragments, shared by its services (and by other areas that read
 * accounts). Rows are selected with camel-case aliases and explicit casts, so a raw row is
 * already what the GraphQL types take: dates as `YYYY-MM-DD` text, pence as numbers (`float8` is
 * exact for every amount the ledger can hold, up to 2^53).
 */

/** A rent_account row `a`, as RentAccountRow without its weekly charge. */
export const accountColumns = (a = 'a') => `${a}.id, ${a}.tenancy_id as "tenancyId", ${a}.payment_reference as "paymentReference",
  ${a}.frequency, ${a}.charge_weeks as "chargeWeeks", ${a}.opened_on::text as "openedOn", ${a}.closed_on::text as "closedOn",
  ${a}.balance_pence::float8 as "balancePence", ${a}.created_at as "createdAt", ${a}.updated_at as "updatedAt"`;

/** A rent_transaction row `t`, as RentTransactionRow. */
export const transactionColumns = (t = 't') => `${t}.id, ${t}.account_id as "accountId", ${t}.kind, ${t}.amount_pence::float8 as "amountPence",
  ${t}.effective_on::text as "effectiveOn", ${t}.posted_at as "postedAt", ${t}.description, ${t}.charge_type as "chargeType",
  ${t}.period_start::text as "periodStart", ${t}.period_end::text as "periodEnd", ${t}.rent_run_id as "rentRunId",
  ${t}.payment_id as "paymentId", ${t}.pair_id as "pairId", ${t}.posted_by as "postedBy"`;

/** A rent_charge_schedule row `s`, as RentCharge. */
export const chargeColumns = (s = 's') => `${s}.account_id as "accountId", ${s}.charge_type as "chargeType", ${s}.effective_from::text as "effectiveFrom",
  ${s}.amount_pence::float8 as "amountPence", ${s}.description, ${s}.created_at as "createdAt", ${s}.created_by as "createdBy"`;

/**
 * The schedule rows of account `a` in force on `day` (SQL, a date): for each charge type, the
 * row with the latest effective_from on or before the day. Reads the schedule's primary key.
 */
export const chargesInForce = (a: string, day: string) => `select distinct on (s.charge_type) s.*
  from hearth.rent_charge_schedule s
  where s.account_id = ${a}.id and s.effective_from <= ${day}
  order by s.charge_type, s.effective_from desc`;

/**
 * Account `a`'s charges in force on `day` as a week's worth in pence (float8): the sum over its
 * charge types, a monthly account's × 12 / 52, so weeks of rent mean the same for both. For a
 * 50- or 48-week account it is the charge of a charged week.
 */
export const weeklyChargeSql = (a: string, day: string) => `(select coalesce(sum(f.amount_pence), 0)::float8
    * case when ${a}.frequency = 'monthly' then 12.0 / 52 else 1 end
  from (${chargesInForce(a, day)}) f)`;
