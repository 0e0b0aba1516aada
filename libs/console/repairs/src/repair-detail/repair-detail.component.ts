import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, apiProblem, FORMAT_PIPES, PageComponent, placeProblems, type Trade, translate } from '@hearth/console-core';
import { REPAIRS_TEXT } from '../repairs.text';
import { BadgeComponent } from '../shared/badge/badge.component';
import { priorityName, repairStatusTone } from '../shared/repair-view';
import { TRADES } from '../shared/trades';
import { WorkOrderPanelComponent } from './work-order-panel/work-order-panel.component';
import { RepairDetailStore, type RepairChange } from './repair-detail.store';

/** A repair: what was reported, its triage, its work orders with their moves and history, and cancelling it. */
@Component({
  selector: 'hearth-repair-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorComponent, BadgeComponent, FORMAT_PIPES, MatButton, MatError, MatFormField, MatInput, MatLabel, MatOption, MatProgressBar, MatSelect,
    PageComponent, ReactiveFormsModule, RouterLink, WorkOrderPanelComponent,
  ],
  providers: [RepairDetailStore],
  templateUrl: './repair-detail.component.html',
  styleUrl: './repair-detail.component.scss',
})
export class RepairDetailComponent {
  readonly id = input.required<string>();

  protected readonly store = inject(RepairDetailStore);
  protected readonly t = translate(REPAIRS_TEXT);
  protected readonly apiProblem = apiProblem;
  protected readonly trades = TRADES;
  protected readonly statusTone = repairStatusTone;
  protected readonly cancelling = signal(false);
  protected readonly message = signal<string | null>(null);

  protected readonly triageForm = new FormGroup({
    priority: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    trade: new FormControl<Trade | null>(null, { validators: [Validators.required] }),
  });
  protected readonly cancelForm = new FormGroup({
    reason: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.load(id));
    });
  }

  protected priorityName(code: string | null): string {
    return priorityName(this.store.priorities(), code);
  }

  protected async triage(): Promise<void> {
    if (this.triageForm.invalid) {
      this.triageForm.markAllAsTouched();
      return;
    }
    const { priority, trade } = this.triageForm.getRawValue();
    this.show(await this.store.triage(priority, trade as Trade), this.triageForm);
  }

  protected async cancel(): Promise<void> {
    if (this.cancelForm.invalid) {
      this.cancelForm.markAllAsTouched();
      return;
    }
    const outcome = await this.store.cancel(this.cancelForm.controls.reason.value.trim());
    this.show(outcome, this.cancelForm);
    if (outcome?.kind === 'done') this.cancelling.set(false);
  }

  /** A refused change: each problem at its field when the form has it, the rest above the button. */
  private show(outcome: RepairChange | null, form: FormGroup): void {
    this.message.set(null);
    if (outcome?.kind !== 'problems') return;
    const unplaced = placeProblems(outcome.fields, (field) => (field === 'repairId' ? null : form.get(field === 'id' ? 'reason' : field)));
    if (unplaced.length || !outcome.fields.length) this.message.set(unplaced.length ? unplaced.join(' ') : outcome.message);
  }
}
