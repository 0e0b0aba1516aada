import { easterSunday } from './easter';
import { weekday } from './uk-day';

describe('easterSunday', () => {
  it.each([
    ['1818-03-22'], ['1886-04-25'], ['1943-04-25'], ['2000-04-23'], ['2008-03-23'], ['2011-04-24'], ['2016-03-27'],
    ['2018-04-01'], ['2019-04-21'], ['2020-04-12'], ['2021-04-04'], ['2022-04-17'], ['2023-04-09'], ['2024-03-31'],
    ['2025-04-20'], ['2026-04-05'], ['2027-03-28'], ['2028-04-16'], ['2029-04-01'], ['2030-04-21'], ['2038-04-25'],
    ['2285-03-22'],
  ])('gives %s', (date) => {
    expect(easterSunday(Number(date.slice(0, 4)))).toBe(date);
  });

  it('is always a Sunday from 22 March to 25 April', () => {
    for (let year = 1900; year <= 2300; year += 1) {
      const easter = easterSunday(year);
      expect(weekday(easter)).toBe(0);
      expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
    }
  });
});
