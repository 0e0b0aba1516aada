import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { AuthService, LanguageService } from '@hearth/console-core';

/** The issuer sends the browser here with a code; exchange it, then go where the user was going. */
@Component({
  selector: 'hearth-auth-callback',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatProgressBar],
  template: `
    @if (failure(); as reason) {
      <h1>{{ t().signInFailed }}</h1>
      <p role="alert">{{ reason }}</p>
      <button mat-flat-button type="button" (click)="retry()">{{ t().tryAgain }}</button>
    } @else {
      <h1>{{ t().signingIn }}</h1>
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="t().signingIn" />
    }
  `,
})
export class AuthCallbackComponent implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly t = inject(LanguageService).t;
  protected readonly failure = signal<string | null>(null);

  async ngOnInit(): Promise<void> {
    try {
      await this.router.navigateByUrl(await this.auth.completeSignIn(), { replaceUrl: true });
    } catch (error) {
      this.failure.set(error instanceof Error ? error.message : String(error));
    }
  }

  protected retry(): Promise<void> {
    return this.auth.signIn();
  }
}
