import type { ChargeWeeks } from '../rent.entities';
import type { RentSettings } from '../rent.settings';

/**
 * The rent year and its charging periods, on UK calendar days written `YYYY-MM-DD` (the form
 * PostgreSQL's `date` takes and gives). Arithmetic runs on the day's own calendar through UTC,
 * which has no clock changes, so no time zone can move a period's first or last day.
 *
 * A rent year is named by the calendar year it starts in (2025 is 2025/26). Its week 1 starts on
 * the first Monday of April, so every weekly period runs Monday to Sunday, and the year has 52
 * weeks, or 53 when the next year's first Monday of April is 371 days away.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export interface RentYearWeek {
  /** The calendar year the rent year starts in: 2025 for 2025/26. */
  rentYear: number;
  /** 1 to 52, or 53 in a 53-week year. */
  week: number;
}

/** A charging period: both days included. */
export interface RentPeriod {
  start: string;
  end: string;
}

export interface WeeklyPeriod extends RentPeriod, RentYearWeek {}

function parse(day: string): number {
  const match = DAY.exec(day);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day) {
    throw new RangeError(`a day must be a date written YYYY-MM-DD, not ${JSON.stringify(day)}`);
  }
  return time;
}

const format = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The day `days` after (or before, if negative) `day`. */
export function addDays(day: string, days: number): string {
  return format(parse(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to) - parse(from)) / DAY_MS);
}

/** The Monday of the week (Monday to Sunday) that contains `day`. */
export function weekStart(day: string): string {
  const time = parse(day);
  const sinceMonday = (new Date(time).getUTCDay() + 6) % 7;
  return format(time - sinceMonday * DAY_MS);
}

/** The first day of a rent year: the first Monday of April. */
export function rentYearStart(rentYear: number): string {
  const april1 = Date.UTC(rentYear, 3, 1);
  const toMonday = (8 - new Date(april1).getUTCDay()) % 7;
  return format(april1 + toMonday * DAY_MS);
}

/** How many weeks a rent year has: 52, or 53. */
export function weeksInRentYear(rentYear: number): number {
  return daysBetween(rentYearStart(rentYear), rentYearStart(rentYear + 1)) / 7;
}

/** The rent year and week a day falls in (the first days of April before its first Monday belong to the year before). */
export function rentYearWeek(day: string): RentYearWeek {
  const calendarYear = Number(day.slice(0, 4));
  const sameYearStart = rentYearStart(calendarYear);
  const rentYear = daysBetween(sameYearStart, day) >= 0 ? calendarYear : calendarYear - 1;
  const start = rentYear === calendarYear ? sameYearStart : rentYearStart(rentYear);
  return { rentYear, week: Math.floor(daysBetween(start, day) / 7) + 1 };
}

/** The first day (a Monday) of a week of a rent year. */
export function rentWeekStart(rentYear: number, week: number): string {
  if (!Number.isInteger(week) || week < 1 || week > weeksInRentYear(rentYear)) {
    throw new RangeError(`rent year ${rentYear} has no week ${week}`);
  }
  return addDays(rentYearStart(rentYear), (week - 1) * 7);
}

/** The weekly period (Monday to Sunday) that contains `day`, with its rent year and week. */
export function weeklyPeriod(day: string): WeeklyPeriod {
  const start = weekStart(day);
  return { start, end: addDays(start, 6), ...rentYearWeek(start) };
}

/** The monthly period (the calendar month) that contains `day`. */
export function monthlyPeriod(day: string): RentPeriod {
  const time = parse(day);
  const date = new Date(time);
  const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  const end = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0);
  return { start: format(start), end: format(end) };
}

/** The period of an account's frequency that contains `day`. */
export function periodContaining(frequency: 'weekly' | 'monthly', day: string): RentPeriod {
  if (frequency === 'monthly') return monthlyPeriod(day);
  const { start, end } = weeklyPeriod(day);
  return { start, end };
}

/**
 * Whether a week of the rent year goes uncharged for a weekly account charged `chargeWeeks`
 * weeks: never for 52 (a 53-week year charges all 53), otherwise when the member's settings name
 * the week as rent-free for that pattern.
 */
export function isRentFreeWeek(week: number, chargeWeeks: ChargeWeeks, rentFreeWeeks: RentSettings['rentFreeWeeks']): boolean {
  if (chargeWeeks === 52) return false;
  return rentFreeWeeks[chargeWeeks === 50 ? '50' : '48'].includes(week);
}

/**
 * A monthly amount as its weekly equivalent (× 12 / 52), so that weeks of rent mean the same for
 * monthly and weekly accounts (arrears bands and recovery stages).
 */
export function weeklyEquivalentPence(frequency: 'weekly' | 'monthly', amountPence: number): number {
  return frequency === 'monthly' ? (amountPence * 12) / 52 : amountPence;
}
