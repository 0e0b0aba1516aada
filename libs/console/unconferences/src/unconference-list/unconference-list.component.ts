import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatInput, MatLabel } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { ApiErrorComponent, apiProblem, LocaleFormat, PageComponent, PagerComponent, placeProblems, SessionStore, translate } from '@hearth/console-core';
import type { UnconferenceSummaryFragment } from '../graphql.generated';
import { UNCONFERENCES_TEXT } from '../unconferences.text';
import { ukClock } from '../uk-time';
import { UnconferenceListStore } from './unconference-list.store';

/** Every unconference people may see, newest first; organisers also see the form that creates one. */
@Component({
  selector: 'hearth-unconference-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, MatProgressBar, PageComponent, PagerComponent, ReactiveFormsModule, RouterLink],
  providers: [UnconferenceListStore],
  templateUrl: './unconference-list.component.html',
  styleUrl: './unconference-list.component.scss',
})
export class UnconferenceListComponent {
  protected readonly store = inject(UnconferenceListStore);
  protected readonly events = this.store.events;
  protected readonly t = translate(UNCONFERENCES_TEXT);
  private readonly format = inject(LocaleFormat);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  protected readonly apiProblem = apiProblem;
  protected readonly formProblems = signal<string[]>([]);

  /** A member's tenant admin organises for the member; a consortium admin, for the consortium. */
  protected readonly canCreate = computed(
    () => (this.session.hasRole('tenant-admin') && this.session.member() !== null) || this.session.isConsortiumAdmin(),
  );

  protected readonly form = inject(FormBuilder).nonNullable.group({
    title: ['', [Validators.required, Validators.maxLength(200)]],
    description: ['', Validators.maxLength(10_000)],
    venue: ['', Validators.maxLength(300)],
    votesPerParticipant: [5, [Validators.required, Validators.min(1), Validators.max(50)]],
  });

  constructor() {
    void this.events.first();
  }

  protected when(event: UnconferenceSummaryFragment): string {
    if (!event.startsAt || !event.endsAt) return this.t().notScheduledYet;
    return `${this.format.dateTime(event.startsAt)}–${ukClock(event.endsAt)}`;
  }

  protected organiser(event: UnconferenceSummaryFragment): string {
    return event.organiserName ?? this.t().consortium;
  }

  protected async create(): Promise<void> {
    this.form.markAllAsTouched();
    this.formProblems.set([]);
    if (this.form.invalid) return;
    const { title, description, venue, votesPerParticipant } = this.form.getRawValue();
    const outcome = await this.store.create({
      title: title.trim(),
      description: description.trim() || null,
      venue: venue.trim() || null,
      votesPerParticipant: Number(votesPerParticipant),
    });
    if (!outcome) return;
    if (outcome.kind === 'created') {
      await this.router.navigate(['/unconferences', outcome.id]);
      return;
    }
    const controls = this.form.controls as Record<string, (typeof this.form.controls)[keyof typeof this.form.controls]>;
    const unplaced = placeProblems(outcome.problems, (field) => controls[field]);
    this.formProblems.set(outcome.problems.length ? unplaced : [this.t().problems[outcome.code] ?? outcome.message]);
  }
}

