import { bankHolidays } from './bank-holidays';
import type { CalendarRegion } from './calendar-region';
import { addDays, isWeekend, requireCalendarDay, ukDay, ukMidnight } from './uk-day';

/** A period on the calendar: clock hours, working days, or calendar days (12 weeks = { calendarDays: 84 }). */
export type Period = { hours: number } | { workingDays: number } | { calendarDays: number };

const HOUR_MS = 3_600_000;

/**
 * Working days in one UK region, less a member's own closure days. The counting rule, which every
 * deadline in Hearth shares (docs/calendar.md):
 * - the UK calendar day on which `from` falls never counts, however early or late in it `from` is;
 * - the nth day is then counted forwards, skipping weekends, the region's bank holidays and the
 *   closure days;
 * - a deadline is the END of its day: the instant of the next UK midnight (Europe/London, so BST is
 *   respected), and a thing done before that instant is in time.
 */
export class WorkingCalendar {
  private readonly closures: ReadonlySet<string>;
  private readonly holidays = new Map<number, ReadonlySet<string>>();

  constructor(
    readonly region: CalendarRegion,
    closureDays: Iterable<string> = [],
  ) {
    this.closures = new Set([...closureDays].map((day) => requireCalendarDay(day, 'A closure day')));
  }

  /** Not a Saturday or Sunday, not one of the region's bank holidays (substitute days included), not a closure day. */
  isWorkingDay(day: string): boolean {
    requireCalendarDay(day);
    return !isWeekend(day) && !this.holidaysOf(Number(day.slice(0, 4))).has(day) && !this.closures.has(day);
  }

  /**
   * When something started at `from` is due:
   * - hours: `from` plus exactly that many hours of clock time (so 24 hours across the spring clock
   *   change ends at 01:00 the next day by the wall clock);
   * - workingDays: the end of the nth working day after `from`'s UK day; a report at 23:59 on a
   *   Friday with 1 working day is due at the end of Monday, or of Tuesday if Monday is a bank holiday;
   * - calendarDays: the end of the UK day n days after `from`'s UK day, whatever kind of day it is.
   * Zero days is the end of `from`'s own day.
   */
  due(from: Date, period: Period): Date {
    requireInstant(from);
    if ('hours' in period) {
      if (!Number.isFinite(period.hours) || period.hours < 0) throw new RangeError(`hours must be zero or more, not ${period.hours}`);
      return new Date(from.getTime() + period.hours * HOUR_MS);
    }
    let day = ukDay(from);
    if ('workingDays' in period) {
      requireDayCount(period.workingDays, 'workingDays');
      for (let counted = 0; counted < period.workingDays; ) {
        day = addDays(day, 1);
        if (this.isWorkingDay(day)) counted += 1;
      }
    } else {
      requireDayCount(period.calendarDays, 'calendarDays');
      day = addDays(day, period.calendarDays);
    }
    return ukMidnight(addDays(day, 1));
  }

  /**
   * Working days strictly after `from`'s UK day up to and including `to`'s UK day, by the same rule
   * as `due`: so a thing done at `to` took n working days when `to` is before `due(from, { workingDays: n })`.
   * Zero when `to`'s day is not after `from`'s.
   */
  workingDaysBetween(from: Date, to: Date): number {
    requireInstant(from);
    requireInstant(to);
    const last = ukDay(to);
    let count = 0;
    for (let day = addDays(ukDay(from), 1); day <= last; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) count += 1;
    }
    return count;
  }

  private holidaysOf(year: number): ReadonlySet<string> {
    let days = this.holidays.get(year);
    if (!days) {
      days = new Set(bankHolidays(this.region, year).map((holiday) => holiday.date));
      this.holidays.set(year, days);
    }
    return days;
  }
}

function requireInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError('An instant must be a valid Date');
}

function requireDayCount(days: number, name: string): void {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`${name} must be a whole number, zero or more, not ${days}`);
}
