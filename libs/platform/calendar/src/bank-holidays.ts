import type { CalendarRegion } from './calendar-region';
import { easterSunday } from './easter';
import { HOLIDAY_CHANGES } from './holiday-changes';
import { addDays, dayOf, isWeekend, weekday } from './uk-day';

export interface Holiday {
  /** The day off, YYYY-MM-DD: a substitute day where the holiday itself falls at a weekend. */
  date: string;
  name: string;
}

/** The rules are today's, and the one-off changes are complete from 2000; past 2199 is guesswork nobody needs. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2199;

interface RuleHoliday extends Holiday {
  /** A fixed date, which gets a substitute weekday when it falls at a weekend. */
  substitutable: boolean;
}

const MONDAY = 1;

function firstMonday(year: number, month: number): string {
  const first = dayOf(year, month, 1);
  return addDays(first, (MONDAY - weekday(first) + 7) % 7);
}

function lastMonday(year: number, month: number): string {
  const last = dayOf(year, month + 1, 0);
  return addDays(last, -((weekday(last) - MONDAY + 7) % 7));
}

function byRule(region: CalendarRegion, year: number): RuleHoliday[] {
  const fixed = (month: number, day: number, name: string): RuleHoliday => ({ date: dayOf(year, month, day), name, substitutable: true });
  const movable = (date: string, name: string): RuleHoliday => ({ date, name, substitutable: false });
  const easter = easterSunday(year);
  const scotland = region === 'scotland';
  return [
    fixed(1, 1, 'New Year’s Day'),
    ...(scotland ? [fixed(1, 2, '2nd January')] : []),
    ...(region === 'northern-ireland' ? [fixed(3, 17, 'St Patrick’s Day')] : []),
    movable(addDays(easter, -2), 'Good Friday'),
    ...(scotland ? [] : [movable(addDays(easter, 1), 'Easter Monday')]),
    movable(firstMonday(year, 5), 'Early May bank holiday'),
    movable(lastMonday(year, 5), 'Spring bank holiday'),
    ...(region === 'northern-ireland' ? [fixed(7, 12, 'Battle of the Boyne (Orangemen’s Day)')] : []),
    movable(scotland ? firstMonday(year, 8) : lastMonday(year, 8), 'Summer bank holiday'),
    // St Andrew's Day has been a Scottish bank holiday since the 2007 Act.
    ...(scotland && year >= 2007 ? [fixed(11, 30, 'St Andrew’s Day')] : []),
    fixed(12, 25, 'Christmas Day'),
    fixed(12, 26, 'Boxing Day'),
  ];
}

/**
 * A region's bank holidays in a year, in date order, as gov.uk lists them: the days off. A fixed
 * holiday at a weekend is replaced by a substitute day, the next weekday that is not already a
 * holiday, taken in date order: Christmas on a Saturday gives Monday 27 and Boxing Day Tuesday 28;
 * Christmas on a Sunday gives Tuesday 27, because Boxing Day keeps Monday 26.
 */
export function bankHolidays(region: CalendarRegion, year: number): Holiday[] {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(`The calendar knows bank holidays from ${FIRST_YEAR} to ${LAST_YEAR}, not in ${year}`);
  }
  const changes = HOLIDAY_CHANGES.filter((change) => change.regions.includes(region) && change.date.startsWith(`${year}-`));
  const replaced = new Set(changes.map((change) => change.replaces));
  const holidays: RuleHoliday[] = [
    ...byRule(region, year).filter((holiday) => !replaced.has(holiday.date)),
    ...changes.map(({ date, name }) => ({ date, name, substitutable: false })),
  ].sort((a, b) => a.date.localeCompare(b.date));

  const daysOff = holidays.filter((holiday) => !isWeekend(holiday.date));
  const taken = new Set(daysOff.map((holiday) => holiday.date));
  for (const holiday of holidays.filter((each) => each.substitutable && isWeekend(each.date))) {
    let substitute = addDays(holiday.date, 1);
    while (isWeekend(substitute) || taken.has(substitute)) substitute = addDays(substitute, 1);
    taken.add(substitute);
    daysOff.push({ date: substitute, name: `${holiday.name} (substitute day)`, substitutable: false });
  }
  return daysOff.sort((a, b) => a.date.localeCompare(b.date)).map(({ date, name }) => ({ date, name }));
}
