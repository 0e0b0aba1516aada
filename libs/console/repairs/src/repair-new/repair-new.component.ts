import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router } from '@angular/router';
import { ApiErrorComponent, apiProblem, PageComponent, placeProblems, type Trade, translate } from '@hearth/console-core';
import { REPAIRS_TEXT } from '../repairs.text';
import { TRADES } from '../shared/trades';
import { MIN_SEARCH_LENGTH, RepairNewStore } from './repair-new.store';

/** The report's fields by the names the API's problems use. */
const FIELDS = ['assetId', 'description', 'location', 'reporterName', 'reporterPhone'] as const;

/** Report a repair: find the home, say what is wrong, and triage it at once if the planner can. */
@Component({
  selector: 'hearth-repair-new',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorComponent, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, MatOption, MatProgressBar, MatRadioButton, MatRadioGroup,
    MatSelect, PageComponent, ReactiveFormsModule,
  ],
  providers: [RepairNewStore],
  templateUrl: './repair-new.component.html',
  styleUrl: './repair-new.component.scss',
})
export class RepairNewComponent {
  protected readonly store = inject(RepairNewStore);
  private readonly router = inject(Router);
  protected readonly t = translate(REPAIRS_TEXT);
  protected readonly apiProblem = apiProblem;
  protected readonly trades = TRADES;
  protected readonly message = signal<string | null>(null);

  protected readonly searchForm = new FormGroup({ text: new FormControl('', { nonNullable: true }) });
  protected readonly form = new FormGroup({
    assetId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    description: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(4000)] }),
    location: new FormControl('', { nonNullable: true }),
    reporterName: new FormControl('', { nonNullable: true }),
    reporterPhone: new FormControl('', { nonNullable: true }),
    priority: new FormControl<string | null>(null),
    trade: new FormControl<Trade | null>(null),
  });

  constructor() {
    void this.store.loadPriorities();
  }

  protected find(): void {
    const text = this.searchForm.controls.text.value;
    if (text.trim().length >= MIN_SEARCH_LENGTH) void this.store.search(text);
  }

  protected async submit(): Promise<void> {
    this.message.set(null);
    const { priority, trade } = this.form.controls;
    // Triage needs both; one without the other is a half-made choice to point out, not to drop.
    priority.setErrors(!priority.value && trade.value ? { required: true } : null);
    trade.setErrors(priority.value && !trade.value ? { required: true } : null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const outcome = await this.store.report(
      {
        assetId: value.assetId, description: value.description.trim(), location: value.location.trim() || undefined,
        reporterName: value.reporterName.trim() || undefined, reporterPhone: value.reporterPhone.trim() || undefined,
      },
      value.priority && value.trade ? { priority: value.priority, trade: value.trade } : null,
    );
    if (!outcome) return;
    if (outcome.kind === 'reported') {
      void this.router.navigate(['/repairs', outcome.id]);
      return;
    }
    const unplaced = placeProblems(outcome.fields, (field) => ((FIELDS as readonly string[]).includes(field) ? this.form.get(field) : null));
    if (unplaced.length || !outcome.fields.length) this.message.set(unplaced.length ? unplaced.join(' ') : outcome.message);
  }
}
