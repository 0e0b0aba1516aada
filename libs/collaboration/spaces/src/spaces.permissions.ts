import { ANY_COLLABORATOR_ROLE, Role } from '@hearth/platform-auth';
import { definePermissions } from '@hearth/platform-kernel';

/**
 * Who may do what with the shared spaces. Staff of every member and of guest organisations
 * (`ANY_COLLABORATOR_ROLE`) see and book; the consortium and the members that run venues keep
 * them; only the consortium invites guests and sets fair-use quotas.
 */
export const spacesPermissions = definePermissions({
  read: {
    description: 'See venues, their desks and rooms, and when each is taken (never by whom)',
    roles: ANY_COLLABORATOR_ROLE,
    scopes: ['spaces:read'],
  },
  book: {
    description: "Book desks and rooms for one's organisation, check in, cancel, and keep one's calendar feed",
    roles: ANY_COLLABORATOR_ROLE,
  },
  report: {
    description: "See the usage report: one's own organisation's, or every organisation's for consortium admins",
    roles: ANY_COLLABORATOR_ROLE,
  },
  manageVenues: {
    description: "Keep venues and their desks and rooms: the consortium's (consortium admins) or those one's member runs (its tenant admins)",
    roles: [Role.ConsortiumAdmin, Role.TenantAdmin],
  },
  manageQuotas: { description: 'Set the fair-use quotas of the shared spaces', roles: [Role.ConsortiumAdmin] },
  manageGuests: {
    description: 'Invite guest organisations (councils, health boards) and suspend or reactivate them',
    roles: [Role.ConsortiumAdmin],
  },
});

/**
 * Events go to the outbox of the member whose booking or venue it is, so a member's webhooks see
 * its own staff's bookings. A guest's bookings and the consortium's own venues have no member,
 * and so no outbox; the organisations' audit log records them (ADR 16).
 * Payloads carry ids and times only, never who booked or why.
 */
export const SpacesEvent = {
  Booked: 'spaces.booking.booked',
  CheckedIn: 'spaces.booking.checked_in',
  Cancelled: 'spaces.booking.cancelled',
  Released: 'spaces.booking.released',
  VenueSaved: 'spaces.venue.saved',
} as const;

export const spacesEvents = {
  [SpacesEvent.Booked]: { description: "A member's staff booked a desk or room: booking, space, venue, start and end." },
  [SpacesEvent.CheckedIn]: { description: "A member's booking was checked in." },
  [SpacesEvent.Cancelled]: { description: "A member's booking was cancelled before it started." },
  [SpacesEvent.Released]: { description: "A member's booking was not checked in by the end of its grace period, and its space was released." },
  [SpacesEvent.VenueSaved]: { description: 'A venue a member runs, or one of its desks or rooms, was added or changed.' },
};

/** The booking rules, in one place (docs/collaboration/spaces.md). */
export const BOOKING_RULES = {
  /** Check-in opens this long before the start... */
  checkInOpensMinutesBefore: 15,
  /** ...and closes this long after it; a booking not checked in by then is released. */
  checkInGraceMinutes: 30,
  /** The longest one booking may be. */
  maxHours: 12,
  /** How far ahead one may book. */
  maxDaysAhead: 90,
  /** How many alternatives a clash offers at most. */
  alternatives: 6,
} as const;

/** The fair-use quota when the consortium has set none. */
export const DEFAULT_SPACE_QUOTA = { hoursPerWeek: 40, openBookingsPerPerson: 10 } as const;

/** The queue of the spaces module's timed work (the no-show release). */
export const SPACES_QUEUE = 'hearth-spaces';
export const RELEASE_NO_SHOWS_JOB = 'spaces.release-no-shows';
export const RELEASE_EVERY_MS = 60_000;
