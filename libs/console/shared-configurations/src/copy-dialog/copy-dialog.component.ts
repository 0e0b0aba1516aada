import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormBuilder, ReactiveFormsModule, Validators, type AbstractControl, type FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { ApiErrorComponent, apiProblem, placeProblems, translate } from '@hearth/console-core';
import { ConfigurationContentComponent } from '../content/configuration-content.component';
import { SHARED_CONFIGURATIONS_TEXT } from '../shared-configurations.text';
import { fieldsText, itemLabel, type LetterContent, type PrioritiesContent } from '../shared/configuration-view';
import { CopyStore, keyOf, type CopyOutcome, type CopyRequest } from './copy.store';

export type { CopyOutcome } from './copy.store';

export interface CopyDialogData {
  id: string;
  title: string;
  version: string;
  kind: string;
  content: Record<string, unknown>;
}

const CODE = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Copying a shared configuration into the member's settings: what it changes there, item by
 * item, checked by the owning module's rules before anything is written; for priorities and
 * letters, adapted first if the member wishes. Closes with the copy made, or nothing.
 */
@Component({
  selector: 'hearth-copy-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorComponent, ConfigurationContentComponent, MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle, MatError,
    MatFormField, MatHint, MatInput, MatLabel, MatOption, MatProgressBar, MatSelect, ReactiveFormsModule,
  ],
  providers: [CopyStore],
  templateUrl: './copy-dialog.component.html',
  styleUrl: './copy-dialog.component.scss',
})
export class CopyDialogComponent {
  protected readonly data = inject<CopyDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<CopyDialogComponent, CopyOutcome>>(MatDialogRef);
  protected readonly store = inject(CopyStore);
  protected readonly t = translate(SHARED_CONFIGURATIONS_TEXT);
  protected readonly apiProblem = apiProblem;
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly priorities = this.data.kind === 'repair-priorities' ? (this.data.content as unknown as PrioritiesContent) : null;
  protected readonly letter = this.data.kind === 'letter-template' ? (this.data.content as unknown as LetterContent) : null;

  protected readonly form = this.fb.group({
    target: [this.letter?.code ?? '', this.letter ? [Validators.required, Validators.pattern(CODE)] : []],
    approaching: [this.priorities?.approachingWithinHours ?? 0, this.priorities ? [Validators.required, Validators.min(1), Validators.max(720)] : []],
    priorities: this.fb.array(
      (this.priorities?.priorities ?? []).map((priority) =>
        this.fb.group({
          name: [priority.name, [Validators.required, Validators.maxLength(100)]],
          amount: [priority.target.hours ?? priority.target.workingDays ?? 1, [Validators.required, Validators.min(1)]],
          unit: [priority.target.hours !== undefined ? 'hours' : 'workingDays'],
        }),
      ),
    ),
    en: this.fb.group({ subject: [this.letter?.en.subject ?? '', [Validators.maxLength(200)]], body: [this.letter?.en.body ?? '', [Validators.maxLength(10_000)]] }),
    cy: this.fb.group({ subject: [this.letter?.cy.subject ?? '', [Validators.maxLength(200)]], body: [this.letter?.cy.body ?? '', [Validators.maxLength(10_000)]] }),
  });
  protected readonly priorityRows = this.form.controls.priorities as FormArray<FormGroup>;
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  /** The request the form says now: the published content unless it has been adapted. */
  private readonly request = computed<CopyRequest>(() => {
    this.value();
    return this.requestNow();
  });
  protected readonly preview = computed(() => {
    const result = this.store.result();
    return result?.__typename === 'SharedConfigurationPreview' ? result : null;
  });
  /** The check's own refusal (not found, withdrawn, module off, a shape the kind refuses). */
  protected readonly refused = computed(() => {
    const result = this.store.result();
    return result && result.__typename !== 'SharedConfigurationPreview' ? result : null;
  });
  protected readonly upToDate = computed(() => this.store.checked() === keyOf(this.request()));
  /** Problems no field of the form owns, from the check or from copying; the others are shown on their fields. */
  protected readonly unplaced = signal<string[]>([]);
  protected readonly canAdopt = computed(() => {
    const preview = this.preview();
    return this.upToDate() && preview !== null && preview.problems.length === 0 && !this.store.adopting();
  });

  constructor() {
    effect(() => {
      const preview = this.preview();
      const refused = this.refused();
      const problems = [
        ...(preview?.problems ?? []),
        ...(refused?.__typename === 'SharedConfigurationInvalid' ? refused.problems : []),
        ...(this.store.refusal()?.problems ?? []),
      ];
      untracked(() => this.unplaced.set(placeProblems(problems, (field) => this.controlFor(field))));
    });
    void this.check();
  }

  protected itemLabel(item: string): string {
    return itemLabel(this.t(), this.data.kind, item);
  }

  protected fieldsText(fields: readonly string[]): string {
    return fieldsText(this.t(), fields);
  }

  protected warningText(code: string, items: readonly string[], message: string): string {
    const words = this.t().warnings[code];
    return words ? words(items.join(', ')) : message;
  }

  protected problemText(code: string, message: string): string {
    return this.t().problems[code] ?? message;
  }

  protected async check(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    await this.store.check(this.requestNow());
  }

  protected async adopt(): Promise<void> {
    if (!this.canAdopt()) return;
    const outcome = await this.store.adopt(this.requestNow());
    if (outcome) this.ref.close(outcome);
  }

  private requestNow(): CopyRequest {
    const adapted = this.adapted();
    const content = JSON.stringify(adapted) === JSON.stringify(this.data.content) ? null : adapted;
    const target = this.letter ? this.form.controls.target.value.trim() : null;
    return { id: this.data.id, content, target };
  }

  /** The content as the form has adapted it. */
  private adapted(): Record<string, unknown> {
    const value = this.form.getRawValue();
    if (this.priorities) {
      return {
        ...this.data.content,
        priorities: this.priorities.priorities.map((priority, i) => {
          const row = value.priorities[i] as { name: string; amount: number; unit: string };
          const amount = Number(row.amount);
          return { ...priority, name: row.name.trim(), target: row.unit === 'hours' ? { hours: amount } : { workingDays: amount } };
        }),
        approachingWithinHours: Number(value.approaching),
      };
    }
    if (this.letter) return { ...this.data.content, en: { ...value.en }, cy: { ...value.cy } };
    return this.data.content;
  }

  /** The form control a problem's JSON pointer names, if the form has one. */
  private controlFor(field: string): AbstractControl | null {
    const parts = field.split('/').slice(1);
    if (field === '/code') return this.form.controls.target;
    if (parts[0] === 'approachingWithinHours') return this.form.controls.approaching;
    if (parts[0] === 'priorities' && parts.length >= 3) {
      const row = this.priorityRows.at(Number(parts[1]));
      if (!row) return null;
      return parts[2] === 'name' ? row.controls['name'] : parts[2] === 'target' ? row.controls['amount'] : null;
    }
    if ((parts[0] === 'en' || parts[0] === 'cy') && (parts[1] === 'subject' || parts[1] === 'body')) return this.form.controls[parts[0]].controls[parts[1]];
    return null;
  }
}
