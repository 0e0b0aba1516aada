/**
 * Calendar dates as the register keeps them: `YYYY-MM-DD` strings, the form PostgreSQL's `date`
 * takes and gives, so no time zone can shift a tenancy's first or last day.
 */

const UK_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today in the UK, where every member works: at 00:30 BST it is already the next day there, not in UTC. */
export function ukToday(now: Date = new Date()): string {
  return UK_DATE.format(now);
}

/** True for a real calendar date written `YYYY-MM-DD` (so not 2025-02-30). */
export function isCalendarDate(value: unknown): value is string {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
