/**
 * Wall-clock time at a venue. Opening hours are local ("08:00 to 18:00 on Mondays"), bookings are
 * instants; these turn one into the other in the venue's time zone (Europe/London), across the
 * clock changes, without a date library.
 */

const MINUTE_MS = 60_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

export interface LocalTime {
  /** The local calendar day, `YYYY-MM-DD`. */
  day: string;
  /** Minutes since local midnight, 0 to 1439. */
  minutes: number;
  /** ISO weekday of `day`: 1 for Monday to 7 for Sunday. */
  weekday: number;
}

/** Where an instant falls on the venue's clock. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  const day = `${parts['year']}-${parts['month']}-${parts['day']}`;
  return { day, minutes: Number(parts['hour']) * 60 + Number(parts['minute']), weekday: isoWeekday(day) };
}

/** The instant the venue's clock shows `minutes` after midnight on `day` (1440 is the next midnight). */
export function instantAt(day: string, minutes: number, timeZone: string): Date {
  const match = DAY.exec(day);
  if (!match) throw new RangeError(`day must be YYYY-MM-DD, not ${JSON.stringify(day)}`);
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) + minutes * MINUTE_MS;
  // The zone's offset at the guess, then again at the corrected instant: right on both sides of a clock change.
  let instant = wall - offsetMs(new Date(wall), timeZone);
  instant = wall - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** 1 for Monday to 7 for Sunday. */
export function isoWeekday(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return ((new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7) + 1;
}

export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The Monday of the week `day` is in. */
export function weekStart(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** `HH:MM` (00:00 to 24:00) as minutes since midnight, or null when it is not a time of day. */
export function minutesOf(time: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(time);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 1440 ? minutes : null;
}

export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function offsetMs(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(
    Number(parts['year']),
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
    Number(parts['second']),
  );
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}
