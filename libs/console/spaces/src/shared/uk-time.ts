/**
 * The venues' clock (Europe/London) in the browser, wherever the browser is: opening hours and
 * booking times are read and written as a UK wall clock, and sent to the API as instants.
 */
const TIME_ZONE = 'Europe/London';
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function parts(instant: Date): Record<string, string> {
  return Object.fromEntries(PARTS.formatToParts(instant).map((part) => [part.type, part.value]));
}

/** The UK day of an instant, YYYY-MM-DD. */
export function ukDayOf(instant: Date | string): string {
  const p = parts(new Date(instant));
  return `${p['year']}-${p['month']}-${p['day']}`;
}

/** The UK wall-clock time of an instant, HH:MM. */
export function ukTimeOf(instant: Date | string): string {
  const p = parts(new Date(instant));
  return `${p['hour']}:${p['minute']}`;
}

/** Minutes since midnight of `HH:MM` (24:00 is 1440). */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The instant a UK day's clock shows `time` (HH:MM; 24:00 is the next midnight). */
export function ukInstant(day: string, time: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, date) + minutesOf(time) * 60_000;
  let instant = wall - offset(new Date(wall));
  instant = wall - offset(new Date(instant));
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

function offset(instant: Date): number {
  const p = parts(instant);
  const asUtc = Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), Number(p['hour']), Number(p['minute']));
  return asUtc - Math.floor(instant.getTime() / 60_000) * 60_000;
}
