import type { Country } from '@hearth/platform-database';
import type { LetterLanguage } from '../rent.entities';

/** What a letter template may say between double braces: `{{name}}`, `{{balance}}`... */
export interface LetterValues {
  /** The contract-holder (the tenancy's first tenant) as addressed. */
  name: string;
  /** The arrears when the stage was entered, as `£1,234.56`. */
  balance: string;
  paymentReference: string;
  /** The member's name, in Welsh for a Welsh letter when the member has one. */
  memberName: string;
  /** "tenancy", or "occupation contract" for a Welsh member (Renting Homes (Wales) Act 2016), in the letter's language. */
  tenancyWord: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Fills a template's placeholders; one it does not know is left as written, so a typo shows in the letter rather than vanishing. */
export function fillPlaceholders(text: string, values: LetterValues): string {
  return text.replace(PLACEHOLDER, (whole, key: string) => (Object.hasOwn(values, key) ? values[key as keyof LetterValues] : whole));
}

const TENANCY_WORDS: Record<'wales' | 'elsewhere', Record<LetterLanguage, string>> = {
  wales: { en: 'occupation contract', cy: 'contract meddiannaeth' },
  elsewhere: { en: 'tenancy', cy: 'tenantiaeth' },
};

export function tenancyWord(country: Country, language: LetterLanguage): string {
  return TENANCY_WORDS[country === 'wales' ? 'wales' : 'elsewhere'][language];
}
