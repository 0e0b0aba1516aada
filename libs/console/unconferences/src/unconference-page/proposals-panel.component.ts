import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatInput, MatLabel } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { apiProblem, placeProblems, translate } from '@hearth/console-core';
import {
  UnconferenceJoinDocument, UnconferenceProposeDocument, UnconferenceUnvoteDocument, UnconferenceVoteDocument, UnconferenceWithdrawProposalDocument,
} from '../graphql.generated';
import { UNCONFERENCES_TEXT } from '../unconferences.text';
import { UnconferenceStore, type Proposal, type UnconferenceDetail } from './unconference.store';

const PROPOSING = ['PROPOSALS_OPEN', 'VOTING_OPEN'];

/** Taking part: joining, proposing a session with co-hosts, voting with one's votes left, withdrawing one's own proposal. */
@Component({
  selector: 'hearth-unconference-proposals',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, MatOption, MatSelect, ReactiveFormsModule],
  templateUrl: './proposals-panel.component.html',
  styleUrl: './panels.scss',
})
export class ProposalsPanelComponent {
  protected readonly store = inject(UnconferenceStore);
  protected readonly t = translate(UNCONFERENCES_TEXT);
  protected readonly apiProblem = apiProblem;
  protected readonly event = this.store.event;

  protected readonly proposing = computed(() => {
    const event = this.event();
    return Boolean(event?.viewer.canTakePart && PROPOSING.includes(event.status));
  });
  protected readonly voting = computed(() => this.event()?.status === 'VOTING_OPEN' && Boolean(this.event()?.viewer.canTakePart));
  /** People one may name as co-hosts: everyone who joined, but oneself. */
  protected readonly others = computed(() => this.event()?.participants.filter((person) => !person.isViewer) ?? []);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    title: ['', [Validators.required, Validators.maxLength(200)]],
    abstract: ['', Validators.maxLength(5_000)],
    cohosts: [[] as string[]],
  });

  protected hosts(proposal: Proposal): string {
    return [proposal.host, ...proposal.cohosts].map((person) => `${person.displayName} (${person.organisationName})`).join(', ');
  }

  protected async join(event: UnconferenceDetail): Promise<void> {
    await this.store.change(async () => (await this.store.client.mutate(UnconferenceJoinDocument, { unconferenceId: event.id })).joinUnconference, this.t().joined);
  }

  protected async propose(event: UnconferenceDetail): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const { title, abstract, cohosts } = this.form.getRawValue();
    const refusal = await this.store.change(
      async () =>
        (await this.store.client.mutate(UnconferenceProposeDocument, {
          input: { unconferenceId: event.id, title: title.trim(), abstract: abstract.trim() || null, cohostParticipantIds: cohosts },
        })).proposeUnconferenceSession,
      this.t().proposed(title.trim()),
    );
    if (refusal === null) this.form.reset({ title: '', abstract: '', cohosts: [] });
    else if (refusal !== 'failed') {
      placeProblems(refusal.problems, (field) => (field === 'cohostParticipantIds' ? this.form.controls.cohosts : field === 'title' ? this.form.controls.title : null));
    }
  }

  protected async vote(proposal: Proposal): Promise<void> {
    await this.store.change(async () => (await this.store.client.mutate(UnconferenceVoteDocument, { proposalId: proposal.id })).voteForSessionProposal, this.t().votedMessage(proposal.title));
  }

  protected async unvote(proposal: Proposal): Promise<void> {
    await this.store.change(async () => (await this.store.client.mutate(UnconferenceUnvoteDocument, { proposalId: proposal.id })).withdrawSessionProposalVote, this.t().unvotedMessage(proposal.title));
  }

  protected async withdraw(proposal: Proposal): Promise<void> {
    await this.store.change(async () => (await this.store.client.mutate(UnconferenceWithdrawProposalDocument, { proposalId: proposal.id })).withdrawSessionProposal, this.t().withdrawn(proposal.title));
  }
}
