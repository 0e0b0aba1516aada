/**
 * How many homes each member holds. The sector is long-tailed: of about 1,700 housing
 * associations most hold under 1,000 homes and the largest over 100,000. Sizes here are the
 * quantiles of a log-normal distribution with spread SIZE_SIGMA, scaled to the requested
 * total: no randomness, so the shape is the same for every seed and exactly sums to the total.
 *
 * With SIZE_SIGMA = 1.5 and 1,000,000 homes across 200 members, sizes run from 26 to 113,127
 * homes: the median member holds 1,664, 73 members hold under 1,000, and three hold over 45,000
 * (113,127, 64,491 and 48,428).
 */
const SIZE_SIGMA = 1.5;

/** Member sizes, largest first, summing to `total`; every member has at least one home. */
export function longTailSizes(total: number, count: number, sigma = SIZE_SIGMA): number[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`The number of members must be a whole number of at least 1 (got ${count})`);
  if (!Number.isInteger(total) || total < count) throw new RangeError(`There must be at least one home per member (${count} members, ${total} homes)`);
  const weights = Array.from({ length: count }, (_, i) => Math.exp(sigma * inverseNormal(1 - (i + 0.5) / count)));
  const scale = (total - count) / weights.reduce((sum, w) => sum + w, 0);
  // One home each, then the rest by weight; whole homes by the largest-remainder method.
  const shares = weights.map((w) => w * scale);
  const sizes = shares.map((share) => 1 + Math.floor(share));
  let left = total - sizes.reduce((sum, size) => sum + size, 0);
  const byRemainder = shares.map((share, i) => [share - Math.floor(share), i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    sizes[i] += 1;
  }
  return sizes;
}

/**
 * The standard normal quantile function (Acklam's rational approximation, relative error
 * under 1.2e-9), enough for shaping a distribution.
 */
export function inverseNormal(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`A probability strictly between 0 and 1 is needed (got ${p})`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - low) return -inverseNormal(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
