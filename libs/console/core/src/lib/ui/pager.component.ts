import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { DICTIONARIES } from '../i18n/dictionaries';
import { LanguageService } from '../i18n/language.service';
import { LocaleFormat } from '../i18n/locale-format';

/**
 * Relay pages, forwards and back: remembers the cursor each page started after, since the API
 * pages forwards only. A list keeps one and passes `after` to its query.
 */
export class CursorPages {
  private readonly starts: (string | null)[] = [null];

  /** The cursor the current page starts after (null for the first page). */
  get after(): string | null {
    return this.starts[this.starts.length - 1];
  }

  /** The 0-based number of the current page. */
  get index(): number {
    return this.starts.length - 1;
  }

  next(endCursor: string): void {
    this.starts.push(endCursor);
  }

  previous(): void {
    if (this.starts.length > 1) this.starts.pop();
  }

  reset(): void {
    this.starts.length = 1;
  }
}

/** "1–50 of 1,234" with previous and next buttons, for a list that pages on the server. */
@Component({
  selector: 'hearth-pager',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton],
  template: `
    <nav class="pager" [attr.aria-label]="label()">
      <span class="range" aria-live="polite">{{ range() }}</span>
      <button mat-stroked-button type="button" [disabled]="page() === 0" (click)="previous.emit()">{{ t().previousPage }}</button>
      <button mat-stroked-button type="button" [disabled]="!hasNext()" (click)="next.emit()">{{ t().nextPage }}</button>
    </nav>
  `,
  styles: `
    .pager {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      justify-content: flex-end;
      margin-top: 1rem;
    }
    .range {
      margin-right: auto;
    }
  `,
})
export class PagerComponent {
  /** The 0-based page shown. */
  readonly page = input.required<number>();
  readonly pageSize = input.required<number>();
  /** Rows on this page. */
  readonly count = input.required<number>();
  readonly totalCount = input.required<number>();
  readonly hasNext = input.required<boolean>();
  /** What the list is, for the navigation landmark's name (e.g. "Dwellings pages"). */
  readonly label = input.required<string>();
  readonly previous = output<void>();
  readonly next = output<void>();

  private readonly language = inject(LanguageService).language;
  private readonly format = inject(LocaleFormat);
  protected readonly t = computed(() => DICTIONARIES[this.language()]);

  protected readonly range = computed(() => {
    if (this.count() === 0) return this.t().noResults;
    const from = this.page() * this.pageSize() + 1;
    return this.t().pageRange(from, from + this.count() - 1, this.format.number(this.totalCount()));
  });
}
