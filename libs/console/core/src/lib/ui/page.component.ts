import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A console page's frame: its one h1, an optional line under it, and the page's actions on the
 * right. Every screen uses it, so headings and spacing are the same everywhere.
 */
@Component({
  selector: 'hearth-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div>
        <h1>{{ heading() }}</h1>
        @if (intro()) {
          <p class="intro">{{ intro() }}</p>
        }
      </div>
      <div class="actions"><ng-content select="[pageActions]" /></div>
    </header>
    <ng-content />
  `,
  styles: `
    :host {
      display: block;
    }
    .page-header {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: flex-start;
      justify-content: space-between;
      margin-bottom: 1.5rem;
    }
    h1 {
      margin: 0;
      font: var(--mat-sys-headline-medium);
    }
    .intro {
      margin: 0.25rem 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      gap: 0.5rem;
    }
  `,
})
export class PageComponent {
  readonly heading = input.required<string>();
  readonly intro = input<string | null>(null);
}
