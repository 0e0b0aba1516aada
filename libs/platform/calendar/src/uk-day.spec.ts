import { isCalendarDay } from './uk-day';

describe('isCalendarDay', () => {
  it.each(['2026-11-24', '2028-02-29', '1800-01-01', '2999-12-31'])('takes %s', (day) => expect(isCalendarDay(day)).toBe(true));

  it.each(['2026-02-30', '2026-13-01', '0000-00-00', '1799-12-31', '9999-12-31', '2026-1-5', '2026-11-24T00:00:00Z', 20261124])(
    'refuses %s',
    (day) => expect(isCalendarDay(day)).toBe(false),
  );
});
