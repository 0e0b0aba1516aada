import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { ApiErrorComponent, LANGUAGES, LanguageService, PageComponent, SessionStore, translate } from '@hearth/console-core';
import { ClosureDaysComponent } from './closure-days/closure-days.component';
import { SETTINGS_TEXT } from './settings.text';

/** Closure days move every deadline of the member, so only its own administrators set them (as the API allows). */
const CLOSURE_DAY_ROLE = 'tenant-admin';

/** Who you are, the member you work for, its modules, your language, and (for its admins) its closure days. */
@Component({
  selector: 'hearth-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, ClosureDaysComponent, MatCard, MatCardContent, MatCardHeader, MatCardTitle, PageComponent],
  templateUrl: './settings.component.html',
  styleUrl: './settings.component.scss',
})
export class SettingsComponent {
  protected readonly session = inject(SessionStore);
  private readonly language = inject(LanguageService);
  protected readonly t = this.language.t;
  protected readonly text = translate(SETTINGS_TEXT);

  protected readonly languageName = computed(() => this.text().languageNames[this.language.language()]);
  protected readonly canManageClosureDays = computed(() => this.session.member() !== null && this.session.hasRole(CLOSURE_DAY_ROLE));

  protected readonly memberLanguages = computed(() =>
    (this.session.member()?.languages ?? [])
      .map((code) => LANGUAGES.find((language) => language.code === code)?.name ?? code)
      .join(', '),
  );
}
