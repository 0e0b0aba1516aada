import { computed, inject, type Signal } from '@angular/core';
import type { Language } from './dictionaries';
import { LanguageService } from './language.service';

/** A feature library's words in both languages. */
export type Translations<T> = Readonly<Record<Language, T>>;

/**
 * Declares a feature's words: `cy` is typed by `en`, so a string added in English and forgotten
 * in Welsh fails the build.
 */
export function defineTranslations<T>(en: T, cy: NoInfer<T>): Translations<T> {
  return { en, cy };
}

/** The words in the reader's language, as a signal templates read (`t().title`); call in an injection context. */
export function translate<T>(translations: Translations<T>): Signal<T> {
  const language = inject(LanguageService).language;
  return computed(() => translations[language()]);
}
