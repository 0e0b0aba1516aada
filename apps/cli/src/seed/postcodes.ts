/**
 * Postcodes in Royal Mail's format: an outward code (area letters and a district number) and
 * an inward code (a sector digit and two unit letters). Every one the generator writes passes
 * `hearth.normalise_postcode`, the rule the asset table's CHECK enforces.
 */

/** The letters a unit may use: never C, I, K, M, O or V. */
const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
/** Two letters from twenty: the units one sector can hold. */
export const UNITS_PER_SECTOR = UNIT_LETTERS.length ** 2;
/** Homes that share one postcode before the next unit starts (a real unit holds about 15 addresses). */
export const HOMES_PER_UNIT = 12;

export function postcode(outward: string, sector: number, unit: number): string {
  const u = ((unit % UNITS_PER_SECTOR) + UNITS_PER_SECTOR) % UNITS_PER_SECTOR;
  return `${outward} ${sector}${UNIT_LETTERS[Math.floor(u / UNIT_LETTERS.length)]}${UNIT_LETTERS[u % UNIT_LETTERS.length]}`;
}

/** The same postcode in SQL; `unit` is an integer expression. */
export function sqlPostcode(outward: string, sector: string, unit: string): string {
  const u = `((${unit}) % ${UNITS_PER_SECTOR})`;
  const letters = `'${UNIT_LETTERS}'`;
  return `${outward} || ' ' || ${sector} || substr(${letters}, ${u} / ${UNIT_LETTERS.length} + 1, 1) || substr(${letters}, ${u} % ${UNIT_LETTERS.length} + 1, 1)`;
}
