import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { ApiErrorComponent, apiProblem, DICTIONARIES, type HazardClockKind, LanguageService, placeProblems, translate } from '@hearth/console-core';
import type { HazardCaseFieldsFragment } from '../graphql.generated';
import { REPAIRS_TEXT } from '../repairs.text';
import { HazardDialogStore, type HazardAction, type HazardForm } from './hazard-dialog.store';

export interface HazardDialogData {
  hazard: HazardCaseFieldsFragment;
  action: HazardAction;
}

/** Where the API's problem fields land in the form. */
const FIELD_OF: Record<string, keyof HazardForm> = {
  investigatedAt: 'at', at: 'at', offeredAt: 'at', findings: 'findings', clock: 'clock', repairId: 'repairId', note: 'note', reason: 'reason',
};

/** Now, as a datetime-local input shows it in the browser's time: the usual answer to "when was it done". */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * One action on a hazard case (investigation, milestone, linking a repair, alternative
 * accommodation, closing): asks what it needs, runs its mutation, and shows the API's problems
 * at their fields. Closes with the case as changed.
 */
@Component({
  selector: 'hearth-hazard-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorComponent, MatButton, MatCheckbox, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle, MatError, MatFormField, MatHint,
    MatInput, MatLabel, MatOption, MatProgressBar, MatSelect, ReactiveFormsModule,
  ],
  providers: [HazardDialogStore],
  templateUrl: './hazard-dialog.component.html',
  styleUrl: '../work-order-dialog/work-order-dialog.component.scss',
})
export class HazardDialogComponent {
  protected readonly data = inject<HazardDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<HazardDialogComponent, HazardCaseFieldsFragment>>(MatDialogRef);
  protected readonly store = inject(HazardDialogStore);
  protected readonly t = translate(REPAIRS_TEXT);
  protected readonly apiProblem = apiProblem;
  private readonly language = inject(LanguageService).language;
  protected readonly common = computed(() => DICTIONARIES[this.language()]);
  protected readonly action = this.data.action;
  protected readonly message = signal<string | null>(null);
  /** Clocks a milestone can meet: started, not met or waived; the investigation has its own action. */
  protected readonly openClocks = this.data.hazard.clocks.filter((clock) => (clock.status === 'RUNNING' || clock.status === 'MISSED') && clock.clock !== 'INVESTIGATE');

  private readonly needs = (...actions: HazardAction[]) => (actions.includes(this.action) ? [Validators.required] : []);
  protected readonly form = new FormGroup({
    at: new FormControl(localNow(), { nonNullable: true, validators: this.needs('investigate', 'milestone', 'accommodation') }),
    findings: new FormControl('', { nonNullable: true, validators: this.needs('investigate') }),
    safetyWorkNeeded: new FormControl(true, { nonNullable: true }),
    preventativeWorkNeeded: new FormControl(true, { nonNullable: true }),
    clock: new FormControl<HazardClockKind | null>(this.openClocks[0]?.clock ?? null, { validators: this.needs('milestone') }),
    repairId: new FormControl('', { nonNullable: true, validators: this.needs('link') }),
    note: new FormControl('', { nonNullable: true, validators: this.needs('accommodation') }),
    accepted: new FormControl<HazardForm['accepted']>('unknown', { nonNullable: true }),
    reason: new FormControl('', { nonNullable: true, validators: this.needs('close') }),
    force: new FormControl(false, { nonNullable: true }),
  });

  protected readonly title = computed(() => `${this.t().hazardAction[this.action]}: ${this.t().caseNumber(this.data.hazard.number)}`);
  protected readonly atLabel = computed(() => {
    const words = this.t();
    return this.action === 'investigate' ? words.investigatedAt : this.action === 'accommodation' ? words.offeredAt : words.at;
  });

  constructor() {
    if (this.action === 'link') void this.store.loadRepairs(this.data.hazard.asset?.id ?? '');
  }

  protected async submit(): Promise<void> {
    this.message.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const outcome = await this.store.run(this.action, this.data.hazard.id, this.form.getRawValue());
    if (!outcome) return;
    if (outcome.kind === 'done') {
      this.ref.close(outcome.hazard);
      return;
    }
    if (outcome.running.length) {
      this.message.set(this.t().clocksRunning(outcome.running.map((clock) => this.t().clockKinds[clock]).join(', ')));
      return;
    }
    const unplaced = placeProblems(outcome.fields, (field) => (FIELD_OF[field] ? this.form.controls[FIELD_OF[field]] : null));
    if (unplaced.length || !outcome.fields.length) this.message.set(unplaced.length ? unplaced.join(' ') : outcome.message);
  }
}
