import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  ApiErrorComponent,
  FORMAT_PIPES,
  LanguageService,
  LocaleFormat,
  PageComponent,
  PagerComponent,
  SessionStore,
  translate,
  type DwellingsFilter,
  type Occupancy,
  type TenureType,
} from '@hearth/console-core';
import { REGISTER_LABELS } from '../shared/labels.text';
import { tenantNames } from '../shared/register.format';
import { DWELLINGS_TEXT } from './dwellings.text';
import { DwellingsStore } from './dwellings.store';

const OCCUPANCIES: readonly Occupancy[] = ['OCCUPIED', 'VOID'];

/**
 * The dwelling register. The filters live in the address (`?postcode=MB1&occupancy=VOID`), so a
 * filtered list can be bookmarked or sent to a colleague, and Back undoes a filter.
 */
@Component({
  selector: 'hearth-register-dwellings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorComponent, FORMAT_PIPES, MatButton, MatError, MatFormField, MatInput, MatLabel, MatOption, MatProgressBar, MatSelect, PageComponent,
    PagerComponent, ReactiveFormsModule, RouterLink,
  ],
  providers: [DwellingsStore],
  templateUrl: './dwellings.component.html',
  styleUrl: './dwellings.component.scss',
})
export class DwellingsComponent {
  /** From the query string. */
  readonly search = input<string>();
  readonly postcode = input<string>();
  readonly patch = input<string>();
  readonly tenure = input<string>();
  readonly occupancy = input<string>();

  protected readonly store = inject(DwellingsStore);
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService).language;
  private readonly format = inject(LocaleFormat);
  protected readonly t = translate(DWELLINGS_TEXT);
  protected readonly labels = translate(REGISTER_LABELS);
  protected readonly occupancies = OCCUPANCIES;
  protected readonly tenantNames = tenantNames;

  protected readonly form = new FormGroup({
    search: new FormControl('', { nonNullable: true }),
    postcode: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(8)] }),
    patch: new FormControl('', { nonNullable: true }),
    tenure: new FormControl<TenureType | null>(null),
    occupancy: new FormControl<Occupancy | null>(null),
  });

  /** The API's labels are English; Welsh readers get ours. */
  protected readonly tenureOptions = computed(() =>
    this.store.tenures().map((option) => ({
      value: option.tenureType,
      label: this.language() === 'cy' ? this.labels().tenures[option.tenureType] : option.label,
    })),
  );

  protected readonly filter = computed<DwellingsFilter>(() => {
    const tenure = this.tenure() as TenureType | undefined;
    const occupancy = (OCCUPANCIES as readonly string[]).includes(this.occupancy() ?? '') ? (this.occupancy() as Occupancy) : undefined;
    return {
      search: this.search()?.trim() || undefined,
      postcode: this.postcode()?.trim() || undefined,
      patch: this.patch()?.trim() || undefined,
      tenureType: tenure || undefined,
      occupancy,
    };
  });

  protected readonly caption = computed(() => this.t().caption(this.format.number(this.store.list.totalCount())));

  constructor() {
    void this.store.loadTenures();
    effect(() => {
      const filter = this.filter();
      untracked(() => {
        this.form.setValue({
          search: filter.search ?? '',
          postcode: filter.postcode ?? '',
          patch: filter.patch ?? '',
          tenure: filter.tenureType ?? null,
          occupancy: filter.occupancy ?? null,
        });
        void this.store.show(filter);
      });
    });
  }

  protected apply(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const value = this.form.getRawValue();
    void this.router.navigate([], {
      queryParams: {
        search: value.search.trim() || null,
        postcode: value.postcode.trim() || null,
        patch: value.patch.trim() || null,
        tenure: value.tenure,
        occupancy: value.occupancy,
      },
    });
  }

  protected clear(): void {
    void this.router.navigate([], { queryParams: {} });
  }
}
