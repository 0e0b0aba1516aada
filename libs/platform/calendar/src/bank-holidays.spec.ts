import { bankHolidays } from './bank-holidays';
import { regionOf, type CalendarRegion } from './calendar-region';
import { HOLIDAY_CHANGES } from './holiday-changes';
import { isWeekend } from './uk-day';

const datesOf = (region: CalendarRegion, year: number) => bankHolidays(region, year).map((holiday) => holiday.date);

/** As https://www.gov.uk/bank-holidays publishes them. */
const GOV_UK: Record<CalendarRegion, Record<number, string[]>> = {
  'england-and-wales': {
    2011: ['01-03', '04-22', '04-25', '04-29', '05-02', '05-30', '08-29', '12-26', '12-27'],
    2012: ['01-02', '04-06', '04-09', '05-07', '06-04', '06-05', '08-27', '12-25', '12-26'],
    2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
    2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
    2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
    2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
    2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
    2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
    2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
    2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
    2028: ['01-03', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26'],
  },
  scotland: {
    2022: ['01-03', '01-04', '04-15', '05-02', '06-02', '06-03', '08-01', '09-19', '11-30', '12-26', '12-27'],
    2023: ['01-02', '01-03', '04-07', '05-01', '05-08', '05-29', '08-07', '11-30', '12-25', '12-26'],
    2024: ['01-01', '01-02', '03-29', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26'],
    2025: ['01-01', '01-02', '04-18', '05-05', '05-26', '08-04', '12-01', '12-25', '12-26'],
    2026: ['01-01', '01-02', '04-03', '05-04', '05-25', '08-03', '11-30', '12-25', '12-28'],
    2027: ['01-01', '01-04', '03-26', '05-03', '05-31', '08-02', '11-30', '12-27', '12-28'],
  },
  'northern-ireland': {
    2022: ['01-03', '03-17', '04-15', '04-18', '05-02', '06-02', '06-03', '07-12', '08-29', '09-19', '12-26', '12-27'],
    2023: ['01-02', '03-17', '04-07', '04-10', '05-01', '05-08', '05-29', '07-12', '08-28', '12-25', '12-26'],
    2024: ['01-01', '03-18', '03-29', '04-01', '05-06', '05-27', '07-12', '08-26', '12-25', '12-26'],
    2025: ['01-01', '03-17', '04-18', '04-21', '05-05', '05-26', '07-14', '08-25', '12-25', '12-26'],
    2026: ['01-01', '03-17', '04-03', '04-06', '05-04', '05-25', '07-13', '08-31', '12-25', '12-28'],
    2027: ['01-01', '03-17', '03-26', '03-29', '05-03', '05-31', '07-12', '08-30', '12-27', '12-28'],
  },
};

describe('bankHolidays', () => {
  describe.each(Object.entries(GOV_UK))('%s', (region, years) => {
    it.each(Object.entries(years))('%s matches gov.uk', (year, days) => {
      expect(datesOf(region as CalendarRegion, Number(year))).toEqual(days.map((day) => `${year}-${day}`));
    });
  });

  it('names the days as gov.uk does, substitutes included', () => {
    expect(bankHolidays('england-and-wales', 2026)).toEqual([
      { date: '2026-01-01', name: 'New Year’s Day' },
      { date: '2026-04-03', name: 'Good Friday' },
      { date: '2026-04-06', name: 'Easter Monday' },
      { date: '2026-05-04', name: 'Early May bank holiday' },
      { date: '2026-05-25', name: 'Spring bank holiday' },
      { date: '2026-08-31', name: 'Summer bank holiday' },
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
    ]);
    expect(bankHolidays('northern-ireland', 2026)).toContainEqual({ date: '2026-07-13', name: 'Battle of the Boyne (Orangemen’s Day) (substitute day)' });
  });

  describe('substitute days', () => {
    it('Christmas on a Saturday: Christmas moves to Monday 27 and Boxing Day to Tuesday 28 (2021, 2027)', () => {
      for (const year of [2021, 2027]) {
        expect(bankHolidays('england-and-wales', year).slice(-2)).toEqual([
          { date: `${year}-12-27`, name: 'Christmas Day (substitute day)' },
          { date: `${year}-12-28`, name: 'Boxing Day (substitute day)' },
        ]);
      }
    });

    it('Christmas on a Sunday: Boxing Day keeps Monday 26, so Christmas moves to Tuesday 27 (2022)', () => {
      expect(bankHolidays('england-and-wales', 2022).slice(-2)).toEqual([
        { date: '2022-12-26', name: 'Boxing Day' },
        { date: '2022-12-27', name: 'Christmas Day (substitute day)' },
      ]);
    });

    it('New Year on a Saturday moves to Monday 3 January (2028, 2022)', () => {
      expect(bankHolidays('england-and-wales', 2028)[0]).toEqual({ date: '2028-01-03', name: 'New Year’s Day (substitute day)' });
      expect(datesOf('england-and-wales', 2022)[0]).toBe('2022-01-03');
    });

    it('in Scotland 1 and 2 January at a weekend become Monday 3 and Tuesday 4 (2022)', () => {
      expect(bankHolidays('scotland', 2022).slice(0, 2)).toEqual([
        { date: '2022-01-03', name: 'New Year’s Day (substitute day)' },
        { date: '2022-01-04', name: '2nd January (substitute day)' },
      ]);
    });

    it('in Scotland New Year on a Sunday moves past 2 January, itself a holiday (2023)', () => {
      expect(bankHolidays('scotland', 2023).slice(0, 2)).toEqual([
        { date: '2023-01-02', name: '2nd January' },
        { date: '2023-01-03', name: 'New Year’s Day (substitute day)' },
      ]);
    });

    it('St Andrew’s Day on a Saturday moves to Monday 2 December (2024)', () => {
      expect(bankHolidays('scotland', 2024)).toContainEqual({ date: '2024-12-02', name: 'St Andrew’s Day (substitute day)' });
    });

    it('never lists a weekend day, in any region or year', () => {
      for (const region of ['england-and-wales', 'scotland', 'northern-ireland'] as const) {
        for (let year = 2000; year <= 2060; year += 1) expect(datesOf(region, year).filter(isWeekend)).toEqual([]);
      }
    });
  });

  describe('regions', () => {
    it('Scotland has no Easter Monday and its summer holiday is the first Monday of August', () => {
      const scotland = bankHolidays('scotland', 2025);
      expect(scotland.map((holiday) => holiday.name)).not.toContain('Easter Monday');
      expect(scotland).toContainEqual({ date: '2025-08-04', name: 'Summer bank holiday' });
      expect(bankHolidays('england-and-wales', 2025)).toContainEqual({ date: '2025-08-25', name: 'Summer bank holiday' });
    });

    it('St Andrew’s Day is Scottish from 2007 only', () => {
      expect(datesOf('scotland', 2006)).not.toContain('2006-11-30');
      expect(datesOf('scotland', 2007)).toContain('2007-11-30');
      expect(datesOf('england-and-wales', 2007)).not.toContain('2007-11-30');
    });

    it('members in Wales keep the holidays of England; each other nation its own', () => {
      expect(regionOf('england')).toBe('england-and-wales');
      expect(regionOf('wales')).toBe('england-and-wales');
      expect(regionOf('scotland')).toBe('scotland');
      expect(regionOf('northern_ireland')).toBe('northern-ireland');
    });
  });

  describe('one-off changes', () => {
    it('a moved holiday leaves its usual day a working day: Spring 2022 moved from 30 May to 2 June', () => {
      for (const region of ['england-and-wales', 'scotland', 'northern-ireland'] as const) {
        const days = datesOf(region, 2022);
        expect(days).not.toContain('2022-05-30');
        expect(days).toEqual(expect.arrayContaining(['2022-06-02', '2022-06-03', '2022-09-19']));
      }
    });

    it('2002 Golden Jubilee: Spring on Tuesday 4 June and Monday 3 June added', () => {
      expect(datesOf('england-and-wales', 2002)).toEqual(['2002-01-01', '2002-03-29', '2002-04-01', '2002-05-06', '2002-06-03', '2002-06-04', '2002-08-26', '2002-12-25', '2002-12-26']);
    });

    it('every change is a weekday listed in its regions, and the day a move replaces is not', () => {
      for (const change of HOLIDAY_CHANGES) {
        expect(isWeekend(change.date)).toBe(false);
        for (const region of change.regions) {
          const days = datesOf(region, Number(change.date.slice(0, 4)));
          expect(days).toContain(change.date);
          if (change.replaces) expect(days).not.toContain(change.replaces);
        }
      }
    });
  });

  it('refuses years it cannot answer for', () => {
    expect(() => bankHolidays('scotland', 1999)).toThrow('from 2000 to 2199, not in 1999');
    expect(() => bankHolidays('scotland', 2200)).toThrow(RangeError);
    expect(() => bankHolidays('scotland', 2026.5)).toThrow(RangeError);
  });
});
