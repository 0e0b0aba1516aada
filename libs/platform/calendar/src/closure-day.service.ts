import { Injectable } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { AuditLog, hearthContext, Outbox, TransactionManager } from '@hearth/platform-database';
import { InputProblem } from '@hearth/platform-graphql';
import { CalendarEvent } from './calendar.permissions';
import { ClosureDay, ClosureDayInvalid, ClosureDayNotFound, ClosureDayTaken } from './calendar.model';
import { ClosureDayEntity } from './closure-day.entity';
import { MemberCalendar } from './member-calendar';
import { dayOf, isCalendarDay, ukDay } from './uk-day';

/** How far back a closure day may be added: to put right last year's record, not to rewrite history. */
const YEARS_BACK = 1;
/** Further ahead than this is a typing mistake (2205 for 2025), not a plan. */
const YEARS_AHEAD = 5;
const DESCRIPTION_LENGTH = 200;

const COLUMNS = `day::text as day, description, created_by as "createdBy", created_at as "createdAt"`;

/** A member's closure days: each a day its offices are shut although it is not a bank holiday. */
@Injectable()
export class ClosureDayService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly calendars: MemberCalendar,
  ) {}

  /** The member's closure days from `from` to `to` inclusive (either open), in date order. */
  async list(from?: string | null, to?: string | null): Promise<ClosureDay[]> {
    for (const [field, value] of Object.entries({ from, to })) {
      if (value != null && !isCalendarDay(value)) throw new HearthError('BAD_USER_INPUT', `${field} must be a date written YYYY-MM-DD`, { field });
    }
    const rows = await this.transactions.query<ClosureDayEntity>(
      `select ${COLUMNS} from hearth.closure_day
       where ($1::date is null or day >= $1::date) and ($2::date is null or day <= $2::date)
       order by day`,
      [from ?? null, to ?? null],
    );
    return rows.map(ClosureDay.from);
  }

  async add(day: string, description: string): Promise<ClosureDay | ClosureDayInvalid | ClosureDayTaken> {
    const text = description.trim();
    const problems = [...dayProblems(day, true)];
    if (!text) problems.push(InputProblem.of('description', 'description must not be empty'));
    if (text.length > DESCRIPTION_LENGTH) problems.push(InputProblem.of('description', `description must be at most ${DESCRIPTION_LENGTH} characters`));
    if (problems.length) return ClosureDayInvalid.of(problems);

    const context = hearthContext.require();
    // A concurrent add of the same day loses on the primary key here rather than failing the transaction.
    const [row] = await this.transactions.query<ClosureDayEntity>(
      `insert into hearth.closure_day (tenant_id, day, description, created_by) values ($1, $2, $3, $4)
       on conflict (tenant_id, day) do nothing
       returning ${COLUMNS}`,
      [context.requireTenantId(), day, text, context.actor!.name ?? context.actor!.id],
    );
    if (!row) return ClosureDayTaken.of((await this.find(day))!);

    const added = ClosureDay.from(row);
    await this.recordChange('addClosureDay', CalendarEvent.ClosureDayAdded, day, { after: added });
    return added;
  }

  async remove(day: string): Promise<ClosureDay | ClosureDayInvalid | ClosureDayNotFound> {
    const problems = dayProblems(day, false);
    if (problems.length) return ClosureDayInvalid.of(problems);
    // Selected from the deletion, because TypeORM answers a bare DELETE ... RETURNING with [rows, count].
    const [row] = await this.transactions.query<ClosureDayEntity>(
      `with removed as (delete from hearth.closure_day where day = $1::date returning *) select ${COLUMNS} from removed`,
      [day],
    );
    if (!row) return ClosureDayNotFound.of(day);

    const removed = ClosureDay.from(row);
    await this.recordChange('removeClosureDay', CalendarEvent.ClosureDayRemoved, day, { before: removed });
    return removed;
  }

  private async find(day: string): Promise<ClosureDay | null> {
    const [row] = await this.transactions.query<ClosureDayEntity>(`select ${COLUMNS} from hearth.closure_day where day = $1::date`, [day]);
    return row ? ClosureDay.from(row) : null;
  }

  private async recordChange(operation: string, event: string, day: string, change: { before?: ClosureDay; after?: ClosureDay }): Promise<void> {
    await this.audit.record({ operation, targetType: 'closure_day', targetId: day, ...change });
    await this.outbox.publish({ type: event, aggregateType: 'closure_day', aggregateId: day, payload: { day } });
    this.calendars.forget();
  }
}

/** A day to add must be within reach of today; one to remove need only be a date, so a mistake can always be taken out. */
function dayProblems(day: string, adding: boolean): InputProblem[] {
  if (!isCalendarDay(day)) return [InputProblem.of('day', 'day must be a date written YYYY-MM-DD')];
  if (!adding) return [];
  const today = ukDay(new Date());
  const [year, month, date] = today.split('-').map(Number);
  const earliest = dayOf(year - YEARS_BACK, month, date);
  const latest = dayOf(year + YEARS_AHEAD, month, date);
  if (day < earliest) return [InputProblem.of('day', `day must not be more than a year in the past (${earliest} or later)`)];
  if (day > latest) return [InputProblem.of('day', `day must not be more than ${YEARS_AHEAD} years ahead (${latest} or earlier)`)];
  return [];
}
