/**
 * UK calendar days as `YYYY-MM-DD` strings, the form PostgreSQL's `date` takes and gives. Day
 * arithmetic is done on the string's own calendar (through UTC, which has no clock changes);
 * only turning an instant into a day, or a day into the instant it starts, needs Europe/London.
 */

const UK_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR_MS = 3_600_000;

/** The UK calendar day on which an instant falls: at 00:30 BST it is already the next day there, not in UTC. */
export function ukDay(instant: Date): string {
  return UK_DAY.format(instant);
}

/**
 * True for a real calendar date written `YYYY-MM-DD` (so not 2025-02-30), in the years 1800 to
 * 2999: nothing in housing is older or further off, and arithmetic on a day near 9999 (the end of
 * its week, say) would leave the range a JavaScript date can be written in.
 */
export function isCalendarDay(value: unknown): value is string {
  const match = typeof value === 'string' ? DAY.exec(value) : null;
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  if (year < 1800 || year > 2999) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function requireCalendarDay(value: string, what = 'day'): string {
  if (!isCalendarDay(value)) throw new RangeError(`${what} must be a date written YYYY-MM-DD, not ${JSON.stringify(value)}`);
  return value;
}

export function dayOf(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return dayOf(year, month, date + days);
}

/** 0 for Sunday to 6 for Saturday, as Date.getUTCDay. */
export function weekday(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date)).getUTCDay();
}

export function isWeekend(day: string): boolean {
  const dow = weekday(day);
  return dow === 0 || dow === 6;
}

/**
 * The instant a UK day begins. UK midnight is 00:00 UTC in GMT and 23:00 UTC the evening before
 * in BST; the clocks change at 01:00 UTC, never at midnight, so one of those two is always it.
 */
export function ukMidnight(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const utcMidnight = Date.UTC(year, month - 1, date);
  const bstMidnight = new Date(utcMidnight - HOUR_MS);
  return ukDay(bstMidnight) === day ? bstMidnight : new Date(utcMidnight);
}
