import { ChangeDetectionStrategy, Component, computed, inject, type OnInit } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { AuthService } from '../auth/auth.service';
import { LANGUAGES } from '../i18n/dictionaries';
import { LanguageService } from '../i18n/language.service';
import { ApiErrorComponent } from './api-error.component';
import { ShellStore } from './shell.store';

/** The value the acting-for select uses for "no member"; a select option cannot carry null through the DOM. */
const CONSORTIUM_VIEW = '';

@Component({
  selector: 'hearth-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [ShellStore],
  imports: [
    ApiErrorComponent,
    MatButton,
    MatCard,
    MatCardContent,
    MatCardHeader,
    MatCardTitle,
    MatFormField,
    MatHint,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
})
export class ShellComponent implements OnInit {
  protected readonly store = inject(ShellStore);
  private readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  protected readonly t = this.language.t;
  protected readonly consortiumView = CONSORTIUM_VIEW;

  /** Members with a Welsh name are named in Welsh when the shell is. */
  protected readonly memberName = computed(() => {
    const member = this.store.me()?.member;
    if (!member) return null;
    return (this.language.language() === 'cy' && member.nameCy) || member.name;
  });

  protected readonly memberLanguages = computed(() =>
    (this.store.me()?.member?.languages ?? [])
      .map((code) => LANGUAGES.find((language) => language.code === code)?.name ?? code)
      .join(', '),
  );

  ngOnInit(): Promise<void> {
    return this.store.load();
  }

  protected actFor(slug: string): Promise<void> {
    return this.store.actFor(slug === CONSORTIUM_VIEW ? null : slug);
  }

  protected signInAgain(): Promise<void> {
    return this.auth.signIn();
  }
}
