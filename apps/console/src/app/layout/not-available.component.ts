import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { LanguageService, PageComponent } from '@hearth/console-core';

/** Where a guard sends a page the user's roles or the member's modules do not open. */
@Component({
  selector: 'hearth-not-available',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatAnchor, PageComponent, RouterLink],
  template: `
    <hearth-page [heading]="t().notAvailable" [intro]="t().notAvailableIntro">
      <a mat-flat-button routerLink="/">{{ t().backToDashboard }}</a>
    </hearth-page>
  `,
})
export class NotAvailableComponent {
  protected readonly t = inject(LanguageService).t;
}
