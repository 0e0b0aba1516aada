import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RUNTIME_CONFIG } from '@hearth/console-core';
import {
  UnconferenceCreateDocument, UnconferenceDetailDocument, UnconferenceListDocument, UnconferenceMoveDocument, UnconferenceOpenProposalsDocument,
  UnconferenceVoteDocument, UnconferenceWriteNoteDocument, type UnconferenceDetailQuery, type UnconferenceSummaryFragment,
} from './graphql.generated';
import { all, button, cells, configure, fakeApi, render, settle, signIn, text, type, useLanguage, type FakeApi } from '@hearth/console-core/testing';
import { UnconferenceListComponent } from './unconference-list/unconference-list.component';
import { UnconferencePageComponent } from './unconference-page/unconference-page.component';
import { ukClock, ukMoment } from './uk-time';

type Detail = NonNullable<UnconferenceDetailQuery['unconference']>;

const CAMP: UnconferenceSummaryFragment = {
  id: 'u-1',
  title: 'Housing Camp Cymru',
  status: 'VOTING_OPEN',
  venue: 'Temple of Peace, Cardiff',
  organiserKind: 'MEMBER',
  organiserName: 'Millbrook Homes',
  startsAt: '2030-03-12T09:30:00Z',
  endsAt: '2030-03-12T12:30:00Z',
  proposalCount: 2,
};

const sam = { id: 'p-sam', displayName: 'Sam Patel', organisationName: 'Millbrook Homes', guest: false, isViewer: true };
const ffion = { id: 'p-ffion', displayName: 'Ffion Evans', organisationName: 'Aber Housing Association', guest: false, isViewer: false };
const rhian = { id: 'p-rhian', displayName: 'Rhian Jones', organisationName: 'Cardiff Council', guest: true, isViewer: false };

function detail(changes: Partial<Detail> = {}): Detail {
  return {
    ...CAMP,
    description: 'A day of sessions proposed by the people who come.',
    votesPerParticipant: 3,
    publishedAt: null,
    rooms: [{ id: 'r-hall', name: 'Main hall', capacity: 120 }, { id: 'r-seminar', name: 'Seminar room', capacity: 30 }],
    slots: [
      { id: 's-1', startsAt: '2030-03-12T09:30:00Z', endsAt: '2030-03-12T10:30:00Z' },
      { id: 's-2', startsAt: '2030-03-12T11:00:00Z', endsAt: '2030-03-12T12:30:00Z' },
    ],
    participants: [ffion, rhian, sam],
    proposals: [
      { id: 'a', title: 'Damp and mould: what works', abstract: 'Sharing what has worked.', status: 'PROPOSED', voteCount: 4, unscheduledReason: null, votedByViewer: true, hostedByViewer: false, host: ffion, cohosts: [rhian] },
      { id: 'b', title: 'Occupation contracts in practice', abstract: '', status: 'PROPOSED', voteCount: 1, unscheduledReason: null, votedByViewer: false, hostedByViewer: true, host: sam, cohosts: [] },
    ],
    timetable: null,
    viewer: { canOrganise: false, canTakePart: true, votesLeft: 2, votesUsed: 1, participant: { id: 'p-sam' } },
    ...changes,
  };
}

const TIMETABLED = (draft: boolean): Partial<Detail> => ({
  status: draft ? 'SCHEDULED' : 'PUBLISHED',
  proposals: detail().proposals.map((p) => ({ ...p, status: 'SCHEDULED' as const })),
  timetable: {
    draft,
    sessions: [
      { id: 'x-a', pinned: false, started: true, room: { id: 'r-hall' }, slot: { id: 's-1' }, proposal: { id: 'a', title: 'Damp and mould: what works', host: ffion, cohosts: [rhian], notes: [
        { id: 'n-1', body: 'Share the checklist.', createdAt: '2030-03-12T10:00:00Z', updatedAt: '2030-03-12T10:00:00Z', editableByViewer: false, author: rhian },
      ] } },
      { id: 'x-b', pinned: true, started: false, room: { id: 'r-seminar' }, slot: { id: 's-2' }, proposal: { id: 'b', title: 'Occupation contracts in practice', host: sam, cohosts: [], notes: [] } },
    ],
    unscheduled: [{ id: 'c', title: 'Retrofit on a budget', voteCount: 0, unscheduledReason: 'NO_ROOM_LEFT' }],
  },
});

describe('the unconferences list', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = fakeApi();
    configure(api);
    api.answer(UnconferenceListDocument, () => ({ unconferences: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: CAMP }] } }));
  });

  it('lists events with when, who and their stage, and no create form for staff who cannot organise', async () => {
    signIn(['housing-officer']);
    const fixture = await render(UnconferenceListComponent);
    expect(cells(fixture, '[data-testid="unconferences"]')).toEqual([['Housing Camp Cymru', '12 Mar 2030, 09:30–12:30', 'Millbrook Homes', 'Voting open', '2']]);
    expect(all(fixture, 'form')).toHaveLength(0);
    useLanguage('cy');
    await settle(fixture);
    expect(text(fixture, 'h1')).toBe('Anghynadleddau');
    expect(text(fixture, '.badge')).toBe('Pleidleisio ar agor');
  });

  it('creates an event for a tenant admin and opens it', async () => {
    signIn(['tenant-admin']);
    api.answer(UnconferenceCreateDocument, () => ({ createUnconference: { __typename: 'Unconference' as const, id: 'u-2' } }));
    const fixture = await render(UnconferenceListComponent);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    button(fixture, 'Create unconference').click();
    await settle(fixture);
    expect(all(fixture, 'mat-error').map((e) => e.textContent?.trim())).toEqual(['Give the unconference a title.']);
    type(fixture, '[formcontrolname="title"]', 'Spring camp');
    type(fixture, '[formcontrolname="venue"]', 'Online');
    button(fixture, 'Create unconference').click();
    await settle(fixture);
    expect(api.api.mutate).toHaveBeenCalledWith(UnconferenceCreateDocument, { input: { title: 'Spring camp', description: null, venue: 'Online', votesPerParticipant: 5 } });
    expect(navigate).toHaveBeenCalledWith(['/unconferences', 'u-2']);
  });
});

describe('an unconference page', () => {
  let api: FakeApi;
  let event: Detail;

  beforeEach(() => {
    api = fakeApi();
    configure(api, [{ provide: RUNTIME_CONFIG, useValue: { apiUrl: 'https://api.example/graphql', issuerUrl: '', clientId: '' } }]);
    event = detail();
    api.answer(UnconferenceDetailDocument, () => ({ unconference: event }));
  });

  it('shows the proposals with their counts and the votes one has left, and votes', async () => {
    signIn(['housing-officer']);
    api.answer(UnconferenceVoteDocument, () => {
      event = { ...event, proposals: event.proposals.map((p) => (p.id === 'b' ? { ...p, voteCount: 2, votedByViewer: true } : p)), viewer: { ...event.viewer, votesLeft: 1 } };
      return { voteForSessionProposal: { __typename: 'SessionProposal' as const } };
    });
    const fixture = await render(UnconferencePageComponent, { id: 'u-1' });
    expect(text(fixture, 'h1')).toBe('Housing Camp Cymru');
    expect(all(fixture, '.proposal h3').map((h) => h.textContent)).toEqual(['Damp and mould: what works', 'Occupation contracts in practice']);
    expect(all(fixture, '[data-testid="vote-count"]').map((c) => c.textContent)).toEqual(['4 votes', '1 vote']);
    expect(text(fixture, '[data-testid="votes-left"]')).toBe('You have 2 of your 3 votes left.');
    expect(text(fixture, '.proposal .meta')).toBe('Hosted by Ffion Evans (Aber Housing Association), Rhian Jones (Cardiff Council)');
    // Only the host withdraws; the organiser's controls are not shown to others.
    expect(all(fixture, 'button').map((b) => b.getAttribute('aria-label')).filter(Boolean)).toEqual([
      'Take vote back from “Damp and mould: what works”',
      'Vote for “Occupation contracts in practice”',
      'Withdraw “Occupation contracts in practice”',
    ]);
    expect(all(fixture, '[data-testid="next-step"]')).toHaveLength(0);

    button(fixture, 'Vote for “Occupation contracts in practice”').click();
    await settle(fixture);
    expect(api.api.mutate).toHaveBeenCalledWith(UnconferenceVoteDocument, { proposalId: 'b' });
    expect(text(fixture, '[data-testid="unconference-change"]')).toBe('Your vote for “Occupation contracts in practice” is counted.');
    expect(text(fixture, '[data-testid="votes-left"]')).toBe('You have 1 of your 3 votes left.');
  });

  it('says so, in Welsh too, when the votes are used up', async () => {
    signIn(['housing-officer']);
    api.answer(UnconferenceVoteDocument, () => ({
      voteForSessionProposal: { __typename: 'SessionProposalVoteLimitReached' as const, code: 'SESSION_PROPOSAL_VOTE_LIMIT_REACHED', message: 'limit', limit: 3 },
    }));
    const fixture = await render(UnconferencePageComponent, { id: 'u-1' });
    useLanguage('cy');
    await settle(fixture);
    button(fixture, 'Pleidleisio dros “Occupation contracts in practice”').click();
    await settle(fixture);
    expect(text(fixture, '[data-testid="unconference-change"]')).toBe('Rydych chi wedi defnyddio’ch holl bleidleisiau. Tynnwch un yn ôl i bleidleisio dros y sesiwn hon.');
  });

  it('gives the organiser the next step and the rooms and slots to change while setting up', async () => {
    signIn(['tenant-admin']);
    event = detail({ status: 'DRAFT', viewer: { ...event.viewer, canOrganise: true } });
    api.answer(UnconferenceOpenProposalsDocument, () => {
      event = { ...event, status: 'PROPOSALS_OPEN' };
      return { openUnconferenceProposals: { __typename: 'Unconference' as const } };
    });
    const fixture = await render(UnconferencePageComponent, { id: 'u-1' });
    expect(cells(fixture, '[data-testid="rooms"]')).toEqual([['Main hall', '120', 'Remove'], ['Seminar room', '30', 'Remove']]);
    expect(all(fixture, '[data-testid="slots"] .slot-time').map((s) => s.textContent)).toEqual(['12 Mar 2030, 09:30–10:30', '12 Mar 2030, 11:00–12:30']);
    expect(all(fixture, '.proposal')).toHaveLength(0);
    button(fixture, 'Open for proposals').click();
    await settle(fixture);
    expect(text(fixture, '[data-testid="unconference-change"]')).toBe('Proposals are open.');
    expect(text(fixture, '[data-testid="next-step"]')).toBe('Open voting');
    expect(text(fixture, '[data-testid="unconference-status"]')).toBe('Taking proposals');
  });

  it('shows the timetable as rooms by slots, with what was left out and why, and the organiser’s move refused for a clash', async () => {
    signIn(['tenant-admin']);
    event = detail({ ...TIMETABLED(true), viewer: { ...event.viewer, canOrganise: true } });
    api.answer(UnconferenceMoveDocument, () => ({
      moveUnconferenceSession: { __typename: 'UnconferenceSessionHostClash' as const, code: 'UNCONFERENCE_SESSION_HOST_CLASH', message: 'x', participantName: 'Ffion Evans', otherSessionTitle: 'Damp and mould: what works' },
    }));
    const fixture = await render(UnconferencePageComponent, { id: 'u-1' });
    expect(text(fixture, '[data-testid="timetable-state"]')).toBe('This timetable is a draft: the organiser may still change it.');
    expect(cells(fixture, '[data-testid="timetable"]')).toEqual([
      ['12 Mar 2030, 09:30–10:30', 'Damp and mould: what works Ffion Evans, Rhian Jones', 'Free'],
      ['12 Mar 2030, 11:00–12:30', 'Free', 'Occupation contracts in practice Sam Patel (placed by the organiser)'],
    ]);
    expect(text(fixture, '[data-testid="unscheduled"]')).toBe('Retrofit on a budget (0 votes): every room of every slot went to a session with more votes');
    expect(all(fixture, '[data-testid="download-ics"]')).toHaveLength(0);

    const form = fixture.debugElement.query((el) => el.name === 'hearth-unconference-timetable').componentInstance as {
      moveForm: { setValue(value: Record<string, string>): void };
    };
    form.moveForm.setValue({ proposalId: 'b', roomId: 'r-seminar', slotId: 's-1' });
    button(fixture, 'Move session').click();
    await settle(fixture);
    expect(api.api.mutate).toHaveBeenCalledWith(UnconferenceMoveDocument, { input: { unconferenceId: 'u-1', proposalId: 'b', roomId: 'r-seminar', slotId: 's-1' } });
    expect(text(fixture, '[data-testid="unconference-change"]')).toBe('That would put Ffion Evans in two places: they are in “Damp and mould: what works” at that time.');
  });

  it('once published, offers the .ics and its feed, and notes on the sessions that have begun', async () => {
    signIn(['housing-officer']);
    event = detail(TIMETABLED(false));
    api.answer(UnconferenceWriteNoteDocument, () => ({ writeUnconferenceSessionNote: { __typename: 'UnconferenceSessionNote' as const } }));
    const fixture = await render(UnconferencePageComponent, { id: 'u-1' });
    expect(text(fixture, '[data-testid="feed-url"]')).toBe('https://api.example/calendar/unconferences/u-1.ics');
    expect(all(fixture, '[data-testid="session-notes"] h3').map((h) => h.textContent)).toEqual(['Damp and mould: what works']);
    expect(text(fixture, '.note-body')).toBe('Share the checklist.');
    expect(text(fixture, '.note .meta')).toBe('Rhian Jones, Cardiff Council, 12 Mar 2030, 10:00');
    type(fixture, '[data-testid="session-notes"] textarea', '## Next steps\n- Meet again in May');
    button(fixture, 'Share note').click();
    await settle(fixture);
    expect(api.api.mutate).toHaveBeenCalledWith(UnconferenceWriteNoteDocument, { input: { proposalId: 'a', body: '## Next steps\n- Meet again in May' } });
    expect(text(fixture, '[data-testid="unconference-change"]')).toBe('Your note is shared.');
  });

  it('says when there is no such event', async () => {
    signIn(['housing-officer']);
    api.answer(UnconferenceDetailDocument, () => ({ unconference: null }));
    const fixture = await render(UnconferencePageComponent, { id: 'u-9' });
    expect(text(fixture, '[data-testid="unconference-missing"]')).toBe('There is no such unconference, or it is a draft you do not organise.');
  });
});

describe('UK times', () => {
  it('reads and writes the UK clock in winter and in summer time', () => {
    expect(ukMoment('2030-01-15', '09:30')).toBe('2030-01-15T09:30:00.000Z');
    expect(ukMoment('2030-07-15', '09:30')).toBe('2030-07-15T08:30:00.000Z');
    expect(ukClock('2030-07-15T08:30:00.000Z')).toBe('09:30');
  });
});
