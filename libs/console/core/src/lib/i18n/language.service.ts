import { DOCUMENT } from '@angular/common';
import { computed, effect, inject, Injectable, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { DICTIONARIES, LANGUAGES, type Language } from './dictionaries';

const STORAGE_KEY = 'hearth.language';

/** The shell's language: remembered per browser, and mirrored on `<html lang>` so screen readers pronounce it right. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly document = inject(DOCUMENT);
  private readonly title = inject(Title);

  readonly language = signal<Language>(this.storedLanguage());
  /** The current dictionary: templates read `t().signIn`. */
  readonly t = computed(() => DICTIONARIES[this.language()]);

  constructor() {
    effect(() => {
      const language = this.language();
      this.document.documentElement.lang = language;
      this.title.setTitle(this.t().appName);
      this.document.defaultView?.localStorage.setItem(STORAGE_KEY, language);
    });
  }

  use(language: Language): void {
    this.language.set(language);
  }

  private storedLanguage(): Language {
    const stored = this.document.defaultView?.localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.some(({ code }) => code === stored) ? (stored as Language) : 'en';
  }
}
