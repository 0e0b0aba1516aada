import { allowedTenures, tenureJudgedOn, terminologyFor, WALES_OCCUPATION_CONTRACTS_FROM } from './tenure-rules';
import { addDays, isCalendarDate, ukToday } from './uk-date';

describe('tenures by country', () => {
  it('gives Welsh tenancies running since 1 December 2022 occupation contracts, not tenancies', () => {
    expect(allowedTenures('wales', WALES_OCCUPATION_CONTRACTS_FROM)).toEqual(['secure_contract', 'standard_contract', 'leasehold', 'shared_ownership', 'temporary']);
    expect(allowedTenures('wales', '2022-11-30')).toContain('assured');
    expect(allowedTenures('wales', '2022-11-30')).not.toContain('secure_contract');
  });

  it('keeps the Scottish tenures to Scotland, and the 2001 Act to tenancies running from September 2002', () => {
    expect(allowedTenures('scotland', '2026-01-01')).toEqual(['scottish_secure', 'short_scottish_secure', 'shared_ownership', 'licence', 'temporary']);
    expect(allowedTenures('scotland', '2002-09-29')).toEqual(['secure', 'assured', 'shared_ownership', 'licence', 'temporary']);
    expect(allowedTenures('england', '2026-01-01')).not.toContain('scottish_secure');
  });

  it('gives Northern Ireland secure and introductory tenancies, not the assured family', () => {
    expect(allowedTenures('northern_ireland', '2026-01-01')).toEqual(expect.arrayContaining(['secure', 'introductory']));
    expect(allowedTenures('northern_ireland', '2026-01-01')).not.toContain('assured');
  });

  it('judges a running tenancy today, a future one on its start, an ended one on its last day', () => {
    expect(tenureJudgedOn('2010-01-01', null, '2026-11-23')).toBe('2026-11-23');
    expect(tenureJudgedOn('2027-01-01', null, '2026-11-23')).toBe('2027-01-01');
    expect(tenureJudgedOn('2010-01-01', '2020-06-30', '2026-11-23')).toBe('2020-06-30');
  });

  it("names tenancies in the member's country's words", () => {
    expect(terminologyFor('wales')).toEqual({ tenancy: 'occupation contract', tenancies: 'occupation contracts', tenant: 'contract-holder', tenants: 'contract-holders' });
    expect(terminologyFor('scotland').tenant).toBe('tenant');
  });
});

describe('calendar dates', () => {
  it('takes UK time: half past midnight in summer is already the next day', () => {
    expect(ukToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(ukToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('accepts real dates only', () => {
    expect(['2024-02-29', '1900-01-01'].every(isCalendarDate)).toBe(true);
    expect(['2023-02-29', '2024-13-01', '24-01-01', '2024-1-1', 20240101].some(isCalendarDate)).toBe(false);
  });

  it('adds days across months and years', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
