import { Injectable } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { ukDay } from '@hearth/platform-calendar';
import { actorLabel, AuditLog, hearthContext, Outbox, TransactionManager } from '@hearth/platform-database';
import { DEFAULT_PAGE_SIZE, decodeCursor, InputProblem, toConnection, type PageArgs } from '@hearth/platform-graphql';
import { ModuleEnablement } from '@hearth/platform-kernel';
import { TenancyNotFound } from '@hearth/housing-tenancies';
import { RentEvent } from '../rent.permissions';
import type { RentSettings } from '../rent.settings';
import {
  PaymentReferenceTaken, RentAccount, RentAccountClosed, RentAccountExists, RentAccountNotFound, RentCharge, RentChargeExists, RentInputInvalid,
  RentReview, type RentAccountConnection, type RentAccountFailure, type RentAccountRow, type RentBand,
} from './accounts.model';
import { accountColumns, chargeColumns, weeklyChargeSql } from './accounts.sql';
import type { CloseRentAccountInput, OpenRentAccountInput, RentAccountsFilter, ReviewRentsInput, SetRentChargeInput } from './dto/accounts.input';
import { generatePaymentReference, normalisePaymentReference } from './payment-reference';

/** Tries at generating a free reference before giving up; with ten million references a clash is rare. */
const REFERENCE_ATTEMPTS = 5;

/** An account with its weekly charge today, for RentAccount.from. `$1` is today. */
const ACCOUNT_SELECT = `select ${accountColumns('a')}, ${weeklyChargeSql('a', '$1::date')} as "weeklyChargePence" from hearth.rent_account a`;

/** Arrears in weeks of rent of a row with balancePence and weeklyChargePence (SQL, float8); as weeksOfRent() in TS. */
const WEEKS_SQL = `case when x."balancePence" <= 0 then 0::float8
  when x."weeklyChargePence" > 0 then x."balancePence" / x."weeklyChargePence" else 'infinity'::float8 end`;

@Injectable()
export class RentAccountService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly modules: ModuleEnablement,
  ) {}

  async bands(): Promise<RentBand[]> {
    return (await this.modules.settings<RentSettings & Record<string, unknown>>('rent')).arrearsBands;
  }

  async find(id: string): Promise<RentAccount | null> {
    const [row] = await this.transactions.query<RentAccountRow>(`${ACCOUNT_SELECT} where a.id = $2`, [ukDay(new Date()), id]);
    return row ? RentAccount.from(row, await this.bands()) : null;
  }

  /**
   * Accounts by payment reference, or, for accounts in arrears, worst first (sorting the
   * member's accounts: no index holds balances, so the ledger's balance updates stay HOT). A band is a range of weeks of rent, so its filter is computed
   * from each account's balance and today's charges.
   */
  async list(filter: RentAccountsFilter, args: PageArgs): Promise<RentAccountConnection> {
    const bands = await this.bands();
    const params: unknown[] = [ukDay(new Date())];
    const add = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (!filter.includeClosed) where.push('a.closed_on is null');
    if (filter.inArrears === true) where.push('a.balance_pence > 0');
    if (filter.inArrears === false) where.push('a.balance_pence <= 0');
    if (filter.tenancyId) where.push(`a.tenancy_id = ${add(filter.tenancyId)}::uuid`);
    if (filter.paymentReference) where.push(`a.payment_reference = ${add(normalisePaymentReference(filter.paymentReference))}`);
    if (filter.search) {
      const prefix = `${filter.search.replace(/[\\%_]/g, '\\$&')}%`;
      const upper = add(normalisePaymentReference(prefix));
      const lower = add(prefix.toLowerCase());
      where.push(`(a.payment_reference like ${upper} or exists (
        select 1 from hearth.tenancy_party tp join hearth.person p on p.tenant_id = tp.tenant_id and p.id = tp.person_id
        where tp.tenancy_id = a.tenancy_id and tp.role = 'tenant' and lower(p.family_name) like ${lower}))`);
    }
    const outer: string[] = [];
    if (filter.band) {
      const sorted = [...bands].sort((a, b) => a.fromWeeks - b.fromWeeks);
      const i = sorted.findIndex((band) => band.code === filter.band);
      if (i < 0) throw new HearthError('BAD_USER_INPUT', `There is no arrears band "${filter.band}" in the member's settings`, { field: 'filter.band' });
      outer.push(`${WEEKS_SQL} >= ${add(sorted[i].fromWeeks)}::float8`);
      if (sorted[i + 1]) outer.push(`${WEEKS_SQL} < ${add(sorted[i + 1].fromWeeks)}::float8`);
    }
    const base = `select * from (${ACCOUNT_SELECT} ${where.length ? `where ${where.join(' and ')}` : ''}) x
      ${outer.length ? `where ${outer.join(' and ')}` : ''}`;
    const [{ total }] = await this.transactions.query<{ total: number }>(`select count(*)::int as total from (${base}) b`, params);

    const worstFirst = filter.inArrears === true;
    const page: string[] = [];
    if (args.after) {
      const values = decodeCursor(args.after, worstFirst ? 2 : 1);
      page.push(worstFirst
        ? `(b."balancePence", b.id) < (${add(Number(values[0]))}::float8, ${add(String(values[1]))}::uuid)`
        : `b."paymentReference" > ${add(String(values[0]))}`);
    }
    const rows = await this.transactions.query<RentAccountRow>(
      `select * from (${base}) b ${page.length ? `where ${page.join(' and ')}` : ''}
       order by ${worstFirst ? 'b."balancePence" desc, b.id desc' : 'b."paymentReference"'}
       limit ${(args.first ?? DEFAULT_PAGE_SIZE) + 1}`,
      params,
    );
    return toConnection(rows.map((row) => RentAccount.from(row, bands)), args, total,
      (a) => (worstFirst ? [a.balancePence, a.id] : [a.paymentReference]));
  }

  /** Opens a tenancy's account with its first charges; a reference is generated when none is given. */
  async open(input: OpenRentAccountInput): Promise<RentAccount | RentAccountFailure> {
    const [tenancy] = await this.transactions.query<{ startDate: string; endDate: string | null }>(
      `select start_date::text as "startDate", end_date::text as "endDate" from hearth.tenancy where id = $1`, [input.tenancyId]);
    if (!tenancy) return TenancyNotFound.of(input.tenancyId);
    const existing = await this.accountOfTenancy(input.tenancyId);
    if (existing) return existing;

    const problems = openingProblems(input, tenancy);
    if (problems.length) return RentInputInvalid.of(problems);
    const chargeWeeks = input.frequency === 'weekly' ? input.chargeWeeks ?? 52 : null;

    let id: string | undefined;
    for (let attempt = 0; !id && attempt < (input.paymentReference ? 1 : REFERENCE_ATTEMPTS); attempt++) {
      const reference = input.paymentReference ?? generatePaymentReference();
      // "on conflict do nothing": a clash on either unique key (tenancy, reference) leaves the
      // transaction usable, so it can be told apart and answered, or a generated one retried.
      const [row] = await this.transactions.query<{ id: string }>(
        `insert into hearth.rent_account (tenant_id, tenancy_id, payment_reference, frequency, charge_weeks, opened_on)
         values ($1, $2, $3, $4, $5, $6) on conflict do nothing returning id`,
        [hearthContext.require().requireTenantId(), input.tenancyId, reference, input.frequency, chargeWeeks, input.openedOn],
      );
      id = row?.id;
      if (!id) {
        const raced = await this.accountOfTenancy(input.tenancyId);
        if (raced) return raced;
        if (input.paymentReference) return PaymentReferenceTaken.of(input.paymentReference);
      }
    }
    if (!id) throw new HearthError('INTERNAL', `No free payment reference was found in ${REFERENCE_ATTEMPTS} tries`);

    await this.transactions.query(
      `insert into hearth.rent_charge_schedule (tenant_id, account_id, charge_type, effective_from, amount_pence, description, created_by)
       select $1, $2, c.charge_type, c.effective_from, c.amount_pence, c.description, $3
       from jsonb_to_recordset($4::jsonb) as c (charge_type text, effective_from date, amount_pence bigint, description text)`,
      [hearthContext.require().requireTenantId(), id, this.by(), JSON.stringify(input.charges.map((c) => ({
        charge_type: c.chargeType, effective_from: c.effectiveFrom, amount_pence: c.amountPence, description: c.description ?? null,
      })))],
    );
    const account = (await this.find(id))!;
    await this.audit.record({ operation: 'openRentAccount', targetType: 'rent_account', targetId: id, after: { ...account, charges: input.charges } });
    await this.outbox.publish({
      type: RentEvent.AccountOpened, aggregateType: 'rent_account', aggregateId: id,
      payload: { accountId: id, tenancyId: input.tenancyId, paymentReference: account.paymentReference, frequency: input.frequency, chargeWeeks, openedOn: input.openedOn },
    });
    return account;
  }

  /** Adds a row to an account's schedule: the charge type costs this much from the day on. */
  async setCharge(input: SetRentChargeInput): Promise<RentCharge | RentAccountNotFound | RentChargeExists | RentAccountClosed | RentInputInvalid> {
    const [account] = await this.transactions.query<{ openedOn: string; closedOn: string | null }>(
      `select opened_on::text as "openedOn", closed_on::text as "closedOn" from hearth.rent_account where id = $1`, [input.accountId]);
    if (!account) return RentAccountNotFound.of(input.accountId);
    if (account.closedOn && input.effectiveFrom > account.closedOn) return RentAccountClosed.of(input.accountId, account.closedOn);
    if (input.effectiveFrom < account.openedOn) {
      return RentInputInvalid.one('effectiveFrom', `effectiveFrom must not be before the account opened (${account.openedOn})`);
    }
    const key = [input.accountId, input.chargeType, input.effectiveFrom];
    const [added] = await this.transactions.query<RentCharge>(
      `insert into hearth.rent_charge_schedule as s (tenant_id, account_id, charge_type, effective_from, amount_pence, description, created_by)
       values ($4, $1, $2, $3, $5, $6, $7) on conflict do nothing returning ${chargeColumns('s')}`,
      [...key, hearthContext.require().requireTenantId(), input.amountPence, input.description ?? null, this.by()],
    );
    if (!added) {
      const [existing] = await this.transactions.query<RentCharge>(
        `select ${chargeColumns('s')} from hearth.rent_charge_schedule s where s.account_id = $1 and s.charge_type = $2 and s.effective_from = $3`, key);
      return RentChargeExists.of(RentCharge.from(existing));
    }
    await this.audit.record({ operation: 'setRentCharge', targetType: 'rent_account', targetId: input.accountId, after: added });
    await this.outbox.publish({
      type: RentEvent.ChargesReviewed, aggregateType: 'rent_account', aggregateId: input.accountId,
      payload: { accountId: input.accountId, chargeType: input.chargeType, effectiveFrom: input.effectiveFrom, amountPence: input.amountPence, change: 'set' },
    });
    return RentCharge.from(added);
  }

  /**
   * The rent review in one statement: for every account open on the day, each charge type given
   * gets a row from the day, the amount in force the day before changed by the percentage and
   * rounded to the penny. A row already there (an earlier review or change) is left alone, so a
   * repeated review changes nothing. One ChargesReviewed event per row added, in the same statement.
   */
  async review(input: ReviewRentsInput): Promise<RentReview> {
    // The charge of each type in force the day before, on every account open on the day.
    const before = (day: string, types: string) => `from hearth.rent_account a
      cross join lateral (
        select distinct on (s.charge_type) s.account_id, s.charge_type, s.amount_pence from hearth.rent_charge_schedule s
        where s.account_id = a.id and s.charge_type = any(${types}::text[]) and s.effective_from < ${day}::date
        order by s.charge_type, s.effective_from desc
      ) b
      where a.opened_on <= ${day}::date and (a.closed_on is null or a.closed_on >= ${day}::date)`;
    const [{ candidates }] = await this.transactions.query<{ candidates: number }>(
      `select count(*)::int as candidates ${before('$1', '$2')}`, [input.effectiveFrom, input.chargeTypes]);
    const description = `Rent review ${input.percent > 0 ? '+' : ''}${input.percent}% from ${input.effectiveFrom}`;
    const added = await this.outbox.publishRows(
      { type: RentEvent.ChargesReviewed, aggregateType: 'rent_account' },
      `insert into hearth.rent_charge_schedule (tenant_id, account_id, charge_type, effective_from, amount_pence, description, created_by)
       select a.tenant_id, b.account_id, b.charge_type, $1::date, round(b.amount_pence * (100 + $2::numeric) / 100)::bigint, $4, $5
       ${before('$1', '$3')}
       on conflict do nothing
       returning account_id as aggregate_id, jsonb_build_object('accountId', account_id, 'chargeType', charge_type,
         'effectiveFrom', effective_from, 'amountPence', amount_pence, 'change', 'review') as payload`,
      [input.effectiveFrom, input.percent, input.chargeTypes, description, this.by()],
    );
    const review = Object.assign(new RentReview(), { ...input, chargesAdded: added, chargesAlreadySet: candidates - added });
    await this.audit.record({ operation: 'reviewRents', targetType: 'rent_review', targetId: input.effectiveFrom, after: review });
    return review;
  }

  async close(input: CloseRentAccountInput): Promise<RentAccount | RentAccountNotFound | RentAccountClosed | RentInputInvalid> {
    const [account] = await this.transactions.query<{ openedOn: string; closedOn: string | null }>(
      `select opened_on::text as "openedOn", closed_on::text as "closedOn" from hearth.rent_account where id = $1 for no key update`, [input.accountId]);
    if (!account) return RentAccountNotFound.of(input.accountId);
    if (account.closedOn) return RentAccountClosed.of(input.accountId, account.closedOn);
    if (input.closedOn < account.openedOn) return RentInputInvalid.one('closedOn', `closedOn must not be before the account opened (${account.openedOn})`);
    await this.transactions.query(`update hearth.rent_account set closed_on = $2, updated_at = now() where id = $1`, [input.accountId, input.closedOn]);
    const closed = (await this.find(input.accountId))!;
    await this.audit.record({ operation: 'closeRentAccount', targetType: 'rent_account', targetId: input.accountId, after: closed });
    return closed;
  }

  private async accountOfTenancy(tenancyId: string): Promise<RentAccountExists | null> {
    const [row] = await this.transactions.query<{ id: string; paymentReference: string }>(
      `select id, payment_reference as "paymentReference" from hearth.rent_account where tenancy_id = $1`, [tenancyId]);
    return row ? RentAccountExists.of(row.id, row.paymentReference) : null;
  }

  private by(): string {
    return actorLabel(hearthContext.require().actor);
  }
}

/** What is wrong with an opening, all at once, so staff can fix everything in one go. */
function openingProblems(input: OpenRentAccountInput, tenancy: { startDate: string; endDate: string | null }): InputProblem[] {
  const problems: InputProblem[] = [];
  if (input.frequency === 'monthly' && input.chargeWeeks != null) {
    problems.push(InputProblem.of('chargeWeeks', 'chargeWeeks applies to weekly accounts only: a monthly account is charged every calendar month'));
  }
  if (input.openedOn < tenancy.startDate) problems.push(InputProblem.of('openedOn', `openedOn must not be before the tenancy started (${tenancy.startDate})`));
  if (tenancy.endDate && input.openedOn > tenancy.endDate) problems.push(InputProblem.of('openedOn', `openedOn must not be after the tenancy ended (${tenancy.endDate})`));
  const seen = new Set<string>();
  input.charges.forEach((charge, i) => {
    if (charge.effectiveFrom < input.openedOn) {
      problems.push(InputProblem.of(`charges[${i}].effectiveFrom`, `effectiveFrom must not be before the account opens (${input.openedOn})`));
    }
    const key = `${charge.chargeType} ${charge.effectiveFrom}`;
    if (seen.has(key)) problems.push(InputProblem.of(`charges[${i}]`, `charges gives ${charge.chargeType} from ${charge.effectiveFrom} twice`));
    seen.add(key);
  });
  return problems;
}
