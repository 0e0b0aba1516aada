import fc from 'fast-check';
import { addDays, instantAt, isoWeekday, localTime, minutesOf, weekStart } from './local-time';
import { freeStarts, openingHoursProblems, windowHolding } from './opening-hours';

const LONDON = 'Europe/London';
const WEEKDAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:30', closes: '17:30' }));
const at = (iso: string) => new Date(iso);

describe('a venue’s clock', () => {
  it('turns local times into instants on both sides of the clock changes', () => {
    expect(instantAt('2026-01-12', 9 * 60, LONDON).toISOString()).toBe('2026-01-12T09:00:00.000Z');
    expect(instantAt('2026-07-13', 9 * 60, LONDON).toISOString()).toBe('2026-07-13T08:00:00.000Z');
    // The Sunday the clocks go forward (29 March 2026) and back (25 October 2026).
    expect(instantAt('2026-03-29', 12 * 60, LONDON).toISOString()).toBe('2026-03-29T11:00:00.000Z');
    expect(instantAt('2026-10-25', 12 * 60, LONDON).toISOString()).toBe('2026-10-25T12:00:00.000Z');
    expect(instantAt('2026-07-13', 24 * 60, LONDON).toISOString()).toBe('2026-07-13T23:00:00.000Z');
  });

  it('reads an instant as the local day, minute and weekday', () => {
    expect(localTime(at('2026-07-12T23:30:00Z'), LONDON)).toEqual({ day: '2026-07-13', minutes: 30, weekday: 1 });
    expect(localTime(at('2026-01-18T23:30:00Z'), LONDON)).toEqual({ day: '2026-01-18', minutes: 23 * 60 + 30, weekday: 7 });
  });

  it('reads back every local minute it makes, on any day (the hour the clocks skip aside)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 1439 }), (offset, minutes) => {
        const day = addDays('2024-01-01', offset);
        const instant = instantAt(day, minutes, LONDON);
        // 01:00 to 01:59 does not exist on the day the clocks go forward (a 23-hour day).
        const shortDay = instantAt(addDays(day, 1), 0, LONDON).getTime() - instantAt(day, 0, LONDON).getTime() === 23 * 3_600_000;
        const skipped = shortDay && minutes >= 60 && minutes < 120;
        if (skipped) return;
        expect(localTime(instant, LONDON)).toEqual({ day, minutes, weekday: isoWeekday(day) });
      }),
      { numRuns: 500 },
    );
  });

  it('counts weeks from Monday', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(minutesOf('24:00')).toBe(1440);
    expect(minutesOf('24:01')).toBeNull();
    expect(minutesOf('9:00')).toBeNull();
  });
});

describe('opening hours', () => {
  it('says what is wrong with them', () => {
    expect(openingHoursProblems(WEEKDAYS)).toEqual([]);
    expect(openingHoursProblems([{ weekday: 1, opens: '09:00', closes: '09:00' }, { weekday: 1, opens: '10:00', closes: '24:00' }, { weekday: 8, opens: '24:00', closes: '00:00' }])).toEqual([
      { field: 'openingHours[0].closes', message: 'closes must be after opens' },
      { field: 'openingHours[1].weekday', message: 'weekday 1 is given twice' },
      { field: 'openingHours[2].weekday', message: 'weekday must be 1 (Monday) to 7 (Sunday)' },
      { field: 'openingHours[2].opens', message: 'opens must be a time from 00:00 to 23:59' },
      { field: 'openingHours[2].closes', message: 'closes must be a time from 00:01 to 24:00' },
      { field: 'openingHours[2].closes', message: 'closes must be after opens' },
    ]);
  });

  it('holds a booking only when all of it is within one day’s hours', () => {
    // Monday 13 July 2026, BST: 08:30 local is 07:30Z.
    expect(windowHolding(WEEKDAYS, LONDON, at('2026-07-13T07:30:00Z'), at('2026-07-13T16:30:00Z'))).not.toBeNull();
    expect(windowHolding(WEEKDAYS, LONDON, at('2026-07-13T07:00:00Z'), at('2026-07-13T09:00:00Z'))).toBeNull();
    expect(windowHolding(WEEKDAYS, LONDON, at('2026-07-13T15:00:00Z'), at('2026-07-13T17:00:00Z'))).toBeNull();
    expect(windowHolding(WEEKDAYS, LONDON, at('2026-07-12T09:00:00Z'), at('2026-07-12T10:00:00Z'))).toBeNull();
  });
});

describe('free times for a clash', () => {
  const window = { opensAt: at('2026-07-13T07:30:00Z'), closesAt: at('2026-07-13T16:30:00Z') };
  const taken = [
    { start: at('2026-07-13T09:00:00Z'), end: at('2026-07-13T11:00:00Z') },
    { start: at('2026-07-13T11:30:00Z'), end: at('2026-07-13T13:00:00Z') },
  ];
  const HOUR = 3_600_000;

  it('offers one start per gap long enough, nearest the time asked for first', () => {
    const starts = freeStarts(window, taken, 2 * HOUR, { notBefore: at('2026-07-13T06:00:00Z'), near: at('2026-07-13T10:00:00Z'), limit: 5 });
    // 07:30-09:00 is too short for two hours; 11:00-11:30 too; 13:00 onwards fits.
    expect(starts.map((s) => s.toISOString())).toEqual(['2026-07-13T13:00:00.000Z']);
    const hour = freeStarts(window, taken, HOUR, { notBefore: at('2026-07-13T06:00:00Z'), near: at('2026-07-13T10:00:00Z'), limit: 5 });
    expect(hour.map((s) => s.toISOString())).toEqual(['2026-07-13T08:00:00.000Z', '2026-07-13T13:00:00.000Z']);
  });

  it('offers nothing before now, and starts on quarter hours', () => {
    const starts = freeStarts(window, taken, HOUR, { notBefore: at('2026-07-13T13:07:00Z'), near: at('2026-07-13T10:00:00Z'), limit: 5 });
    expect(starts.map((s) => s.toISOString())).toEqual(['2026-07-13T13:15:00.000Z']);
  });
});
