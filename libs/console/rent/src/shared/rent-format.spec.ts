import { addDays, parsePounds, tenantNames } from './rent-format';

describe('rent formats', () => {
  it('reads pounds as staff type them, in pence', () => {
    expect(parsePounds('15')).toBe(1500);
    expect(parsePounds('15.5')).toBe(1550);
    expect(parsePounds(' £1234.05 ')).toBe(123405);
    expect(parsePounds('15.555')).toBeNull();
    expect(parsePounds('-3')).toBeNull();
    expect(parsePounds('ten')).toBeNull();
    expect(parsePounds('')).toBeNull();
  });

  it('names the current tenants as addressed, leaving household members out', () => {
    const person = (title: string | null, givenName: string, familyName: string) => ({ title, givenName, familyName });
    expect(
      tenantNames([
        { role: 'TENANT', person: person('Mrs', 'Sian', 'Jones') },
        { role: 'HOUSEHOLD_MEMBER', person: person(null, 'Cai', 'Jones') },
        { role: 'TENANT', person: person(null, 'Owen', 'Jones') },
      ]),
    ).toBe('Mrs Sian Jones, Owen Jones');
    expect(tenantNames(null)).toBe('');
  });

  it('moves calendar days across month ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
