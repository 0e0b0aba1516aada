import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators, type ValidatorFn } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { apiProblem, type CommunicationNeed, LanguageService, type PreferredLanguage, SessionStore, translate } from '@hearth/console-core';
import { showProblems } from '../../shared/form-problems';
import { REGISTER_LABELS } from '../../shared/labels.text';
import { PEOPLE_TEXT } from '../people.text';
import { PeopleStore } from '../people.store';

const NEEDS: readonly CommunicationNeed[] = [
  'LARGE_PRINT', 'BRAILLE', 'AUDIO', 'EASY_READ', 'BSL_INTERPRETER', 'LANGUAGE_INTERPRETER', 'TEXT_RELAY', 'HEARING_LOOP', 'WRITTEN_ONLY',
];
const LANGUAGES: readonly PreferredLanguage[] = ['EN', 'CY'];
/** A UK number (spaces allowed), or an international one starting with +, as the API accepts. */
const PHONE = /^(\+[0-9 ]{7,19}|0[0-9 ]{9,13})$/;

/** 'YYYY-MM-DD' from 1900 to today, as the API accepts a date of birth. */
const pastDate: ValidatorFn = (control) => {
  const value = String(control.value ?? '');
  if (value === '') return null;
  const today = new Date().toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && value >= '1900-01-01' && value <= today ? null : { date: true };
};

/** Adds a person to the register; every field checked here, the API's answer shown by its field. */
@Component({
  selector: 'hearth-register-person-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatError, MatFormField, MatInput, MatLabel, MatOption, MatSelect, ReactiveFormsModule],
  templateUrl: './person-form.component.html',
  styleUrl: './person-form.component.scss',
})
export class PersonFormComponent {
  readonly created = output<string>();
  readonly closed = output<void>();

  private readonly store = inject(PeopleStore);
  protected readonly t = translate(PEOPLE_TEXT);
  protected readonly apiProblem = apiProblem;
  protected readonly labels = translate(REGISTER_LABELS);
  protected readonly common = inject(LanguageService).t;
  protected readonly needs = NEEDS;
  protected readonly languages = LANGUAGES;
  protected readonly saving = signal(false);
  protected readonly message = signal<string | null>(null);

  protected readonly form = new FormGroup({
    title: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(20)] }),
    givenName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
    familyName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
    dateOfBirth: new FormControl('', { nonNullable: true, validators: [pastDate] }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.email] }),
    phone: new FormControl('', { nonNullable: true, validators: [Validators.pattern(PHONE)] }),
    // A Welsh member's contacts are asked in Welsh first (Welsh Language Standards).
    preferredLanguage: new FormControl<PreferredLanguage>(inject(SessionStore).member()?.country === 'WALES' ? 'CY' : 'EN', { nonNullable: true }),
    communicationNeeds: new FormControl<CommunicationNeed[]>([], { nonNullable: true }),
  });

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    this.message.set(null);
    if (this.form.invalid) return;
    const value = this.form.getRawValue();
    this.saving.set(true);
    const outcome = await this.store.create({
      title: value.title.trim() || null,
      givenName: value.givenName.trim(),
      familyName: value.familyName.trim(),
      dateOfBirth: value.dateOfBirth || null,
      email: value.email.trim() || null,
      phone: value.phone.trim() || null,
      preferredLanguage: value.preferredLanguage,
      communicationNeeds: value.communicationNeeds,
    });
    this.saving.set(false);
    if (outcome.saved) {
      this.created.emit(outcome.value);
      return;
    }
    this.message.set(showProblems(this.form, outcome, this.t().notSaved));
  }
}
