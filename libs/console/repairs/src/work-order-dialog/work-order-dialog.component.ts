import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { ApiErrorComponent, apiProblem, type AppointmentSlot, DICTIONARIES, LanguageService, placeProblems, translate } from '@hearth/console-core';
import type { RepairsWorkOrderCardFragment, RepairsWorkOrderDetailFragment } from '../graphql.generated';
import { REPAIRS_TEXT } from '../repairs.text';
import type { ActionChoice } from '../shared/work-order-actions';
import { IN_HOUSE, WorkOrderDialogStore, type ActionForm } from './work-order-dialog.store';

export interface WorkOrderDialogData {
  workOrder: RepairsWorkOrderCardFragment;
  choice: ActionChoice;
}

const SLOTS: AppointmentSlot[] = ['AM', 'PM', 'ALL_DAY', 'EVENING'];
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** Where the API's problem fields land in the form. */
const FIELD_OF: Record<string, keyof ActionForm> = {
  contractorId: 'assignTo', inHouse: 'assignTo', day: 'day', slot: 'slot', reason: 'reason', notes: 'notes', completedAt: 'at', at: 'at',
};

/**
 * One move of a work order: asks for what the move needs (who, when, why, what was done),
 * runs its mutation, and shows the API's problems next to their fields. Closes with the work
 * order as changed.
 */
@Component({
  selector: 'hearth-work-order-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorComponent, MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle, MatError, MatFormField, MatHint,
    MatInput, MatLabel, MatOption, MatProgressBar, MatSelect, ReactiveFormsModule,
  ],
  providers: [WorkOrderDialogStore],
  templateUrl: './work-order-dialog.component.html',
  styleUrl: './work-order-dialog.component.scss',
})
export class WorkOrderDialogComponent {
  protected readonly data = inject<WorkOrderDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<WorkOrderDialogComponent, RepairsWorkOrderDetailFragment>>(MatDialogRef);
  protected readonly store = inject(WorkOrderDialogStore);
  protected readonly t = translate(REPAIRS_TEXT);
  protected readonly apiProblem = apiProblem;
  private readonly language = inject(LanguageService).language;
  protected readonly common = computed(() => DICTIONARIES[this.language()]);
  protected readonly slots = SLOTS;
  protected readonly inHouse = IN_HOUSE;
  protected readonly today = TODAY.format(new Date());
  protected readonly action = this.data.choice.action;
  protected readonly message = signal<string | null>(null);

  protected readonly form = new FormGroup({
    assignTo: new FormControl('', { nonNullable: true, validators: this.action === 'assign' ? [Validators.required] : [] }),
    day: new FormControl('', { nonNullable: true, validators: this.action === 'schedule' ? [Validators.required] : [] }),
    slot: new FormControl<AppointmentSlot>('AM', { nonNullable: true }),
    reason: new FormControl('', { nonNullable: true, validators: this.action === 'hold' || this.action === 'cancel' ? [Validators.required] : [] }),
    notes: new FormControl('', { nonNullable: true, validators: this.action === 'complete' ? [Validators.required] : [] }),
    at: new FormControl('', { nonNullable: true }),
  });

  protected readonly title = computed(() => {
    const words = this.t();
    const label = this.data.choice.rebook ? words.action.reschedule : words.action[this.action];
    return words.confirmAction(label, this.data.workOrder.number);
  });

  constructor() {
    if (this.action === 'assign') void this.store.loadContractors(this.data.workOrder.trade);
  }

  protected async submit(): Promise<void> {
    this.message.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const outcome = await this.store.run(this.action, this.data.workOrder.id, this.form.getRawValue());
    if (!outcome) return;
    if (outcome.kind === 'done') {
      this.ref.close(outcome.workOrder);
      return;
    }
    if (outcome.kind === 'refused') {
      const words = this.t();
      this.message.set(words.refused(words.workOrderStatus[outcome.to as keyof typeof words.workOrderStatus] ?? outcome.to,
        outcome.allowed.map((status) => words.workOrderStatus[status as keyof typeof words.workOrderStatus] ?? status).join(', ')));
      return;
    }
    const unplaced = placeProblems(outcome.fields, (field) => (FIELD_OF[field] ? this.form.controls[FIELD_OF[field]] : null));
    if (unplaced.length || !outcome.fields.length) this.message.set([...unplaced, ...(outcome.fields.length ? [] : [outcome.message])].join(' '));
  }
}
