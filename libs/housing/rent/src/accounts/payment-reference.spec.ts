import { generatePaymentReference, hasValidCheckDigit, luhnCheckDigit, normalisePaymentReference, PAYMENT_REFERENCE } from './payment-reference';

describe('payment references', () => {
  it('are generated as R, seven digits and a Luhn check digit, and fit the account table\'s check', () => {
    expect(generatePaymentReference(() => 1234567)).toBe('R12345674');
    expect(generatePaymentReference(() => 42)).toBe('R00000422');
    for (let i = 0; i < 100; i++) {
      const reference = generatePaymentReference();
      expect(reference).toMatch(/^R\d{8}$/);
      expect(reference).toMatch(PAYMENT_REFERENCE);
      expect(hasValidCheckDigit(reference)).toBe(true);
    }
  });

  it('catch a mistyped digit and swapped neighbours by their check digit', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(hasValidCheckDigit('R12345674')).toBe(true);
    expect(hasValidCheckDigit('R12345684')).toBe(false);
    expect(hasValidCheckDigit('R21345674')).toBe(false);
  });

  it('are kept upper case without spaces, as payments are matched', () => {
    expect(normalisePaymentReference(' r1234 5674 ')).toBe('R12345674');
    expect(normalisePaymentReference('ab-12/3')).toBe('AB-12/3');
  });
});
