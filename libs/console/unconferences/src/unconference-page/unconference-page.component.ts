import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, LocaleFormat, PageComponent, translate, type UnconferenceStatus } from '@hearth/console-core';
import {
  UnconferenceFinishDocument, UnconferenceOpenProposalsDocument, UnconferenceOpenVotingDocument, UnconferencePublishDocument, UnconferenceScheduleDocument,
} from '../graphql.generated';
import { UNCONFERENCES_TEXT } from '../unconferences.text';
import { ukClock } from '../uk-time';
import { NotesPanelComponent } from './notes-panel.component';
import { ProposalsPanelComponent } from './proposals-panel.component';
import { SetupPanelComponent } from './setup-panel.component';
import { TimetablePanelComponent } from './timetable-panel.component';
import { UnconferenceStore } from './unconference.store';

/**
 * One unconference: its rooms and slots, proposals and votes, the timetable and notes, and the
 * organiser's controls for each stage. Sections appear as the event reaches them.
 */
@Component({
  selector: 'hearth-unconference-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorComponent, MatButton, MatProgressBar, NotesPanelComponent, PageComponent, ProposalsPanelComponent, RouterLink, SetupPanelComponent,
    TimetablePanelComponent,
  ],
  providers: [UnconferenceStore],
  templateUrl: './unconference-page.component.html',
  styleUrl: './unconference-page.component.scss',
})
export class UnconferencePageComponent {
  readonly id = input.required<string>();

  protected readonly store = inject(UnconferenceStore);
  protected readonly t = translate(UNCONFERENCES_TEXT);
  private readonly format = inject(LocaleFormat);

  protected readonly event = this.store.event;

  protected readonly facts = computed(() => {
    const event = this.event();
    if (!event) return [];
    const t = this.t();
    return [
      t.organisedBy(event.organiserName ?? t.consortium),
      event.venue ? t.venueLine(event.venue) : null,
      event.startsAt && event.endsAt ? `${this.format.dateTime(event.startsAt)}–${ukClock(event.endsAt)}` : null,
    ].filter((fact): fact is string => Boolean(fact));
  });

  /** What the last change came to, in the reader's words. */
  protected readonly changeMessage = computed(() => {
    const change = this.store.lastChange();
    if (!change) return null;
    if (change.kind === 'done') return change.text;
    const { refusal } = change;
    if (refusal.clash) return this.t().clash(refusal.clash.person, refusal.clash.session);
    if (refusal.problems.length) return refusal.problems.map((problem) => problem.message).join(' ');
    return this.t().problems[refusal.code] ?? refusal.message;
  });

  protected readonly refused = computed(() => this.store.lastChange()?.kind === 'refused');

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.load(id));
    });
  }

  /** The organiser's next step from the event's stage: open proposals, open voting, draft, publish, finish. */
  protected async advance(status: UnconferenceStatus): Promise<void> {
    const id = this.id();
    const api = this.store.client;
    const t = this.t();
    switch (status) {
      case 'DRAFT':
        await this.store.change(async () => (await api.mutate(UnconferenceOpenProposalsDocument, { id })).openUnconferenceProposals, t.stepDone.PROPOSALS_OPEN);
        break;
      case 'PROPOSALS_OPEN':
        await this.store.change(async () => (await api.mutate(UnconferenceOpenVotingDocument, { id })).openUnconferenceVoting, t.stepDone.VOTING_OPEN);
        break;
      case 'VOTING_OPEN':
        await this.schedule();
        break;
      case 'SCHEDULED':
        await this.store.change(async () => (await api.mutate(UnconferencePublishDocument, { id })).publishUnconference, t.stepDone.PUBLISHED);
        break;
      case 'PUBLISHED':
        await this.store.change(async () => (await api.mutate(UnconferenceFinishDocument, { id })).finishUnconference, t.stepDone.FINISHED);
        break;
      case 'FINISHED':
        break;
    }
  }

  protected async schedule(): Promise<void> {
    const id = this.id();
    await this.store.change(async () => (await this.store.client.mutate(UnconferenceScheduleDocument, { id })).scheduleUnconference, this.t().stepDone.SCHEDULED);
  }
}
