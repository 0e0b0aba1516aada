import type { RepairsWords } from '../repairs.text';

const HOUR_MS = 3_600_000;
const UK_TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });

export type DeadlineTone = 'overdue' | 'soon' | 'ok';

export interface Deadline {
  /** "Due in 2 working days", "Overdue by 1 working day"... */
  text: string;
  tone: DeadlineTone;
  /** A deadline at UK midnight is the end of the day before: staff say "by the end of Monday", not "by 00:00 Tuesday". */
  endOfDay: boolean;
}

/**
 * How long is left, as staff say it. The API counts working days on the member's calendar
 * (workingDaysLeft), so this only chooses words: hours for the last day of a deadline counted
 * in hours, working days otherwise. Two working days or less is "soon".
 */
export function describeDeadline(words: RepairsWords, dueAt: string, workingDaysLeft: number | null, now: number = Date.now()): Deadline {
  const due = new Date(dueAt);
  const left = due.getTime() - now;
  const endOfDay = UK_TIME.format(due) === '00:00';
  if (left <= 0) {
    const days = workingDaysLeft !== null && workingDaysLeft < 0 ? -workingDaysLeft : 0;
    return { text: days ? words.overdueBy(days) : words.overdue, tone: 'overdue', endOfDay };
  }
  if (!endOfDay && left < 24 * HOUR_MS) return { text: words.dueInHours(Math.ceil(left / HOUR_MS)), tone: 'soon', endOfDay };
  const days = workingDaysLeft ?? 0;
  if (days === 0) return { text: words.dueToday, tone: 'soon', endOfDay };
  return { text: words.dueInWorkingDays(days), tone: days <= 2 ? 'soon' : 'ok', endOfDay };
}

/** The last moment allowed, for the text beside the deadline: the day itself when it ends at midnight. */
export function lastMoment(dueAt: string): Date {
  const due = new Date(dueAt);
  return UK_TIME.format(due) === '00:00' ? new Date(due.getTime() - 1) : due;
}
