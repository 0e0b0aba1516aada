import { instantAt, localTime, minutesOf } from './local-time';

/** A venue's hours on one weekday (1 Monday to 7 Sunday), local `HH:MM`; a weekday with none is closed. */
export interface OpeningHours {
  weekday: number;
  opens: string;
  closes: string;
}

export interface OpeningWindow {
  opensAt: Date;
  closesAt: Date;
}

/** What is wrong with a venue's opening hours, as fields and messages; empty when they are right. */
export function openingHoursProblems(hours: readonly OpeningHours[], field = 'openingHours'): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<number>();
  hours.forEach((day, i) => {
    const at = `${field}[${i}]`;
    if (!Number.isInteger(day.weekday) || day.weekday < 1 || day.weekday > 7) {
      problems.push({ field: `${at}.weekday`, message: 'weekday must be 1 (Monday) to 7 (Sunday)' });
    } else if (seen.has(day.weekday)) {
      problems.push({ field: `${at}.weekday`, message: `weekday ${day.weekday} is given twice` });
    }
    seen.add(day.weekday);
    const opens = minutesOf(day.opens);
    const closes = minutesOf(day.closes);
    if (opens === null || opens >= 1440) problems.push({ field: `${at}.opens`, message: 'opens must be a time from 00:00 to 23:59' });
    if (closes === null || closes === 0) problems.push({ field: `${at}.closes`, message: 'closes must be a time from 00:01 to 24:00' });
    if (opens !== null && closes !== null && closes <= opens) problems.push({ field: `${at}.closes`, message: 'closes must be after opens' });
  });
  return problems;
}

/** When the venue opens and closes on a local day, or null when it is closed that day. */
export function openingWindow(hours: readonly OpeningHours[], day: string, timeZone: string, weekday: number): OpeningWindow | null {
  const today = hours.find((h) => h.weekday === weekday);
  if (!today) return null;
  return { opensAt: instantAt(day, minutesOf(today.opens)!, timeZone), closesAt: instantAt(day, minutesOf(today.closes)!, timeZone) };
}

/** The window on the local day that `start` falls on, if the whole of [start, end) lies within it. */
export function windowHolding(hours: readonly OpeningHours[], timeZone: string, start: Date, end: Date): OpeningWindow | null {
  const local = localTime(start, timeZone);
  const window = openingWindow(hours, local.day, timeZone, local.weekday);
  if (!window) return null;
  return start >= window.opensAt && end <= window.closesAt ? window : null;
}

const STEP_MS = 15 * 60_000;

/**
 * Starts of free periods of `durationMs` within the window, given the taken periods: one per gap
 * long enough, on a quarter hour, as near to `near` as the gap allows and not before
 * `notBefore`; nearest first, at most `limit`.
 */
export function freeStarts(
  window: OpeningWindow,
  taken: readonly { start: Date; end: Date }[],
  durationMs: number,
  options: { notBefore: Date; near: Date; limit: number },
): Date[] {
  const up = (ms: number) => Math.ceil(ms / STEP_MS) * STEP_MS;
  const down = (ms: number) => Math.floor(ms / STEP_MS) * STEP_MS;
  const near = options.near.getTime();
  const closes = window.closesAt.getTime();
  const starts: number[] = [];
  const consider = (gapStart: number, gapEnd: number) => {
    const earliest = up(gapStart);
    const latest = down(gapEnd - durationMs);
    if (earliest <= latest) starts.push(Math.min(Math.max(down(near), earliest), latest));
  };
  let cursor = Math.max(window.opensAt.getTime(), options.notBefore.getTime());
  for (const period of [...taken].sort((a, b) => a.start.getTime() - b.start.getTime())) {
    if (period.end.getTime() <= cursor) continue;
    if (period.start.getTime() > cursor) consider(cursor, Math.min(period.start.getTime(), closes));
    cursor = Math.max(cursor, period.end.getTime());
  }
  if (cursor < closes) consider(cursor, closes);
  return starts
    .sort((a, b) => Math.abs(a - near) - Math.abs(b - near) || a - b)
    .slice(0, options.limit)
    .map((ms) => new Date(ms));
}
