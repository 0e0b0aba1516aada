import { Args, GraphQLISODateTime, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { HearthError } from '@hearth/platform-core';
import { bankHolidays } from './bank-holidays';
import type { CalendarRegion } from './calendar-region';
import { AddClosureDayResult, BankHoliday, CalendarRegionEnum, ClosureDay, ClosureDayInvalid, ClosureDayNotFound, ClosureDayTaken, RemoveClosureDayResult } from './calendar.model';
import { calendarPermissions as can } from './calendar.permissions';
import { ClosureDayService } from './closure-day.service';
import { MemberCalendar } from './member-calendar';
import type { Period } from './working-calendar';
import { PeriodInput } from './dto/period.input';

@Resolver()
export class CalendarResolver {
  constructor(
    private readonly closures: ClosureDayService,
    private readonly calendars: MemberCalendar,
  ) {}

  @Query(() => [BankHoliday], { description: "A region's bank holidays in a year, as gov.uk lists them (substitute days, not the weekend days they replace)." })
  @Access(can.read)
  bankHolidays(
    @Args('region', { type: () => CalendarRegionEnum }) region: CalendarRegion,
    @Args('year', { type: () => Int }) year: number,
  ): BankHoliday[] {
    return asInput('year', () => bankHolidays(region, year).map(BankHoliday.from));
  }

  @Query(() => [ClosureDay], { description: "The member's closure days from `from` to `to` inclusive (YYYY-MM-DD, either left open), in date order." })
  @Access(can.read)
  closureDays(
    @Args('from', { type: () => String, nullable: true }) from?: string | null,
    @Args('to', { type: () => String, nullable: true }) to?: string | null,
  ): Promise<ClosureDay[]> {
    return this.closures.list(from, to);
  }

  @Query(() => GraphQLISODateTime, {
    description:
      "When something started at `from` is due on the member's calendar. Working and calendar days do not count `from`'s own UK day, " +
      'and end at the UK midnight after the last one; see docs/calendar.md.',
  })
  @Access(can.read)
  async workingDeadline(
    @Args('from', { type: () => GraphQLISODateTime }) from: Date,
    @Args('period') period: PeriodInput,
  ): Promise<Date> {
    const calendar = await this.calendars.forCurrentMember();
    const unit = periodOf(period);
    return asInput('from', () => calendar.due(from, unit));
  }

  @Mutation(() => AddClosureDayResult, { description: 'A day (YYYY-MM-DD) the offices are shut: from a year ago to five years ahead.' })
  @Access(can.manageClosureDays)
  addClosureDay(
    @Args('day') day: string,
    @Args('description') description: string,
  ): Promise<ClosureDay | ClosureDayInvalid | ClosureDayTaken> {
    return this.closures.add(day, description);
  }

  @Mutation(() => RemoveClosureDayResult)
  @Access(can.manageClosureDays)
  removeClosureDay(@Args('day') day: string): Promise<ClosureDay | ClosureDayInvalid | ClosureDayNotFound> {
    return this.closures.remove(day);
  }
}

function periodOf(input: PeriodInput): Period {
  const given = (['hours', 'workingDays', 'calendarDays'] as const).filter((unit) => input[unit] != null);
  if (given.length !== 1) throw new HearthError('BAD_USER_INPUT', 'period must give exactly one of hours, workingDays or calendarDays', { field: 'period' });
  const unit = given[0];
  return { [unit]: input[unit]! } as Period;
}

/** The calendar refuses, with a RangeError, years it knows no bank holidays for: that is the caller's input, not a fault. */
function asInput<T>(field: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RangeError) throw new HearthError('BAD_USER_INPUT', error.message, { field });
    throw error;
  }
}
