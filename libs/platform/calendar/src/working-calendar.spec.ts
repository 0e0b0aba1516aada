import { WorkingCalendar, type Period } from './working-calendar';
import { ukDay, ukMidnight } from './uk-day';

const englandAndWales = new WorkingCalendar('england-and-wales');
const scotland = new WorkingCalendar('scotland');

/** An instant written with its UK offset, as a person in the UK would read the clock. */
const at = (iso: string) => new Date(iso);
const due = (calendar: WorkingCalendar, from: string, period: Period) => calendar.due(at(from), period).toISOString();

describe('uk days', () => {
  it('an instant falls on its UK day: 00:30 BST is the next day, though still the previous one in UTC', () => {
    expect(ukDay(at('2026-06-06T00:30:00+01:00'))).toBe('2026-06-06');
    expect(ukDay(at('2026-01-10T00:30:00Z'))).toBe('2026-01-10');
    expect(ukDay(at('2026-01-09T23:59:00Z'))).toBe('2026-01-09');
  });

  it('a UK day begins at 23:00 UTC the evening before in BST and at 00:00 UTC in GMT, clock-change days too', () => {
    expect(ukMidnight('2026-07-01').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(ukMidnight('2026-01-01').toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(ukMidnight('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z'); // clocks go forward at 01:00 GMT
    expect(ukMidnight('2026-03-30').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(ukMidnight('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z'); // clocks go back at 02:00 BST
    expect(ukMidnight('2026-10-26').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });
});

describe('WorkingCalendar.isWorkingDay', () => {
  it('is false at weekends, on bank holidays (substitutes included) and on closure days', () => {
    const member = new WorkingCalendar('england-and-wales', ['2026-12-29']);
    expect(member.isWorkingDay('2026-12-24')).toBe(true);
    expect(member.isWorkingDay('2026-12-25')).toBe(false); // Christmas
    expect(member.isWorkingDay('2026-12-26')).toBe(false); // Saturday
    expect(member.isWorkingDay('2026-12-28')).toBe(false); // Boxing Day substitute
    expect(member.isWorkingDay('2026-12-29')).toBe(false); // the member's closure day
    expect(member.isWorkingDay('2026-12-30')).toBe(true);
  });

  it('follows the region: Easter Monday works in Scotland, 2 January does not', () => {
    expect(scotland.isWorkingDay('2026-04-06')).toBe(true);
    expect(englandAndWales.isWorkingDay('2026-04-06')).toBe(false);
    expect(scotland.isWorkingDay('2026-01-02')).toBe(false);
    expect(englandAndWales.isWorkingDay('2026-01-02')).toBe(true);
  });

  it('refuses what is not a date', () => {
    expect(() => englandAndWales.isWorkingDay('2026-02-30')).toThrow('day must be a date written YYYY-MM-DD');
    expect(() => new WorkingCalendar('scotland', ['30/12/2026'])).toThrow('A closure day must be a date written YYYY-MM-DD');
  });
});

describe('WorkingCalendar.due', () => {
  describe('working days: the day of `from` never counts, and the deadline is the end of the nth working day', () => {
    it('a report at 23:59 on a Friday with 1 working day is due at the end of Monday', () => {
      expect(due(englandAndWales, '2026-01-09T23:59:00Z', { workingDays: 1 })).toBe('2026-01-13T00:00:00.000Z');
    });

    it('a report at 00:01 on the same Friday is due at the same moment', () => {
      expect(due(englandAndWales, '2026-01-09T00:01:00Z', { workingDays: 1 })).toBe('2026-01-13T00:00:00.000Z');
    });

    it('… or at the end of Tuesday when Monday is a bank holiday (Early May 2026, in BST)', () => {
      expect(due(englandAndWales, '2026-05-01T23:59:00+01:00', { workingDays: 1 })).toBe('2026-05-05T23:00:00.000Z');
    });

    it('a report at 00:30 on a Saturday counts from Saturday, so Monday is still the first day', () => {
      expect(due(englandAndWales, '2026-01-10T00:30:00Z', { workingDays: 1 })).toBe('2026-01-13T00:00:00.000Z');
    });

    it('00:30 BST on a Friday is Friday in the UK (Thursday in UTC): 1 working day is Monday, not Friday', () => {
      expect(due(englandAndWales, '2026-06-05T00:30:00+01:00', { workingDays: 1 })).toBe('2026-06-08T23:00:00.000Z');
    });

    it('crosses Easter: Good Friday and Easter Monday are skipped in England and Wales, only Good Friday in Scotland', () => {
      expect(due(englandAndWales, '2026-04-02T10:00:00+01:00', { workingDays: 1 })).toBe('2026-04-07T23:00:00.000Z');
      expect(due(scotland, '2026-04-02T10:00:00+01:00', { workingDays: 1 })).toBe('2026-04-06T23:00:00.000Z');
    });

    it('crosses Christmas and New Year: 24 December 2026 plus 5 working days is the end of 5 January', () => {
      // 29, 30, 31 December, then 4 and 5 January: 25 and 28 December and 1 January are holidays.
      expect(due(englandAndWales, '2026-12-24T09:00:00Z', { workingDays: 5 })).toBe('2027-01-06T00:00:00.000Z');
    });

    it('crosses New Year: Scotland also loses Monday 4 January 2027 (2 January at a weekend)', () => {
      expect(due(englandAndWales, '2026-12-30T10:00:00Z', { workingDays: 2 })).toBe('2027-01-05T00:00:00.000Z');
      expect(due(scotland, '2026-12-30T10:00:00Z', { workingDays: 2 })).toBe('2027-01-06T00:00:00.000Z');
    });

    it('crosses the 2027 Saturday Christmas: Monday 27 and Tuesday 28 December are substitutes', () => {
      expect(due(englandAndWales, '2027-12-24T12:00:00Z', { workingDays: 1 })).toBe('2027-12-30T00:00:00.000Z');
    });

    it('skips the member’s closure days, but a closure day at a weekend changes nothing', () => {
      const member = new WorkingCalendar('england-and-wales', ['2026-01-12', '2026-01-17']);
      expect(due(member, '2026-01-09T15:00:00Z', { workingDays: 1 })).toBe('2026-01-14T00:00:00.000Z');
      expect(due(member, '2026-01-09T15:00:00Z', { workingDays: 5 })).toBe('2026-01-20T00:00:00.000Z');
      expect(due(englandAndWales, '2026-01-09T15:00:00Z', { workingDays: 5 })).toBe('2026-01-17T00:00:00.000Z');
    });

    it('ends at midnight by the UK clock on either side of the clock changes', () => {
      // Friday before the spring change (GMT) to Monday in BST, and the autumn one back.
      expect(due(englandAndWales, '2026-03-27T15:00:00Z', { workingDays: 1 })).toBe('2026-03-30T23:00:00.000Z');
      expect(due(englandAndWales, '2026-10-23T15:00:00+01:00', { workingDays: 1 })).toBe('2026-10-27T00:00:00.000Z');
    });

    it('zero working days is the end of the day of `from`', () => {
      expect(due(englandAndWales, '2026-07-15T09:00:00+01:00', { workingDays: 0 })).toBe('2026-07-15T23:00:00.000Z');
    });
  });

  describe('calendar days', () => {
    it('end at the UK midnight after the nth day, whatever the day: 12 weeks is 84 days', () => {
      expect(due(englandAndWales, '2026-01-09T23:59:00Z', { calendarDays: 1 })).toBe('2026-01-11T00:00:00.000Z');
      expect(due(englandAndWales, '2026-01-05T10:00:00Z', { calendarDays: 84 })).toBe('2026-03-30T23:00:00.000Z');
    });

    it('count from the UK day: 00:30 BST on Saturday counts from Saturday', () => {
      expect(due(englandAndWales, '2026-06-06T00:30:00+01:00', { calendarDays: 1 })).toBe('2026-06-07T23:00:00.000Z');
    });

    it('span the clock change weekend: Saturday plus 1 ends at the start of Monday, in BST', () => {
      expect(due(englandAndWales, '2026-03-28T12:00:00Z', { calendarDays: 1 })).toBe('2026-03-29T23:00:00.000Z');
      expect(due(englandAndWales, '2026-10-24T12:00:00+01:00', { calendarDays: 1 })).toBe('2026-10-26T00:00:00.000Z');
    });
  });

  describe('hours', () => {
    it('are clock hours: 24 hours across the spring change is 13:00 BST by the wall clock', () => {
      expect(due(englandAndWales, '2026-03-28T12:00:00Z', { hours: 24 })).toBe('2026-03-29T12:00:00.000Z');
    });

    it('… and 11:00 GMT across the autumn change', () => {
      expect(due(englandAndWales, '2026-10-24T12:00:00+01:00', { hours: 24 })).toBe('2026-10-25T11:00:00.000Z');
    });

    it('ignore weekends and holidays', () => {
      expect(due(englandAndWales, '2026-12-24T18:00:00Z', { hours: 24 })).toBe('2026-12-25T18:00:00.000Z');
    });
  });

  it('refuses a period that is not a count, and an invalid instant', () => {
    expect(() => englandAndWales.due(at('2026-01-09T10:00:00Z'), { workingDays: -1 })).toThrow('workingDays must be a whole number, zero or more, not -1');
    expect(() => englandAndWales.due(at('2026-01-09T10:00:00Z'), { calendarDays: 1.5 })).toThrow(RangeError);
    expect(() => englandAndWales.due(at('2026-01-09T10:00:00Z'), { hours: Number.NaN })).toThrow(RangeError);
    expect(() => englandAndWales.due(new Date('not a date'), { hours: 1 })).toThrow('An instant must be a valid Date');
  });
});

describe('WorkingCalendar.workingDaysBetween', () => {
  it('counts working days after the day of `from` up to and including the day of `to`', () => {
    expect(englandAndWales.workingDaysBetween(at('2026-01-09T23:59:00Z'), at('2026-01-12T08:00:00Z'))).toBe(1);
    expect(englandAndWales.workingDaysBetween(at('2026-12-24T09:00:00Z'), at('2027-01-05T17:00:00Z'))).toBe(5);
    expect(englandAndWales.workingDaysBetween(at('2026-01-09T09:00:00Z'), at('2026-01-09T17:00:00Z'))).toBe(0);
  });

  it('is zero when `to` is not after `from`', () => {
    expect(englandAndWales.workingDaysBetween(at('2026-01-14T09:00:00Z'), at('2026-01-09T09:00:00Z'))).toBe(0);
  });

  it('agrees with due: just before the deadline n working days have passed, at it the next one has begun', () => {
    const member = new WorkingCalendar('northern-ireland', ['2026-07-14']);
    const from = at('2026-07-09T16:45:00+01:00');
    for (let n = 1; n <= 30; n += 1) {
      const deadline = member.due(from, { workingDays: n });
      expect(member.workingDaysBetween(from, new Date(deadline.getTime() - 1))).toBe(n);
    }
  });
});
