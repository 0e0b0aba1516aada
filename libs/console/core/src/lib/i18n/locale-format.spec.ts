import { TestBed } from '@angular/core/testing';
import { LanguageService } from './language.service';
import { LocaleFormat } from './locale-format';

describe('LocaleFormat', () => {
  beforeEach(() => localStorage.clear());

  const format = () => TestBed.inject(LocaleFormat);

  it('shows pence as pounds, and dates in British order', () => {
    expect(format().money(123456)).toBe('£1,234.56');
    expect(format().money(-500)).toBe('-£5.00');
    expect(format().date('2026-04-06')).toBe('6 Apr 2026');
    expect(format().number(1234567)).toBe('1,234,567');
    expect(format().dayMonth('2026-04-06')).toBe('6 Apr');
    expect(format().month('2026-04')).toBe('Apr 2026');
  });

  it('keeps a calendar day whatever the time zone, and shows moments in UK time', () => {
    // 23:30 UTC on 31 October is still 31 October in London (GMT); in summer it is the next day.
    expect(format().dateTime('2026-10-31T23:30:00Z')).toContain('31 Oct 2026');
    expect(format().dateTime('2026-07-31T23:30:00Z')).toContain('1 Aug 2026');
    expect(format().date('2026-07-31')).toBe('31 Jul 2026');
  });

  it('formats in Welsh when the console is in Cymraeg', () => {
    TestBed.inject(LanguageService).use('cy');
    expect(format().locale()).toBe('cy-GB');
    expect(format().date('2026-04-06')).toBe('6 Ebr 2026');
    expect(format().date('2026-02-28')).toBe('28 Chwef 2026');
    // The month of the moment in UK time: 23:30 UTC on 31 July is 1 August in London.
    expect(format().dateTime('2026-07-31T23:30:00Z')).toBe('1 Awst 2026, 00:30');
    expect(format().dayMonth('2026-04-06')).toBe('6 Ebr');
    expect(format().month('2026-09')).toBe('Medi 2026');
    expect(format().money(123456)).toBe('£1,234.56');
  });

  it('shows nothing for a missing value', () => {
    expect(format().money(null)).toBe('');
    expect(format().date(null)).toBe('');
    expect(format().percent(undefined)).toBe('');
  });
});
