import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { ApiError, ApiErrorComponent, type ArrangementFrequency, asApiError, FORMAT_PIPES, LocaleFormat, translate } from '@hearth/console-core';
import { addDays, parsePounds, ukToday } from '../../shared/rent-format';
import { RENT_TEXT } from '../../shared/rent.text';
import { AccountStore, type Account, type Problem } from '../account.store';

type Arrangement = Account['paymentArrangements'][number];

const FREQUENCIES: readonly ArrangementFrequency[] = ['WEEKLY', 'FORTNIGHTLY', 'MONTHLY'];

/** The account's arrangements with their instalments; income officers make and cancel them here. */
@Component({
  selector: 'hearth-rent-arrangements',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, FORMAT_PIPES, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, MatOption, MatSelect, ReactiveFormsModule],
  templateUrl: './arrangements.component.html',
  styleUrls: ['./arrangements.component.scss', '../../shared/tables.scss'],
})
export class ArrangementsComponent {
  readonly account = input.required<Account>();
  readonly canManage = input(false);

  private readonly store = inject(AccountStore);
  private readonly format = inject(LocaleFormat);
  protected readonly t = translate(RENT_TEXT);
  protected readonly frequencies = FREQUENCIES;

  protected readonly active = computed(() => this.account().paymentArrangements.find((arrangement) => arrangement.status === 'ACTIVE') ?? null);
  /** An arrangement is for arrears: offered while the account owes and none is active. */
  protected readonly canMake = computed(() => this.canManage() && !this.active() && this.account().balancePence > 0);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    instalment: ['', [Validators.required]],
    frequency: ['WEEKLY' as ArrangementFrequency, [Validators.required]],
    startsOn: [addDays(ukToday(), 7), [Validators.required]],
    arrears: [''],
    note: [''],
  });
  protected readonly cancelForm = inject(FormBuilder).nonNullable.group({ reason: ['', [Validators.required]] });

  protected readonly busy = signal(false);
  protected readonly problems = signal<Problem[]>([]);
  protected readonly failure = signal<ApiError | null>(null);
  protected readonly done = signal<string | null>(null);
  protected readonly cancelling = signal<string | null>(null);

  protected summary(arrangement: Arrangement): string {
    return this.t().arrangements.summary(
      this.format.money(arrangement.instalmentPence),
      this.t().frequencies[arrangement.frequency].toLowerCase(),
      this.format.money(arrangement.arrearsPence),
    );
  }

  /** Problems the API tied to one field, shown beside it; the rest above the form. */
  protected problemFor(field: string): string | null {
    return this.problems().find((problem) => problem.field === field)?.message ?? null;
  }
  protected readonly generalProblems = computed(() =>
    this.problems().filter((problem) => !['instalmentPence', 'frequency', 'startsOn', 'arrearsPence', 'note'].includes(problem.field ?? '')),
  );

  protected async make(): Promise<void> {
    const value = this.form.getRawValue();
    const instalmentPence = parsePounds(value.instalment);
    const arrearsPence = value.arrears.trim() ? parsePounds(value.arrears) : undefined;
    const local: Problem[] = [];
    if (!instalmentPence) local.push({ field: 'instalmentPence', message: this.t().arrangements.notPounds });
    if (arrearsPence === null) local.push({ field: 'arrearsPence', message: this.t().arrangements.notPounds });
    if (local.length || this.form.invalid || !instalmentPence || arrearsPence === null) {
      this.form.markAllAsTouched();
      this.problems.set(local);
      return;
    }
    await this.run(
      () => this.store.makeArrangement({
        instalmentPence, frequency: value.frequency, startsOn: value.startsOn, arrearsPence, note: value.note.trim() || undefined,
      }),
      this.t().arrangements.madeMessage,
    );
    if (!this.problems().length && !this.failure()) this.form.reset();
  }

  protected async cancel(arrangement: Arrangement): Promise<void> {
    if (this.cancelForm.invalid) {
      this.cancelForm.markAllAsTouched();
      return;
    }
    await this.run(() => this.store.cancelArrangement(arrangement.id, this.cancelForm.getRawValue().reason.trim()), this.t().arrangements.cancelled);
    if (!this.problems().length && !this.failure()) {
      this.cancelling.set(null);
      this.cancelForm.reset();
    }
  }

  private async run(change: () => Promise<Problem[]>, success: string): Promise<void> {
    this.busy.set(true);
    this.done.set(null);
    this.failure.set(null);
    try {
      const problems = await change();
      this.problems.set(problems);
      if (!problems.length) this.done.set(success);
    } catch (error) {
      this.failure.set(asApiError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
