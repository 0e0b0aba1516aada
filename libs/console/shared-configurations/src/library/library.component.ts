import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { ApiErrorComponent, FORMAT_PIPES, LanguageService, PageComponent, PagerComponent, SessionStore, translate } from '@hearth/console-core';
import { SHARED_CONFIGURATIONS_TEXT } from '../shared-configurations.text';
import { kindName, memberName } from '../shared/configuration-view';
import { LibraryStore, type LibraryRow } from './library.store';

/** Who may publish, as the API's permissions say. */
export const PUBLISHING_ROLE = 'tenant-admin';

/**
 * The shared library: every member's published configuration at its newest version, newest
 * first, filtered by kind, words and publisher. The filters live in the address, so a filtered
 * library can be shared.
 */
@Component({
  selector: 'hearth-shared-configuration-library',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, FORMAT_PIPES, MatButton, MatFormField, MatInput, MatLabel, MatOption, MatProgressBar, MatSelect, PageComponent, PagerComponent, RouterLink],
  providers: [LibraryStore],
  templateUrl: './library.component.html',
  styleUrl: './library.component.scss',
})
export class LibraryComponent {
  /** From the query string: `?kind=sor-set&q=damp&publisher=<member id>`. */
  readonly kind = input<string | undefined>();
  readonly q = input<string | undefined>();
  readonly publisher = input<string | undefined>();

  protected readonly store = inject(LibraryStore);
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService).language;
  protected readonly t = translate(SHARED_CONFIGURATIONS_TEXT);

  protected readonly canPublish = computed(() => this.session.hasRole(PUBLISHING_ROLE));
  protected readonly ourId = computed(() => this.session.member()?.id ?? null);
  protected readonly publisherChoice = computed(() => {
    const publisher = this.publisher() || null;
    return publisher === null ? null : publisher === this.ourId() ? 'ours' : publisher;
  });
  /** A publisher chosen by following its name in the list (not ours): offered in the filter so it can be seen and cleared. */
  protected readonly otherPublisher = computed(() => {
    const choice = this.publisherChoice();
    if (!choice || choice === 'ours') return null;
    const row = this.store.list.rows().find((r) => r.publisher.id === choice);
    return { id: choice, name: row ? this.publisherName(row) : '…' };
  });

  constructor() {
    void this.store.loadKinds();
    effect(() => {
      const filter = { kind: this.kind() || null, search: this.q()?.trim() || null, publisherId: this.publisher() || null };
      untracked(() => void this.store.show(filter));
    });
  }

  protected kindName(key: string, fallback?: string): string {
    return kindName(this.t(), key, fallback);
  }

  protected publisherName(row: LibraryRow): string {
    return memberName(row.publisher, this.language());
  }

  protected filterBy(change: { kind?: string | null; q?: string | null; publisher?: string | null }): void {
    const publisher = change.publisher === 'ours' ? this.ourId() : change.publisher;
    void this.router.navigate([], { queryParams: { ...change, ...('publisher' in change ? { publisher } : {}) }, queryParamsHandling: 'merge' });
  }

  protected search(value: string): void {
    this.filterBy({ q: value.trim() || null });
  }
}
