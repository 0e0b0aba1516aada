import { CALENDAR_REGIONS, type CalendarRegion } from './calendar-region';

/**
 * A departure from the rules, made by royal proclamation: a holiday added for one year, or a
 * rule's holiday moved to another day. Declared as data so that the next one is one entry here
 * (see docs/calendar.md), checked against https://www.gov.uk/bank-holidays.
 */
export interface HolidayChange {
  /** The day off, YYYY-MM-DD. */
  date: string;
  /** As gov.uk names it. */
  name: string;
  regions: readonly CalendarRegion[];
  /** For a moved holiday: the day the rule would have given, which is then a working day. */
  replaces?: string;
}

const UK = CALENDAR_REGIONS;

/** Every change since 2000, the first year the calendar answers for, in date order. */
export const HOLIDAY_CHANGES: readonly HolidayChange[] = [
  { date: '2002-06-03', name: 'Golden Jubilee bank holiday', regions: UK },
  { date: '2002-06-04', name: 'Spring bank holiday', regions: UK, replaces: '2002-05-27' },
  { date: '2011-04-29', name: 'Bank holiday for the wedding of Prince William and Catherine Middleton', regions: UK },
  { date: '2012-06-04', name: 'Spring bank holiday', regions: UK, replaces: '2012-05-28' },
  { date: '2012-06-05', name: 'Queen’s Diamond Jubilee', regions: UK },
  { date: '2020-05-08', name: 'Early May bank holiday (VE day)', regions: UK, replaces: '2020-05-04' },
  { date: '2022-06-02', name: 'Spring bank holiday', regions: UK, replaces: '2022-05-30' },
  { date: '2022-06-03', name: 'Platinum Jubilee bank holiday', regions: UK },
  { date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II', regions: UK },
  { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III', regions: UK },
];
