import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, apiProblem, FORMAT_PIPES, LanguageService, PageComponent, SessionStore, translate } from '@hearth/console-core';
import { AlertListComponent } from '../../shared/alert-list/alert-list.component';
import { showProblems } from '../../shared/form-problems';
import { REGISTER_LABELS } from '../../shared/labels.text';
import { assetLabel, canWriteRegister, personName } from '../../shared/register.format';
import { PEOPLE_TEXT } from '../people.text';
import { PersonStore } from './person.store';

/** HACT alert codes, in the order the standard lists them. */
const ALERT_CODES = ['10', '20-10', '20-50', '20-70', '40', '50', '60'] as const;

/** A person: details, preferred language and needs, alerts (raised and ended here), and their tenancies. */
@Component({
  selector: 'hearth-register-person-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AlertListComponent, ApiErrorComponent, FORMAT_PIPES, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, MatOption, MatProgressBar,
    MatSelect, PageComponent, ReactiveFormsModule, RouterLink,
  ],
  providers: [PersonStore],
  templateUrl: './person-page.component.html',
  styleUrl: './person-page.component.scss',
})
export class PersonPageComponent {
  readonly id = input.required<string>();

  protected readonly store = inject(PersonStore);
  protected readonly session = inject(SessionStore);
  protected readonly t = translate(PEOPLE_TEXT);
  protected readonly apiProblem = apiProblem;
  protected readonly labels = translate(REGISTER_LABELS);
  protected readonly common = inject(LanguageService).t;
  protected readonly canWrite = computed(() => canWriteRegister(this.session));
  protected readonly codes = ALERT_CODES;
  protected readonly assetLabel = assetLabel;
  protected readonly raising = signal(false);
  protected readonly saving = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly status = signal<string | null>(null);

  protected readonly heading = computed(() => {
    const person = this.store.person();
    return person ? personName(person) : this.t().title;
  });

  protected readonly alertForm = new FormGroup({
    code: new FormControl<string | null>(null, { validators: [Validators.required] }),
    note: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(2000)] }),
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.raising.set(false);
        this.status.set(null);
        void this.store.load(id);
      });
    });
  }

  protected openRaise(): void {
    this.alertForm.reset();
    this.message.set(null);
    this.raising.set(true);
  }

  protected async raise(): Promise<void> {
    this.alertForm.markAllAsTouched();
    this.message.set(null);
    if (this.alertForm.invalid) return;
    const { code, note } = this.alertForm.getRawValue();
    this.saving.set(true);
    const outcome = await this.store.raiseAlert(code!, note.trim() || null);
    this.saving.set(false);
    if (outcome.saved) {
      this.raising.set(false);
      this.status.set(this.t().raised);
    } else {
      this.message.set(showProblems(this.alertForm, outcome, this.t().notRaised));
    }
  }

  protected async end(alertId: string): Promise<void> {
    this.status.set(null);
    await this.store.endAlert(alertId);
    if (!this.store.endError()) this.status.set(this.t().ended);
  }
}
