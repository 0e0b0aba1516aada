import { gridlines, niceCeiling } from './chart';

describe('niceCeiling', () => {
  it('rounds the largest value up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([1, 3, 7, 19, 21, 240, 251, 999, 1_000, 1_234_567].map(niceCeiling)).toEqual([1, 5, 10, 20, 25, 250, 500, 1_000, 1_000, 2_000_000]);
  });

  it('gives an all-zero chart a scale of one', () => {
    expect(niceCeiling(0)).toBe(1);
  });
});

describe('gridlines', () => {
  it('spaces four gaps evenly from zero to the ceiling', () => {
    expect(gridlines(2_500_000)).toEqual([0, 625_000, 1_250_000, 1_875_000, 2_500_000]);
  });
});
