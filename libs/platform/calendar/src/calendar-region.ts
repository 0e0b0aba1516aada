import type { Country } from '@hearth/platform-database';

/** The three sets of UK bank holidays: England and Wales share one, Scotland and Northern Ireland have their own. */
export const CALENDAR_REGIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type CalendarRegion = (typeof CALENDAR_REGIONS)[number];

const REGION_OF: Record<Country, CalendarRegion> = {
  england: 'england-and-wales',
  wales: 'england-and-wales',
  scotland: 'scotland',
  northern_ireland: 'northern-ireland',
};

/** The bank holidays a member keeps: those of the nation it is registered in. */
export function regionOf(country: Country): CalendarRegion {
  return REGION_OF[country];
}
