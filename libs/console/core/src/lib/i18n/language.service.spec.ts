import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { DICTIONARIES } from './dictionaries';
import { LanguageService } from './language.service';

describe('LanguageService', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = 'en';
  });

  it('starts in English and marks the page as English', () => {
    const language = TestBed.inject(LanguageService);
    TestBed.tick();

    expect(language.t().signIn).toBe('Sign in');
    expect(document.documentElement.lang).toBe('en');
    expect(TestBed.inject(Title).getTitle()).toBe('Hearth console');
  });

  it('switches to Cymraeg: words, <html lang>, title, and the choice remembered', () => {
    const language = TestBed.inject(LanguageService);

    language.use('cy');
    TestBed.tick();

    expect(language.t().signIn).toBe('Mewngofnodi');
    expect(document.documentElement.lang).toBe('cy');
    expect(TestBed.inject(Title).getTitle()).toBe('Consol Hearth');
    expect(localStorage.getItem('hearth.language')).toBe('cy');
  });

  it('comes back in the remembered language, and ignores one it does not know', () => {
    localStorage.setItem('hearth.language', 'cy');
    expect(TestBed.inject(LanguageService).language()).toBe('cy');

    TestBed.resetTestingModule();
    localStorage.setItem('hearth.language', 'fr');
    expect(TestBed.inject(LanguageService).language()).toBe('en');
  });

  it('has every Welsh string filled in', () => {
    const blanks = (dictionary: object, prefix = ''): string[] =>
      Object.entries(dictionary).flatMap(([key, value]) =>
        typeof value === 'object' ? blanks(value, `${prefix}${key}.`) : typeof value !== 'string' || value.trim() ? [] : [`${prefix}${key}`],
      );

    expect(blanks(DICTIONARIES.cy)).toEqual([]);
  });
});
