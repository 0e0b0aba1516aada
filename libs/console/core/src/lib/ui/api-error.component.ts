import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { ApiError } from '../api/api-error';
import { LanguageService } from '../i18n/language.service';

/** One API failure in the reader's language; codes the console does not know keep the server's own words. */
@Component({
  selector: 'hearth-api-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="api-error" role="alert">
      {{ message() }}
      @if (!error().explained) {
        <span class="detail">({{ error().code }}: {{ error().message }})</span>
      }
      <ng-content />
    </p>
  `,
  styles: `
    .api-error {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-left: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .detail {
      display: block;
      font: var(--mat-sys-body-small);
    }
  `,
})
export class ApiErrorComponent {
  readonly error = input.required<ApiError>();
  private readonly t = inject(LanguageService).t;

  protected readonly message = computed(() => {
    const code = this.error().explained;
    return code ? this.t().errors[code] : this.t().errors.UNKNOWN;
  });
}
