const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/**
 * Pence as UK letters and statements write pounds: `£1,234.56`, and `-£12.00` for a credit.
 * Welsh writes the same figures, so one format serves both languages.
 */
export function formatPounds(pence: number): string {
  return POUNDS.format(pence / 100);
}
