import { ANY_COLLABORATOR_ROLE, Role } from '@hearth/platform-auth';
import { definePermissions } from '@hearth/platform-kernel';

/**
 * Everyone who works together (members' staff and invited guests) reads events and takes part
 * in them; a member's tenant admin or a consortium admin organises them. The database's policies
 * say the rest: people act only in their own organisation's name, and an event's set-up is its
 * organiser's alone.
 */
export const unconferencesPermissions = definePermissions({
  read: { description: 'Read unconferences: rooms, slots, proposals, vote counts, timetables and notes', roles: ANY_COLLABORATOR_ROLE, scopes: ['unconferences:read'] },
  takePart: { description: 'Join an unconference, propose sessions, vote and write session notes', roles: ANY_COLLABORATOR_ROLE },
  organise: { description: 'Organise an unconference: rooms, slots, opening proposals and voting, the timetable, publishing', roles: [Role.TenantAdmin, Role.ConsortiumAdmin] },
});

export const UnconferencesEvent = {
  Created: 'unconferences.unconference.created',
  Changed: 'unconferences.unconference.changed',
  StatusChanged: 'unconferences.unconference.status-changed',
  Scheduled: 'unconferences.timetable.scheduled',
  SessionMoved: 'unconferences.timetable.session-moved',
  Joined: 'unconferences.participant.joined',
  Proposed: 'unconferences.proposal.proposed',
  ProposalChanged: 'unconferences.proposal.changed',
  Voted: 'unconferences.vote.changed',
  NoteWritten: 'unconferences.note.written',
} as const;

export const unconferencesEvents = {
  [UnconferencesEvent.Created]: { description: 'An unconference was created (as a draft).' },
  [UnconferencesEvent.Changed]: { description: "An unconference's details, rooms or slots changed." },
  [UnconferencesEvent.StatusChanged]: { description: 'An unconference moved on: proposals open, voting open, published, finished.' },
  [UnconferencesEvent.Scheduled]: { description: 'The scheduler drafted (or redrafted) an unconference timetable.' },
  [UnconferencesEvent.SessionMoved]: { description: 'An organiser moved a session to another room or slot.' },
  [UnconferencesEvent.Joined]: { description: 'Someone joined an unconference as a participant.' },
  [UnconferencesEvent.Proposed]: { description: 'A session was proposed.' },
  [UnconferencesEvent.ProposalChanged]: { description: 'A proposal was withdrawn or its co-hosts changed.' },
  [UnconferencesEvent.Voted]: { description: 'A vote was cast or taken back (the payload has the count, never the voter).' },
  [UnconferencesEvent.NoteWritten]: { description: 'A session note was written or edited.' },
};
