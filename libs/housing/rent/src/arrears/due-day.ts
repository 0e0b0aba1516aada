import { ukDay, type WorkingCalendar } from '@hearth/platform-calendar';

/**
 * The UK day an income task falls due: `workingDays` working days on the member's calendar after
 * today (0 is today). The calendar's `due` is the end of that day, the next UK midnight, so the
 * day itself is the one just before it.
 */
export function dueDay(calendar: WorkingCalendar, workingDays: number, now = new Date()): string {
  return ukDay(new Date(calendar.due(now, { workingDays }).getTime() - 1));
}
