import { Injectable } from '@nestjs/common';
import { isCalendarDay, MemberCalendar, ukDay } from '@hearth/platform-calendar';
import { actorLabel, AuditLog, hearthContext, Outbox, TransactionManager } from '@hearth/platform-database';
import { decodeTimeCursor, DEFAULT_PAGE_SIZE, InputProblem, toConnection, type PageArgs } from '@hearth/platform-graphql';
import { ModuleEnablement } from '@hearth/platform-kernel';
import { ArrangementInstalmentEntity, PaymentArrangementEntity } from '../rent.entities';
import { RentEvent } from '../rent.permissions';
import type { RentSettings } from '../rent.settings';
import { formatPounds } from '../statements/pounds';
import {
  ArrangementAlreadyActive, ArrangementInvalid, ArrangementNotActive, ArrangementNotFound, PaymentArrangement, type ArrangementFailure, type PaymentArrangementConnection,
} from './arrangement.model';
import { dueDay } from './due-day';
import type { MakePaymentArrangementInput, PaymentArrangementsFilter } from './dto/arrangement.input';
import { RentAccountNotFound } from '../accounts/accounts.model';

/** Ten years of weekly instalments: an arrangement longer than that is a typing mistake, not a plan. */
export const MAX_INSTALMENTS = 520;
/** How far ahead an arrangement may be agreed to start. */
const MAX_DAYS_AHEAD = 366;
/** The income task a broken arrangement raises, and when it falls due. */
export const BROKEN_ARRANGEMENT_TASK = 'arrangement_broken';
const BROKEN_TASK_WORKING_DAYS = 2;

export interface ArrangementCheckOutcome {
  arrangementsCompleted: number;
  arrangementsBroken: number;
}

const DAY_MS = 86_400_000;
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * What was paid and charged on an arrangement's account from its start, for the daily check
 * over `p2` (a payment_arrangement row). Paid is what payments brought in less what refunds
 * paid back; transfers and adjustments are corrections, not the contract-holder keeping to it.
 */
const PAID_SINCE_START = `coalesce((select -sum(t.amount_pence) from hearth.rent_transaction t
    where t.tenant_id = p2.tenant_id and t.account_id = p2.account_id and t.kind in ('payment', 'refund') and t.effective_on >= p2.starts_on), 0)`;
const chargedSinceStart = (until: string) => `coalesce((select sum(t.amount_pence) from hearth.rent_transaction t
    where t.tenant_id = p2.tenant_id and t.account_id = p2.account_id and t.kind = 'charge' and t.effective_on between p2.starts_on and ${until}), 0)`;

/**
 * Updates are wrapped as `with x as (update ... returning) select ... from x`: TypeORM answers a
 * bare UPDATE with [rows, count] rather than the rows.
 *
 * Payment arrangements: made with their whole instalment schedule in one insert, one active per
 * account (a unique index), and checked daily. An active arrangement
 * - completes once the account is clear (balance 0 or in credit), or once the payments since it
 *   started have covered the rent charged since then and the arrears it was made for;
 * - is broken when an instalment is due on or before today less the grace days, and the payments
 *   since it started are less than the rent charged from then to that day plus the instalments
 *   due by it: the contract-holder has not paid the rent and the instalments, however the
 *   payments were split between them, even allowing the grace days.
 * Both are claims (`status = 'active'` re-checked over rows locked SKIP LOCKED), so racing runs
 * complete or break an arrangement, and raise its event and task, exactly once.
 */
@Injectable()
export class ArrangementService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly enablement: ModuleEnablement,
    private readonly calendar: MemberCalendar,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  async make(input: MakePaymentArrangementInput): Promise<PaymentArrangement | ArrangementFailure> {
    const today = ukDay(new Date());
    if (!isCalendarDay(input.startsOn)) return ArrangementInvalid.of([InputProblem.of('startsOn', `startsOn ${input.startsOn} is not a date`)]);
    const [account] = await this.transactions.query<{ balance_pence: string; opened_on: string }>(
      `select balance_pence::text, opened_on::text from hearth.rent_account where id = $1`,
      [input.accountId],
    );
    if (!account) return RentAccountNotFound.of(input.accountId);
    const balance = Number(account.balance_pence);
    const arrearsPence = input.arrearsPence ?? balance;
    const problems: InputProblem[] = [];
    if (arrearsPence <= 0) {
      problems.push(InputProblem.of('arrearsPence', `The account is not in arrears (its balance is ${formatPounds(balance)}), so there is nothing to arrange`));
    }
    const instalments = Math.ceil(arrearsPence / input.instalmentPence);
    if (instalments > MAX_INSTALMENTS) {
      problems.push(InputProblem.of('instalmentPence',
        `Instalments of ${formatPounds(input.instalmentPence)} would take ${instalments} to clear ${formatPounds(arrearsPence)}; an arrangement may have at most ${MAX_INSTALMENTS}`));
    }
    if (input.startsOn < account.opened_on) problems.push(InputProblem.of('startsOn', `startsOn must not be before the account was opened, on ${account.opened_on}`));
    if (input.startsOn > addDays(today, MAX_DAYS_AHEAD)) problems.push(InputProblem.of('startsOn', `startsOn must be at most ${MAX_DAYS_AHEAD} days ahead`));
    if (problems.length) return ArrangementInvalid.of(problems);

    const context = hearthContext.require();
    const [made] = await this.transactions.query<{ id: string }>(
      `insert into hearth.payment_arrangement (tenant_id, account_id, instalment_pence, frequency, starts_on, arrears_pence, note, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (tenant_id, account_id) where status = 'active' do nothing
       returning id`,
      [context.requireTenantId(), input.accountId, input.instalmentPence, input.frequency, input.startsOn, arrearsPence, input.note ?? null, actorLabel(context.actor)],
    );
    if (!made) {
      const existing = await (await this.transactions.repository(PaymentArrangementEntity)).findOneByOrFail({ accountId: input.accountId, status: 'active' });
      return ArrangementAlreadyActive.of(PaymentArrangement.from(existing));
    }
    // The whole schedule in one statement: equal instalments, the last one what is left. A month
    // on from the 31st is the last day of a shorter month (PostgreSQL's month arithmetic).
    await this.transactions.query(
      `insert into hearth.arrangement_instalment (tenant_id, arrangement_id, due_on, amount_pence)
       select $1, $2, case $4::text when 'weekly' then $5::date + 7 * i when 'fortnightly' then $5::date + 14 * i else ($5::date + make_interval(months => i))::date end,
              case when i = $6 - 1 then $7::bigint - $3::bigint * ($6 - 1) else $3::bigint end
       from generate_series(0, $6 - 1) as i`,
      [context.requireTenantId(), made.id, input.instalmentPence, input.frequency, input.startsOn, instalments, arrearsPence],
    );
    const arrangement = PaymentArrangement.from(await this.require(made.id));
    await this.outbox.publish({
      type: RentEvent.ArrangementMade, aggregateType: 'payment_arrangement', aggregateId: made.id,
      payload: { arrangementId: made.id, accountId: input.accountId, instalmentPence: input.instalmentPence, frequency: input.frequency, startsOn: input.startsOn, arrearsPence, instalments },
    });
    await this.audit.record({ operation: 'makePaymentArrangement', targetType: 'payment_arrangement', targetId: made.id, after: arrangement });
    return arrangement;
  }

  async cancel(id: string, reason: string): Promise<PaymentArrangement | ArrangementFailure> {
    const [cancelled] = await this.transactions.query<{ id: string }>(
      `with cancelled as (
         update hearth.payment_arrangement set status = 'cancelled', ended_at = now(), note = left(concat_ws(' · ', note, 'Cancelled: ' || $2), 1000)
         where id = $1 and status = 'active' returning id
       )
       select id from cancelled`,
      [id, reason],
    );
    if (!cancelled) {
      const existing = await this.find(id);
      return existing ? ArrangementNotActive.of(PaymentArrangement.from(existing)) : ArrangementNotFound.of(id);
    }
    const arrangement = PaymentArrangement.from(await this.require(id));
    await this.audit.record({ operation: 'cancelPaymentArrangement', targetType: 'payment_arrangement', targetId: id, after: { ...arrangement, reason } });
    return arrangement;
  }

  find(id: string): Promise<PaymentArrangementEntity | null> {
    return this.transactions.repository(PaymentArrangementEntity).then((repository) => repository.findOneBy({ id }));
  }

  /** Newest first, paged by key on (created_at, id). */
  async list(filter: PaymentArrangementsFilter, args: PageArgs): Promise<PaymentArrangementConnection> {
    const query = (await this.transactions.repository(PaymentArrangementEntity)).createQueryBuilder('p');
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    const total = await query.getCount();
    if (args.after) {
      const [createdAt, id] = decodeTimeCursor(args.after);
      query.andWhere('(p.created_at, p.id) < (:createdAt::timestamptz, :id::uuid)', { createdAt, id });
    }
    const rows = await query.orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC').limit((args.first ?? DEFAULT_PAGE_SIZE) + 1).getMany();
    return toConnection(rows.map(PaymentArrangement.from), args, total, (p) => [p.createdAt.toISOString(), p.id]);
  }

  /** Each account's arrangements, newest first: for the account's field, batched per request. */
  async forAccounts(accountIds: readonly string[]): Promise<PaymentArrangement[][]> {
    const rows = await (await this.transactions.repository(PaymentArrangementEntity)).createQueryBuilder('p')
      .where('p.account_id = any(:ids::uuid[])', { ids: accountIds }).orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC').getMany();
    return accountIds.map((accountId) => rows.filter((row) => row.accountId === accountId).map(PaymentArrangement.from));
  }

  /** Each arrangement's instalments in date order: for the arrangement's field, batched per request. */
  async instalmentsOf(arrangementIds: readonly string[]): Promise<ArrangementInstalmentEntity[][]> {
    const rows = await (await this.transactions.repository(ArrangementInstalmentEntity)).createQueryBuilder('i')
      .where('i.arrangement_id = any(:ids::uuid[])', { ids: arrangementIds }).orderBy('i.arrangement_id').addOrderBy('i.due_on').getMany();
    return arrangementIds.map((id) => rows.filter((row) => row.arrangementId === id));
  }

  /** The daily check: completes the arrangements that are done, then breaks the ones that fell behind. */
  async check(): Promise<ArrangementCheckOutcome> {
    const settings = await this.enablement.settings<RentSettings & Record<string, unknown>>('rent');
    const today = ukDay(new Date());
    const cutoff = addDays(today, -settings.arrangementGraceDays);

    const completed = await this.transactions.query(
      `with completed as (update hearth.payment_arrangement p set status = 'completed', ended_at = now()
       from (select p2.tenant_id, p2.id from hearth.payment_arrangement p2
             join hearth.rent_account a on a.tenant_id = p2.tenant_id and a.id = p2.account_id
             where p2.status = 'active' and (a.balance_pence <= 0 or ${PAID_SINCE_START} - ${chargedSinceStart('$1::date')} >= p2.arrears_pence)
             for update of p2 skip locked) done
       where p.tenant_id = done.tenant_id and p.id = done.id
       returning p.id)
       select id from completed`,
      [today],
    );
    const broken = await this.transactions.query<{ id: string }>(
      `with broken as (update hearth.payment_arrangement p set status = 'broken', broken_at = now(), ended_at = now()
       from (select p2.tenant_id, p2.id from hearth.payment_arrangement p2
             where p2.status = 'active'
               and exists (select 1 from hearth.arrangement_instalment i where i.tenant_id = p2.tenant_id and i.arrangement_id = p2.id and i.due_on <= $1::date)
               and ${PAID_SINCE_START} < ${chargedSinceStart('$1::date')}
                 + (select sum(i.amount_pence) from hearth.arrangement_instalment i where i.tenant_id = p2.tenant_id and i.arrangement_id = p2.id and i.due_on <= $1::date)
             for update of p2 skip locked) due
       where p.tenant_id = due.tenant_id and p.id = due.id
       returning p.id)
       select id from broken`,
      [cutoff],
    );
    if (broken.length) await this.announceBroken(broken.map((row) => row.id));
    return { arrangementsCompleted: completed.length, arrangementsBroken: broken.length };
  }

  /** A broken arrangement's event and the income officer's task, in the transaction that broke it. */
  private async announceBroken(ids: string[]): Promise<void> {
    const dueOn = dueDay(await this.calendar.forCurrentMember(), BROKEN_TASK_WORKING_DAYS);
    await this.transactions.query(
      `insert into hearth.income_task (tenant_id, account_id, arrangement_id, kind, description, due_on)
       select p.tenant_id, p.account_id, p.id, $2,
              'Payment arrangement starting ' || p.starts_on || ' has fallen behind: contact the contract-holder to agree a new arrangement or move recovery on', $3
       from hearth.payment_arrangement p where p.id = any($1::uuid[])`,
      [ids, BROKEN_ARRANGEMENT_TASK, dueOn],
    );
    await this.outbox.publishRows(
      { type: RentEvent.ArrangementBroken, aggregateType: 'payment_arrangement' },
      `select p.id as aggregate_id, jsonb_build_object('arrangementId', p.id, 'accountId', p.account_id, 'brokenAt', p.broken_at,
         'arrearsPence', p.arrears_pence, 'instalmentPence', p.instalment_pence, 'frequency', p.frequency, 'startsOn', p.starts_on) as payload
       from hearth.payment_arrangement p where p.id = any($1::uuid[])`,
      [ids],
    );
  }

  private async require(id: string): Promise<PaymentArrangementEntity> {
    return (await this.transactions.repository(PaymentArrangementEntity)).findOneByOrFail({ id });
  }
}
