import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatInput, MatLabel } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ApiErrorComponent, apiProblem, LocaleFormat, placeProblems, translate } from '@hearth/console-core';
import { ClosureDaysStore } from '../closure-days.store';
import { SETTINGS_TEXT } from '../settings.text';

/** The member's closure days: listed from today, added and removed by its tenant admins. */
@Component({
  selector: 'hearth-closure-days',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, MatProgressBar, ReactiveFormsModule],
  providers: [ClosureDaysStore],
  templateUrl: './closure-days.component.html',
  styleUrl: './closure-days.component.scss',
})
export class ClosureDaysComponent {
  protected readonly store = inject(ClosureDaysStore);
  protected readonly format = inject(LocaleFormat);
  protected readonly t = translate(SETTINGS_TEXT);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    day: ['', Validators.required],
    description: ['', [Validators.required, Validators.maxLength(200)]],
  });

  /** The outcome of the last change in words; a problem about one field is shown beside it instead. */
  protected readonly message = computed(() => {
    const change = this.store.lastChange();
    if (!change) return null;
    switch (change.kind) {
      case 'added':
        return this.t().added(this.format.date(change.day));
      case 'removed':
        return this.t().removed(this.format.date(change.day));
      case 'taken':
        return this.t().taken;
      case 'notFound':
        return this.t().notFound;
      case 'invalid':
        return change.problems
          .filter((problem) => !this.isField(problem.field))
          .map((problem) => problem.message)
          .join(' ') || null;
    }
  });

  constructor() {
    void this.store.load();
  }

  protected async add(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const { day, description } = this.form.getRawValue();
    if (await this.store.add(day, description.trim())) {
      this.form.reset();
      return;
    }
    const change = this.store.lastChange();
    if (change?.kind === 'taken') placeProblems([{ field: 'day', message: this.t().taken }], () => this.form.controls.day);
    if (change?.kind === 'invalid') placeProblems(change.problems, (field) => (this.isField(field) ? this.form.controls[field] : null));
  }

  protected remove(day: string): void {
    void this.store.remove(day);
  }

  protected fieldError(field: 'day' | 'description'): string {
    return apiProblem(this.form.controls[field]) ?? (field === 'day' ? this.t().dayRequired : this.t().descriptionRequired);
  }

  private isField(field: string): field is 'day' | 'description' {
    return field === 'day' || field === 'description';
  }
}
