import { DEFAULT_RENT_FREE_WEEKS } from '../rent.settings';
import {
  addDays, isRentFreeWeek, monthlyPeriod, periodContaining, rentWeekStart, rentYearStart, rentYearWeek, weekStart, weeklyEquivalentPence,
  weeklyPeriod, weeksInRentYear,
} from './rent-periods';

describe('the rent year', () => {
  it('starts on 1 April when that is a Monday (2024), and 1 April belongs to week 1', () => {
    expect(rentYearStart(2024)).toBe('2024-04-01');
    expect(rentYearWeek('2024-04-01')).toEqual({ rentYear: 2024, week: 1 });
    expect(rentYearWeek('2024-04-07')).toEqual({ rentYear: 2024, week: 1 });
    expect(rentYearWeek('2024-04-08')).toEqual({ rentYear: 2024, week: 2 });
  });

  it('starts on 2 April when 1 April is a Sunday (2029), and that Sunday is the last day of the year before', () => {
    expect(rentYearStart(2029)).toBe('2029-04-02');
    expect(rentYearWeek('2029-04-01')).toEqual({ rentYear: 2028, week: 52 });
    expect(rentYearWeek('2029-04-02')).toEqual({ rentYear: 2029, week: 1 });
  });

  it('gives the first days of April before its first Monday to the year before (2025 starts on 7 April)', () => {
    expect(rentYearStart(2025)).toBe('2025-04-07');
    expect(rentYearWeek('2025-04-06')).toEqual({ rentYear: 2024, week: 53 });
    expect(rentYearWeek('2025-01-01')).toEqual({ rentYear: 2024, week: 40 });
  });

  it('has 53 weeks when the next first Monday of April is 371 days away, 52 otherwise', () => {
    expect(weeksInRentYear(2024)).toBe(53);
    expect(weeksInRentYear(2025)).toBe(52);
    expect(weeksInRentYear(2028)).toBe(52);
    expect(weeksInRentYear(2029)).toBe(52);
    // Every year is one or the other, and the years tile the calendar without a gap.
    for (let year = 2000; year < 2100; year++) {
      expect([52, 53]).toContain(weeksInRentYear(year));
      expect(addDays(rentWeekStart(year, weeksInRentYear(year)), 7)).toBe(rentYearStart(year + 1));
    }
  });

  it('finds the Monday a week of the year starts on, and refuses a week the year does not have', () => {
    expect(rentWeekStart(2025, 1)).toBe('2025-04-07');
    expect(rentWeekStart(2025, 52)).toBe('2026-03-30');
    expect(rentWeekStart(2024, 53)).toBe('2025-03-31');
    expect(() => rentWeekStart(2025, 53)).toThrow('rent year 2025 has no week 53');
    expect(() => rentWeekStart(2025, 0)).toThrow(RangeError);
  });
});

describe('charging periods', () => {
  it('run Monday to Sunday for weekly accounts, across the end of a month and a year', () => {
    expect(weekStart('2025-12-31')).toBe('2025-12-29');
    expect(weekStart('2025-12-29')).toBe('2025-12-29');
    expect(weekStart('2026-01-04')).toBe('2025-12-29');
    expect(weeklyPeriod('2026-01-01')).toEqual({ start: '2025-12-29', end: '2026-01-04', rentYear: 2025, week: 39 });
  });

  it('are the calendar month for monthly accounts, including February in a leap year', () => {
    expect(monthlyPeriod('2028-02-15')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(monthlyPeriod('2025-12-31')).toEqual({ start: '2025-12-01', end: '2025-12-31' });
    expect(periodContaining('monthly', '2025-04-01')).toEqual({ start: '2025-04-01', end: '2025-04-30' });
    expect(periodContaining('weekly', '2025-04-01')).toEqual({ start: '2025-03-31', end: '2025-04-06' });
  });

  it('refuse a day that is not a calendar date', () => {
    expect(() => weekStart('2025-02-30')).toThrow('a day must be a date written YYYY-MM-DD, not "2025-02-30"');
    expect(() => monthlyPeriod('1 April 2025')).toThrow(RangeError);
  });
});

describe('rent-free weeks', () => {
  it('never apply to a 52-week account, even in a 53-week year', () => {
    for (const week of [1, 38, 52, 53]) expect(isRentFreeWeek(week, 52, DEFAULT_RENT_FREE_WEEKS)).toBe(false);
  });

  it("are the member's two weeks for a 50-week account and four for a 48-week one", () => {
    const settings = { '50': [38, 52], '48': [37, 38, 51, 52] };
    expect([1, 37, 38, 52, 53].filter((week) => isRentFreeWeek(week, 50, settings))).toEqual([38, 52]);
    expect([1, 37, 38, 51, 52, 53].filter((week) => isRentFreeWeek(week, 48, settings))).toEqual([37, 38, 51, 52]);
  });

  it('leave a 52-week year with exactly 50 or 48 charged weeks', () => {
    const charged = (chargeWeeks: 50 | 48) =>
      Array.from({ length: weeksInRentYear(2025) }, (_, i) => i + 1).filter((week) => !isRentFreeWeek(week, chargeWeeks, DEFAULT_RENT_FREE_WEEKS)).length;
    expect(charged(50)).toBe(50);
    expect(charged(48)).toBe(48);
  });
});

describe('weekly equivalents', () => {
  it('turn a monthly charge into weeks of rent as × 12 / 52', () => {
    expect(weeklyEquivalentPence('monthly', 52_000)).toBe(12_000);
    expect(weeklyEquivalentPence('weekly', 12_345)).toBe(12_345);
  });
});
