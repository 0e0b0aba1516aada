import { randomInt } from 'node:crypto';

/** Payment references as rent_account's check allows them: what bank giro, allpay and UC carry reliably. */
export const PAYMENT_REFERENCE = /^[A-Z0-9][A-Z0-9/-]{2,29}$/;

/** A reference as accounts keep it and payments are matched: upper case, no spaces ("r1234 5678" is R12345678). */
export const normalisePaymentReference = (given: string) => given.replace(/\s+/g, '').toUpperCase();

/** The Luhn check digit of a string of digits: catches any one wrong digit and most swapped neighbours. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Doubling starts with the rightmost digit, which sits next to the check digit.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the reference's digits end in their Luhn check digit (R12345674, say). */
export const hasValidCheckDigit = (reference: string) => {
  const digits = reference.replace(/\D/g, '');
  return digits.length > 1 && luhnCheckDigit(digits.slice(0, -1)) === Number(digits.at(-1));
};

/**
 * A new reference for an account opened without one: R, seven random digits and a Luhn check
 * digit (R12345674). Random, not sequential, so concurrent openings rarely meet (a clash is
 * retried) and a reference says nothing about how many accounts a member has; the check digit
 * lets a payment file's mistyped reference fall into suspense rather than pay someone else.
 */
export function generatePaymentReference(random: (below: number) => number = randomInt): string {
  const body = String(random(10_000_000)).padStart(7, '0');
  return `R${body}${luhnCheckDigit(body)}`;
}
