import { inverseNormal, longTailSizes } from './member-sizes';

describe('longTailSizes', () => {
  it('splits the homes exactly, largest first, at least one each', () => {
    for (const [total, count] of [[1_000_000, 200], [150_000, 20], [2_000, 3], [7, 7], [1, 1]]) {
      const sizes = longTailSizes(total, count);
      expect(sizes).toHaveLength(count);
      expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(total);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    }
  });

  it('has the sector’s long tail: a few large members and many small ones', () => {
    const sizes = longTailSizes(1_000_000, 200);
    const median = sizes[100];
    expect(sizes.slice(0, 3)).toEqual([113_127, 64_491, 48_428]);
    expect(median).toBe(1_664);
    expect(sizes.filter((size) => size < 1_000)).toHaveLength(73);
    // The ten largest hold over 40% of the homes; the smaller half of the members under a tenth.
    expect(sizes.slice(0, 10).reduce((sum, s) => sum + s, 0)).toBeGreaterThan(400_000);
    expect(sizes.slice(100).reduce((sum, s) => sum + s, 0)).toBeLessThan(100_000);
  });

  it('refuses a split it cannot make', () => {
    expect(() => longTailSizes(2, 3)).toThrow('at least one home per member');
    expect(() => longTailSizes(10, 0)).toThrow('at least 1');
  });
});

describe('inverseNormal', () => {
  it('is the standard normal quantile', () => {
    expect(inverseNormal(0.5)).toBeCloseTo(0, 9);
    expect(inverseNormal(0.975)).toBeCloseTo(1.959964, 5);
    expect(inverseNormal(0.001)).toBeCloseTo(-3.090232, 5);
  });
});
