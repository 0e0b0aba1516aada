import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router } from '@angular/router';
import { ApiErrorComponent, PageComponent, PagerComponent, translate, type AssetKind } from '@hearth/console-core';
import { AssetTableComponent } from '../../shared/asset-table/asset-table.component';
import { REGISTER_LABELS } from '../../shared/labels.text';
import { ASSETS_TEXT } from '../assets.text';
import { AssetsStore, MIN_SEARCH_LENGTH } from './assets.store';

const KINDS: readonly AssetKind[] = ['ESTATE', 'BLOCK', 'DWELLING', 'COMMUNAL', 'GARAGE'];

/**
 * Search and browse the member's assets. What was searched for and the kind browsed are in the
 * address (`?q=…&kind=…`), so a search can be bookmarked and Back returns to it.
 */
@Component({
  selector: 'hearth-register-asset-search',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorComponent, AssetTableComponent, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, MatOption, MatProgressBar, MatSelect,
    PageComponent, PagerComponent, ReactiveFormsModule,
  ],
  providers: [AssetsStore],
  templateUrl: './asset-search.component.html',
  styleUrl: './asset-search.component.scss',
})
export class AssetSearchComponent {
  /** From the query string. */
  readonly q = input<string>();
  readonly kind = input<string>();

  protected readonly store = inject(AssetsStore);
  private readonly router = inject(Router);
  protected readonly t = translate(ASSETS_TEXT);
  protected readonly labels = translate(REGISTER_LABELS);
  protected readonly kinds = KINDS;
  protected readonly text = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(MIN_SEARCH_LENGTH)] });
  protected readonly searchForm = new FormGroup({ text: this.text });
  protected readonly browsing = computed<AssetKind>(() => (KINDS as readonly string[]).includes(this.kind() ?? '') ? (this.kind() as AssetKind) : 'ESTATE');
  protected readonly searched = computed(() => this.q()?.trim() ?? '');

  constructor() {
    effect(() => {
      const q = this.searched();
      untracked(() => {
        this.text.setValue(q);
        void this.store.search(q);
      });
    });
    effect(() => {
      const kind = this.browsing();
      untracked(() => void this.store.browseKind(kind));
    });
  }

  protected submit(): void {
    this.text.markAsTouched();
    if (this.text.invalid) return;
    void this.router.navigate([], { queryParams: { q: this.text.value.trim() }, queryParamsHandling: 'merge' });
  }

  protected browse(kind: AssetKind): void {
    void this.router.navigate([], { queryParams: { kind }, queryParamsHandling: 'merge' });
  }
}
