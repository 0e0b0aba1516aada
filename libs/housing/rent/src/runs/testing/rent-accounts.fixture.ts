import type { Client } from 'pg';

export interface AccountsSpec {
  count?: number;
  /** Prefix of the payment references (each account adds a number): unique per call within a member. */
  reference: string;
  frequency?: 'weekly' | 'monthly';
  chargeWeeks?: 52 | 50 | 48 | null;
  openedOn?: string;
  closedOn?: string | null;
  tenancyStart?: string;
  tenancyEnd?: string | null;
  /** Schedule rows, the same for every account. */
  charges?: Array<{ type: 'rent' | 'service_charge' | 'other'; from: string; pence: number; description?: string }>;
}

/**
 * Arranges `count` dwellings, each with a tenancy and a rent account with its schedule, in a few
 * set-based statements as the superuser, so the runs' tests never depend on the services they
 * test (and 20,000 accounts take a second). Returns the account ids in payment-reference order.
 */
export async function insertAccounts(admin: Client, tenantId: string, spec: AccountsSpec): Promise<string[]> {
  const frequency = spec.frequency ?? 'weekly';
  const { rows } = await admin.query(
    `with n as (select n from generate_series(1, $2::int) n),
     dwelling as (
       insert into hearth.asset (tenant_id, kind, address_line_1, postcode)
       select $1, 'dwelling', n || ' Heol y Frenhines', 'CF10 1AA' from n returning id
     ),
     numbered as (select id, row_number() over () as n from dwelling),
     tenancy as (
       insert into hearth.tenancy (tenant_id, dwelling_id, tenure_type, start_date, end_date, end_reason)
       select $1, id, 'assured', $3, $4, case when $4::date is null then null else 'notice' end from numbered returning id, dwelling_id
     )
     insert into hearth.rent_account (tenant_id, tenancy_id, payment_reference, frequency, charge_weeks, opened_on, closed_on)
     select $1, t.id, $5 || lpad(d.n::text, 6, '0'), $6, $7, $8, $9
     from tenancy t join numbered d on d.id = t.dwelling_id
     returning id, payment_reference`,
    [
      tenantId, spec.count ?? 1, spec.tenancyStart ?? '2020-01-06', spec.tenancyEnd ?? null, spec.reference, frequency,
      frequency === 'weekly' ? (spec.chargeWeeks ?? 52) : null, spec.openedOn ?? '2020-01-06', spec.closedOn ?? null,
    ],
  );
  const ids = rows.sort((a, b) => a.payment_reference.localeCompare(b.payment_reference)).map((row) => row.id as string);
  for (const charge of spec.charges ?? [{ type: 'rent', from: '2020-01-06', pence: 10_000 }]) {
    await admin.query(
      `insert into hearth.rent_charge_schedule (tenant_id, account_id, charge_type, effective_from, amount_pence, description, created_by)
       select $1, id, $3, $4, $5, $6, 'test' from unnest($2::uuid[]) as id`,
      [tenantId, ids, charge.type, charge.from, charge.pence, charge.description ?? null],
    );
  }
  return ids;
}

/** Every charge of the member, and whether each account's balance is the sum of its transactions. */
export async function ledgerOf(admin: Client, tenantId: string): Promise<{ charges: number; duplicates: number; balancesWrong: number; total: number }> {
  const { rows } = await admin.query(
    `select
       (select count(*)::int from hearth.rent_transaction where tenant_id = $1 and kind = 'charge') as charges,
       (select count(*)::int from (select 1 from hearth.rent_transaction where tenant_id = $1 and kind = 'charge'
          group by account_id, charge_type, period_start having count(*) > 1) d) as duplicates,
       (select count(*)::int from hearth.rent_account a where a.tenant_id = $1 and a.balance_pence <>
          coalesce((select sum(amount_pence) from hearth.rent_transaction x where x.tenant_id = a.tenant_id and x.account_id = a.id), 0)) as balances_wrong,
       (select coalesce(sum(balance_pence), 0)::bigint::text from hearth.rent_account where tenant_id = $1) as total`,
    [tenantId],
  );
  return { charges: rows[0].charges, duplicates: rows[0].duplicates, balancesWrong: rows[0].balances_wrong, total: Number(rows[0].total) };
}
