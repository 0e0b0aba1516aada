import { computed, inject, Injectable, Pipe, type PipeTransform } from '@angular/core';
import { LanguageService } from './language.service';

/** Dates are shown as the UK sees them, wherever the browser is. */
const TIME_ZONE = 'Europe/London';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

type DateInput = string | Date | null | undefined;

/**
 * Welsh month abbreviations (CLDR's). Dates in Welsh are assembled from the British format's
 * parts with these, rather than asked of Intl: browsers built with reduced ICU data (Debian's
 * Chromium among them) have no Welsh and would silently answer in American English.
 */
const WELSH_MONTHS = ['Ion', 'Chwef', 'Maw', 'Ebr', 'Mai', 'Meh', 'Gorff', 'Awst', 'Medi', 'Hyd', 'Tach', 'Rhag'];

/**
 * Dates, times, money and numbers in the reader's language (en-GB or cy-GB). Formatters are made
 * once per language, since Intl's constructors are the costly part.
 */
@Injectable({ providedIn: 'root' })
export class LocaleFormat {
  private readonly language = inject(LanguageService).language;
  readonly locale = computed(() => (this.language() === 'cy' ? 'cy-GB' : 'en-GB'));

  private readonly formatters = computed(() => {
    const welsh = this.language() === 'cy';
    // Numbers are written alike in both languages; British English is the fallback where Welsh data is missing.
    const locales = welsh ? ['cy-GB', 'en-GB'] : ['en-GB'];
    const dates = (options: Intl.DateTimeFormatOptions) => {
      const british = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', ...options });
      if (!welsh) return (date: Date) => british.format(date);
      return (date: Date) =>
        british
          .formatToParts(date)
          .map((part) => (part.type === 'month' ? WELSH_MONTHS[Number(monthOf(date, options.timeZone)) - 1] : part.value))
          .join('');
    };
    return {
      date: dates({ timeZone: TIME_ZONE }),
      // A calendar day (YYYY-MM-DD) has no time zone: formatting it at UTC midnight keeps the day.
      day: dates({ timeZone: 'UTC' }),
      dateTime: dates({ hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }),
      dayMonth: dates({ year: undefined, timeZone: 'UTC' }),
      month: dates({ day: undefined, timeZone: 'UTC' }),
      money: new Intl.NumberFormat(locales, { style: 'currency', currency: 'GBP' }),
      number: new Intl.NumberFormat(locales),
      percent: new Intl.NumberFormat(locales, { style: 'percent', maximumFractionDigits: 1 }),
    };
  });

  /** A day: "3 Apr 2026". Accepts an ISO timestamp or a calendar day. */
  date(value: DateInput): string {
    if (value === null || value === undefined || value === '') return '';
    if (typeof value === 'string' && DATE_ONLY.test(value)) return this.formatters().day(new Date(`${value}T00:00:00Z`));
    return this.formatters().date(new Date(value));
  }

  /** A calendar day (YYYY-MM-DD) without its year, for chart axes: "3 Apr". */
  dayMonth(day: string): string {
    return this.formatters().dayMonth(new Date(`${day}T00:00:00Z`));
  }

  /** A month (YYYY-MM): "Apr 2026". */
  month(month: string): string {
    return this.formatters().month(new Date(`${month}-01T00:00:00Z`));
  }

  /** A moment: "3 Apr 2026, 14:05". */
  dateTime(value: DateInput): string {
    if (value === null || value === undefined || value === '') return '';
    return this.formatters().dateTime(new Date(value));
  }

  /** Pence as pounds: 123456 → "£1,234.56". */
  money(pence: number | null | undefined): string {
    return pence === null || pence === undefined ? '' : this.formatters().money.format(pence / 100);
  }

  number(value: number | null | undefined): string {
    return value === null || value === undefined ? '' : this.formatters().number.format(value);
  }

  /** A fraction as a percentage: 0.125 → "12.5%". */
  percent(value: number | null | undefined): string {
    return value === null || value === undefined ? '' : this.formatters().percent.format(value);
  }
}

/** The month (1–12) of a moment in a time zone. */
function monthOf(date: Date, timeZone = TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'numeric', timeZone }).format(date);
}

// Impure, so a template shows the new language as soon as it is switched.
@Pipe({ name: 'hearthDate', pure: false })
export class HearthDatePipe implements PipeTransform {
  private readonly format = inject(LocaleFormat);
  transform(value: DateInput): string {
    return this.format.date(value);
  }
}

@Pipe({ name: 'hearthDateTime', pure: false })
export class HearthDateTimePipe implements PipeTransform {
  private readonly format = inject(LocaleFormat);
  transform(value: DateInput): string {
    return this.format.dateTime(value);
  }
}

@Pipe({ name: 'hearthMoney', pure: false })
export class HearthMoneyPipe implements PipeTransform {
  private readonly format = inject(LocaleFormat);
  transform(pence: number | null | undefined): string {
    return this.format.money(pence);
  }
}

@Pipe({ name: 'hearthNumber', pure: false })
export class HearthNumberPipe implements PipeTransform {
  private readonly format = inject(LocaleFormat);
  transform(value: number | null | undefined): string {
    return this.format.number(value);
  }
}

/** Every formatting pipe, for a component's imports. */
export const FORMAT_PIPES = [HearthDatePipe, HearthDateTimePipe, HearthMoneyPipe, HearthNumberPipe] as const;
