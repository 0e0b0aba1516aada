import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardActions, MatCardContent } from '@angular/material/card';
import { AuthService, LanguageService } from '@hearth/console-core';

@Component({
  selector: 'hearth-sign-in',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatCard, MatCardContent, MatCardActions],
  template: `
    <mat-card appearance="outlined" class="sign-in">
      <mat-card-content>
        <h1>{{ t().signInHeading }}</h1>
        <p>{{ t().signInIntro }}</p>
      </mat-card-content>
      <mat-card-actions>
        <button mat-flat-button type="button" (click)="signIn()">{{ t().signIn }}</button>
      </mat-card-actions>
    </mat-card>
  `,
  styles: `
    .sign-in {
      max-width: 32rem;
      margin: 3rem auto;
      padding: 1rem;
    }
  `,
})
export class SignInComponent {
  private readonly auth = inject(AuthService);
  protected readonly t = inject(LanguageService).t;

  protected signIn(): Promise<void> {
    return this.auth.signIn();
  }
}
