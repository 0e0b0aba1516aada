import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { LanguageService, LocaleFormat, translate } from '@hearth/console-core';
import { SHARED_CONFIGURATIONS_TEXT } from '../shared-configurations.text';
import { targetText, type LetterContent, type PrioritiesContent, type SorLine, type StagePlanContent } from '../shared/configuration-view';

/**
 * A piece of configuration as a person reads it, by its kind: a priorities table, a table of SOR
 * codes, a letter in both languages, a stage plan's steps. A kind the console does not know is
 * shown as its JSON.
 */
@Component({
  selector: 'hearth-configuration-content',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './configuration-content.component.html',
  styleUrl: './configuration-content.component.scss',
})
export class ConfigurationContentComponent {
  readonly kind = input.required<string>();
  readonly content = input.required<Record<string, unknown>>();
  /** The level of the headings inside it, under the section that shows it. */
  readonly level = input(3);

  protected readonly t = translate(SHARED_CONFIGURATIONS_TEXT);
  protected readonly format = inject(LocaleFormat);
  /** The reader's language, for the words around a letter quoted in another. */
  protected readonly ui = inject(LanguageService).language;
  protected readonly target = (target: PrioritiesContent['priorities'][number]['target']) => targetText(this.t(), target);

  protected readonly priorities = computed(() => (this.kind() === 'repair-priorities' ? (this.content() as unknown as PrioritiesContent) : null));
  protected readonly sor = computed(() => (this.kind() === 'sor-set' ? (this.content() as unknown as { codes: SorLine[] }).codes : null));
  protected readonly letter = computed(() => (this.kind() === 'letter-template' ? (this.content() as unknown as LetterContent) : null));
  protected readonly plan = computed(() => (this.kind() === 'arrears-stage-plan' ? (this.content() as unknown as StagePlanContent) : null));
  protected readonly planLetters = computed(() => Object.entries(this.plan()?.letterTemplates ?? {}).map(([code, letter]) => ({ code, ...letter })));
  protected readonly json = computed(() => JSON.stringify(this.content(), null, 2));

  protected trade(code: string): string {
    return this.t().trades[code] ?? code.replace(/_/g, ' ');
  }

  protected weeks(weeks: number): string {
    return this.format.number(weeks);
  }
}
