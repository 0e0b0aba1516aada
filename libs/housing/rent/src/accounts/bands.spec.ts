import { DEFAULT_ARREARS_BANDS } from '../rent.settings';
import { bandFor, weeksOfRent } from './accounts.model';

describe('arrears bands', () => {
  it('count arrears in weeks of the weekly charge; credit and clear accounts are 0 weeks', () => {
    expect(weeksOfRent(25_000, 10_000)).toBe(2.5);
    expect(weeksOfRent(0, 10_000)).toBe(0);
    expect(weeksOfRent(-5_000, 10_000)).toBe(0);
    expect(weeksOfRent(100, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('put an account in the last band whose threshold it has reached', () => {
    const code = (weeks: number) => bandFor(DEFAULT_ARREARS_BANDS, weeks)?.code;
    expect([0, 0.99, 1, 3.99, 4, 7.99, 8, Number.POSITIVE_INFINITY].map(code)).toEqual(['clear', 'clear', 'low', 'low', 'medium', 'medium', 'high', 'high']);
    expect(bandFor([{ code: 'late', fromWeeks: 2 }], 1)).toBeNull();
  });
});
