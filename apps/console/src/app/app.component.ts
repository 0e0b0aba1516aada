import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatToolbar } from '@angular/material/toolbar';
import { RouterOutlet } from '@angular/router';
import { AuthService, LANGUAGES, LanguageService, type Language } from '@hearth/console-core';

@Component({
  selector: 'hearth-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatButtonToggle, MatButtonToggleGroup, MatToolbar, RouterOutlet],
  template: `
    <a class="skip-link" href="#main" (click)="skipToMain($event)">{{ t().skipToMain }}</a>
    <header>
      <mat-toolbar>
        <span class="brand">{{ t().appName }}</span>
        <span class="spacer"></span>
        <mat-button-toggle-group
          hideSingleSelectionIndicator
          [attr.aria-label]="t().language"
          [value]="language.language()"
          (change)="useLanguage($event.value)"
        >
          @for (option of languages; track option.code) {
            <mat-button-toggle [value]="option.code" [attr.lang]="option.code">{{ option.name }}</mat-button-toggle>
          }
        </mat-button-toggle-group>
        @if (auth.signedIn()) {
          <button mat-button type="button" (click)="signOut()">{{ t().signOut }}</button>
        }
      </mat-toolbar>
    </header>
    <main id="main" tabindex="-1">
      <router-outlet />
    </main>
  `,
  styles: `
    .skip-link {
      position: absolute;
      left: 1rem;
      top: -4rem;
      z-index: 10;
      padding: 0.5rem 1rem;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-primary);
    }
    .skip-link:focus {
      top: 1rem;
    }
    /* Through the toolbar's tokens, so the buttons on it take the same light-on-dark colours. */
    mat-toolbar {
      gap: 1rem;
      --mat-toolbar-container-background-color: var(--mat-sys-primary);
      --mat-toolbar-container-text-color: var(--mat-sys-on-primary);
    }
    /* Unselected toggles are transparent by default, which would put dark text on the dark toolbar. */
    mat-button-toggle-group {
      --mat-button-toggle-background-color: var(--mat-sys-surface);
    }
    .brand {
      font: var(--mat-sys-title-large);
    }
    .spacer {
      flex: 1;
    }
    main {
      max-width: 90rem;
      margin: 0 auto;
      padding: 2rem 1.5rem;
      outline: none;
    }
  `,
})
export class AppComponent {
  protected readonly auth = inject(AuthService);
  protected readonly language = inject(LanguageService);
  protected readonly t = this.language.t;
  protected readonly languages = LANGUAGES;
  private readonly document = inject(DOCUMENT);

  protected useLanguage(language: Language): void {
    this.language.use(language);
  }

  protected signOut(): Promise<void> {
    return this.auth.signOut();
  }

  /** The router owns the URL, so move focus to the content instead of letting the fragment change the route. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.document.getElementById('main')?.focus();
  }
}
