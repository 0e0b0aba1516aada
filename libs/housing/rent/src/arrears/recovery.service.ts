import { Injectable } from '@nestjs/common';
import { MemberCalendar, ukDay } from '@hearth/platform-calendar';
import { actorLabel, hearthContext, Outbox, TransactionManager } from '@hearth/platform-database';
import { decodeCursor, DEFAULT_PAGE_SIZE, toConnection, type PageArgs } from '@hearth/platform-graphql';
import { ModuleEnablement } from '@hearth/platform-kernel';
import { ArrearsStageEntryEntity, IncomeTaskEntity, RentLetterEntity, type LetterLanguage } from '../rent.entities';
import { RentEvent } from '../rent.permissions';
import type { RecoveryStage, RentSettings } from '../rent.settings';
import { CONTRACT_HOLDER_JOIN, currentMember, memberName, NO_HOLDER } from '../statements/addressing';
import { formatPounds } from '../statements/pounds';
import { dueDay } from './due-day';
import { fillPlaceholders, tenancyWord } from './letter-template';
import { IncomeTask, RentLetter, type ArrearsStageEntry, type IncomeTaskConnection } from './recovery.model';

export interface RecoveryOutcome {
  /** Accounts whose arrears fell below the first stage, so they left recovery. */
  accountsLeft: number;
  stagesEntered: number;
  lettersWritten: number;
  tasksCreated: number;
}

/** The income task kind a recovery stage's task action creates. */
export const RECOVERY_TASK = 'recovery_stage';

/**
 * Each account's target stage as a statement prefix: `stage` (the member's stages, ranked in
 * their rising order) and `target` (every account in arrears with the highest stage whose
 * thresholds its balance reaches, or a null rank). An account's weekly charge is the sum of its
 * charge types' schedule rows in force today; a monthly account's is its monthly charge × 12 ÷ 52.
 * Thresholds compare the balance with weeks × weekly charge rather than dividing, so an account
 * with no charges is judged on minimumPence alone. An account keeping to an active payment
 * arrangement is `held`: it is not moved up while the arrangement lasts. $1 is the stages (JSON), $2 today.
 */
const TARGETS = `with stage as (
    select * from jsonb_to_recordset($1::jsonb) as s(rank int, code text, weeks numeric, minimum bigint)
  ),
  weekly as (
    select a.id as account_id, a.balance_pence,
           coalesce(sum(c.amount_pence), 0) * case when a.frequency = 'monthly' then 12 / 52.0 else 1 end as weekly_pence
    from hearth.rent_account a
    left join lateral (
      select distinct on (s.charge_type) s.amount_pence from hearth.rent_charge_schedule s
      where s.tenant_id = a.tenant_id and s.account_id = a.id and s.effective_from <= $2::date
      order by s.charge_type, s.effective_from desc
    ) c on true
    where a.balance_pence > 0
    group by a.id, a.balance_pence, a.frequency
  ),
  target as (
    select w.account_id, w.balance_pence,
           (select max(st.rank) from stage st where w.balance_pence >= st.minimum and w.balance_pence >= st.weeks * w.weekly_pence) as rank,
           exists (select 1 from hearth.payment_arrangement p where p.account_id = w.account_id and p.status = 'active') as held
    from weekly w
  )`;

interface EnteredRow {
  entry_id: string;
  account_id: string;
  stage: string;
  balance_pence: string;
  payment_reference: string;
  holder_name: string | null;
  holder_language: LetterLanguage | null;
}

/**
 * Moves accounts through the member's recovery stages, set-based, and performs each stage
 * entry's actions (letters, tasks for the income officer) in the transaction that enters it.
 *
 * Recovery only moves forward: an account enters the highest stage its arrears reach when that
 * is above its current one, stays where it is while its arrears are lower but still reach the
 * first stage (it is not sent an earlier stage's letter again), and leaves recovery once they
 * fall below the first stage; growing again, it starts afresh. While it has an active payment
 * arrangement it is neither entered nor moved up: the arrangement is the recovery.
 *
 * Once-only: one current entry per account is a unique index. Closing claims the current rows
 * with SKIP LOCKED, and entering inserts `on conflict do nothing`, so of two racing runs only the
 * one whose insert lands performs the entry's actions, and in the same transaction.
 */
@Injectable()
export class RecoveryService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly enablement: ModuleEnablement,
    private readonly calendar: MemberCalendar,
    private readonly outbox: Outbox,
  ) {}

  async run(): Promise<RecoveryOutcome> {
    const context = hearthContext.require();
    const settings = await this.enablement.settings<RentSettings & Record<string, unknown>>('rent');
    const stages = JSON.stringify(settings.recoveryStages.map((s, rank) => ({ rank, code: s.code, weeks: s.weeksOfRent, minimum: s.minimumPence })));
    const today = ukDay(new Date());

    const left = await this.transactions.query<{ account_id: string; rank: number | null }>(
      `${TARGETS}
       , closed as (
         update hearth.arrears_stage_entry e set left_at = now()
         from (select e2.tenant_id, e2.id from hearth.arrears_stage_entry e2
               left join target t on t.account_id = e2.account_id
               left join stage cur on cur.code = e2.stage
               where e2.left_at is null and (t.rank is null or cur.rank is null or (t.rank > cur.rank and not t.held))
               for update of e2 skip locked) due
         where e.tenant_id = due.tenant_id and e.id = due.id
         returning e.account_id
       )
       -- A bare UPDATE would come back from TypeORM as [rows, count].
       select c.account_id, t.rank from closed c left join target t on t.account_id = c.account_id`,
      [stages, today],
    );
    const entered = await this.transactions.query<{ id: string }>(
      `${TARGETS}
       insert into hearth.arrears_stage_entry (tenant_id, account_id, stage, balance_pence, entered_by)
       select $3::uuid, t.account_id, st.code, t.balance_pence, $4
       from target t join stage st on st.rank = t.rank
       where not t.held and not exists (select 1 from hearth.arrears_stage_entry e where e.account_id = t.account_id and e.left_at is null)
       on conflict (tenant_id, account_id) where left_at is null do nothing
       returning id`,
      [stages, today, context.requireTenantId(), actorLabel(context.actor)],
    );
    const actions = await this.performActions(entered.map((row) => row.id), settings);
    return { accountsLeft: left.filter((row) => row.rank === null).length, stagesEntered: entered.length, ...actions };
  }

  /** Each account's current stage (null when not in recovery): for the account's field, batched per request. */
  async currentStages(accountIds: readonly string[]): Promise<(ArrearsStageEntry | null)[]> {
    const rows = await (await this.transactions.repository(ArrearsStageEntryEntity)).createQueryBuilder('e')
      .where('e.account_id = any(:ids::uuid[]) and e.left_at is null', { ids: accountIds }).getMany();
    const { recoveryStages } = await this.enablement.settings<RentSettings & Record<string, unknown>>('rent');
    const names = new Map(recoveryStages.map((stage) => [stage.code, stage.name]));
    return accountIds.map((accountId) => {
      const entry = rows.find((row) => row.accountId === accountId);
      return entry ? { ...entry, name: names.get(entry.stage) ?? null } : null;
    });
  }

  /** Each account's letters, newest first: for the account's field, batched per request. */
  async lettersOf(accountIds: readonly string[]): Promise<RentLetter[][]> {
    const rows = await (await this.transactions.repository(RentLetterEntity)).createQueryBuilder('l')
      .where('l.account_id = any(:ids::uuid[])', { ids: accountIds }).orderBy('l.created_at', 'DESC').addOrderBy('l.id').getMany();
    return accountIds.map((accountId) => rows.filter((row) => row.accountId === accountId).map(RentLetter.from));
  }

  /** Open income tasks, soonest due first, paged by key on income_task_open. */
  async openTasks(args: PageArgs): Promise<IncomeTaskConnection> {
    const query = (await this.transactions.repository(IncomeTaskEntity)).createQueryBuilder('t').where(`t.status = 'open'`);
    const total = await query.getCount();
    if (args.after) {
      const [dueOn, id] = decodeCursor(args.after, 2);
      query.andWhere('(t.due_on, t.id) > (:dueOn::date, :id::uuid)', { dueOn, id });
    }
    const rows = await query.orderBy('t.due_on').addOrderBy('t.id').limit((args.first ?? DEFAULT_PAGE_SIZE) + 1).getMany();
    return toConnection(rows.map(IncomeTask.from), args, total, (task) => [task.dueOn, task.id]);
  }

  /** The stage entries' letters and tasks, each in one insert, and their events in one more. */
  private async performActions(entryIds: string[], settings: RentSettings): Promise<Pick<RecoveryOutcome, 'lettersWritten' | 'tasksCreated'>> {
    if (!entryIds.length) return { lettersWritten: 0, tasksCreated: 0 };
    const tenantId = hearthContext.require().requireTenantId();
    const rows = await this.transactions.query<EnteredRow>(
      `select e.id as entry_id, e.account_id, e.stage, e.balance_pence::text, a.payment_reference, holder.holder_name, holder.holder_language
       from hearth.arrears_stage_entry e
       join hearth.rent_account a on a.tenant_id = e.tenant_id and a.id = e.account_id
       ${CONTRACT_HOLDER_JOIN}
       where e.id = any($1::uuid[])`,
      [entryIds],
    );
    const member = await currentMember(this.transactions);
    const stages = new Map<string, RecoveryStage>(settings.recoveryStages.map((stage) => [stage.code, stage]));
    const dueOn = await this.dueDays(settings.recoveryStages);

    const letters = [];
    const tasks = [];
    for (const row of rows) {
      const language = row.holder_language ?? 'en';
      const values = {
        name: row.holder_name ?? NO_HOLDER[language],
        balance: formatPounds(Number(row.balance_pence)),
        paymentReference: row.payment_reference,
        memberName: memberName(member, language),
        tenancyWord: tenancyWord(member.country, language),
      };
      for (const action of stages.get(row.stage)!.actions) {
        if (action.kind === 'letter') {
          const template = settings.letterTemplates[action.template][language];
          letters.push({
            accountId: row.account_id, entryId: row.entry_id, template: action.template, language, addressee: values.name,
            subject: fillPlaceholders(template.subject, values), body: fillPlaceholders(template.body, values),
          });
        } else {
          tasks.push({ accountId: row.account_id, entryId: row.entry_id, description: action.description, dueOn: dueOn.get(action.dueInWorkingDays)! });
        }
      }
    }
    if (letters.length) {
      await this.transactions.query(
        `insert into hearth.rent_letter (tenant_id, account_id, stage_entry_id, template, language, addressee, subject, body)
         select $1, l."accountId", l."entryId", l.template, l.language, l.addressee, l.subject, l.body
         from jsonb_to_recordset($2::jsonb) as l("accountId" uuid, "entryId" uuid, template text, language text, addressee text, subject text, body text)`,
        [tenantId, JSON.stringify(letters)],
      );
    }
    if (tasks.length) {
      await this.transactions.query(
        `insert into hearth.income_task (tenant_id, account_id, stage_entry_id, kind, description, due_on)
         select $1, t."accountId", t."entryId", $3, t.description, t."dueOn"
         from jsonb_to_recordset($2::jsonb) as t("accountId" uuid, "entryId" uuid, description text, "dueOn" date)`,
        [tenantId, JSON.stringify(tasks), RECOVERY_TASK],
      );
    }
    await this.outbox.publishRows(
      { type: RentEvent.ArrearsStageEntered, aggregateType: 'rent_account' },
      `select e.account_id as aggregate_id,
              jsonb_build_object('accountId', e.account_id, 'entryId', e.id, 'stage', e.stage, 'balancePence', e.balance_pence, 'enteredAt', e.entered_at) as payload
       from hearth.arrears_stage_entry e where e.id = any($1::uuid[])`,
      [entryIds],
    );
    return { lettersWritten: letters.length, tasksCreated: tasks.length };
  }

  /** The UK day each stage task falls due: that many working days on the member's calendar after today. */
  private async dueDays(stages: RecoveryStage[]): Promise<Map<number, string>> {
    const calendar = await this.calendar.forCurrentMember();
    const days = new Set(stages.flatMap((stage) => stage.actions.flatMap((action) => (action.kind === 'task' ? [action.dueInWorkingDays] : []))));
    return new Map([...days].map((n) => [n, dueDay(calendar, n)]));
  }
}
