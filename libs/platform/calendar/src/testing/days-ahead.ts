import { CALENDAR_REGIONS } from '../calendar-region';
import { addDays, ukDay } from '../uk-day';
import { WorkingCalendar } from '../working-calendar';

const everywhere = CALENDAR_REGIONS.map((region) => new WorkingCalendar(region));

/** A working day in every region, about `days` days from today in the UK, so tests do not age with the calendar. */
export function workingDayAhead(days: number): string {
  let day = addDays(ukDay(new Date()), days);
  while (!everywhere.every((calendar) => calendar.isWorkingDay(day))) day = addDays(day, 1);
  return day;
}
