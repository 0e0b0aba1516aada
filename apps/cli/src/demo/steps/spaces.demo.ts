import { join } from 'node:path';
import { instantAt, localTime } from '@hearth/collaboration-spaces';
import { DEMO_GUEST_ORGANISATIONS, demoSubject, loadDemoUsers } from '@hearth/demo';
import { systemActor, TransactionManager } from '@hearth/platform-database';
import type { DemoStep } from '../demo-step';

const WORKSPACE = join(__dirname, '../../../../..');
const LONDON = 'Europe/London';
const WEEKDAYS = (opens: string, closes: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens, closes }));

interface DemoSpace {
  kind: 'desk' | 'room';
  name: string;
  capacity?: number;
  amenities?: string[];
  accessibility?: string[];
}

interface DemoVenue {
  name: string;
  address: string;
  postcode: string;
  /** The member that runs it (by slug); the consortium when left out. */
  operator?: string;
  openingHours: { weekday: number; opens: string; closes: string }[];
  accessibilityNotes: string;
  spaces: DemoSpace[];
}

const VENUES: DemoVenue[] = [
  {
    name: 'Cardiff Collaboration Hub',
    address: '2 Heol y Frenhines, Cardiff',
    postcode: 'CF10 2BH',
    openingHours: WEEKDAYS('08:00', '18:00'),
    accessibilityNotes: 'Step-free entrance from Queen Street; lift to every floor; hearing loop at reception; accessible toilet on each floor.',
    spaces: [
      { kind: 'desk', name: 'Desk 1', accessibility: ['height-adjustable'] },
      { kind: 'desk', name: 'Desk 2', amenities: ['monitor'] },
      { kind: 'desk', name: 'Desk 3', amenities: ['monitor'] },
      { kind: 'desk', name: 'Desk 4', accessibility: ['step-free'] },
      { kind: 'desk', name: 'Desk 5' },
      { kind: 'desk', name: 'Desk 6', amenities: ['quiet-zone'] },
      { kind: 'room', name: 'Taff room', capacity: 10, amenities: ['screen', 'video-calls'], accessibility: ['hearing-loop', 'step-free'] },
      { kind: 'room', name: 'Ely room', capacity: 4, amenities: ['whiteboard'], accessibility: ['step-free'] },
    ],
  },
  {
    name: 'Swansea Waterfront Hub',
    address: '11 Ffordd y Brenin, Swansea',
    postcode: 'SA1 8PH',
    openingHours: WEEKDAYS('08:30', '17:30'),
    accessibilityNotes: 'Ground-floor rooms; two accessible parking bays at the front.',
    spaces: [
      { kind: 'desk', name: 'Desk A' },
      { kind: 'desk', name: 'Desk B', accessibility: ['height-adjustable'] },
      { kind: 'room', name: 'Tawe room', capacity: 6, amenities: ['screen'], accessibility: ['step-free'] },
    ],
  },
  {
    name: 'Aber Housing, Aberystwyth office',
    address: 'Swyddfa Tai Aber, Stryd y Bont, Aberystwyth',
    postcode: 'SY23 1PZ',
    operator: 'aber-housing',
    openingHours: WEEKDAYS('09:00', '17:00'),
    accessibilityNotes: 'Step-free access by the side door on Stryd y Bont; ring the bell for the lift.',
    spaces: [
      { kind: 'desk', name: 'Hot desk 1' },
      { kind: 'desk', name: 'Hot desk 2' },
      { kind: 'room', name: 'Ystafell Rheidol', capacity: 6, amenities: ['screen', 'video-calls'] },
    ],
  },
];

interface DemoBooking {
  venue: string;
  space: string;
  /** Working days from today (negative: past). */
  day: number;
  from: string;
  to: string;
  purpose: string;
  status?: 'checked_in' | 'released';
  attendees?: number;
}

/** Each organisation has desks of its own in the plan, so the demo's bookings never clash. */
const BOOKINGS: Record<string, DemoBooking[]> = {
  'aber-housing': [
    { venue: 'Cardiff Collaboration Hub', space: 'Desk 1', day: 1, from: '09:30', to: '16:30', purpose: 'Meeting the council’s homelessness team' },
    { venue: 'Cardiff Collaboration Hub', space: 'Taff room', day: 2, from: '10:00', to: '12:00', purpose: 'Occupation contracts training', attendees: 8 },
    { venue: 'Aber Housing, Aberystwyth office', space: 'Ystafell Rheidol', day: 3, from: '14:00', to: '15:30', purpose: 'Tenant panel', attendees: 5 },
    { venue: 'Cardiff Collaboration Hub', space: 'Desk 1', day: -2, from: '09:00', to: '13:00', purpose: 'Casework', status: 'checked_in' },
    { venue: 'Cardiff Collaboration Hub', space: 'Taff room', day: -3, from: '13:00', to: '15:00', purpose: 'Board papers', status: 'checked_in', attendees: 6 },
    { venue: 'Swansea Waterfront Hub', space: 'Desk A', day: -5, from: '09:00', to: '17:00', purpose: 'Site visits', status: 'released' },
  ],
  'millbrook-homes': [
    { venue: 'Cardiff Collaboration Hub', space: 'Desk 2', day: 1, from: '10:00', to: '12:00', purpose: 'Partnership meeting with Cardiff Council' },
    { venue: 'Cardiff Collaboration Hub', space: 'Ely room', day: 2, from: '13:00', to: '14:00', purpose: 'Damp and mould case review', attendees: 3 },
    { venue: 'Cardiff Collaboration Hub', space: 'Desk 2', day: -1, from: '09:00', to: '17:00', purpose: 'Working from the hub', status: 'checked_in' },
    { venue: 'Swansea Waterfront Hub', space: 'Tawe room', day: -4, from: '10:00', to: '12:00', purpose: 'Contractor meeting', status: 'checked_in', attendees: 4 },
    { venue: 'Cardiff Collaboration Hub', space: 'Desk 3', day: -6, from: '09:00', to: '12:00', purpose: 'Casework', status: 'released' },
  ],
  'thistle-housing': [
    { venue: 'Cardiff Collaboration Hub', space: 'Desk 5', day: 4, from: '09:00', to: '17:00', purpose: 'Visiting the Welsh members' },
    { venue: 'Cardiff Collaboration Hub', space: 'Desk 5', day: -7, from: '09:00', to: '17:00', purpose: 'Visiting the Welsh members', status: 'checked_in' },
  ],
  'cardiff-council': [
    { venue: 'Cardiff Collaboration Hub', space: 'Desk 4', day: 1, from: '13:00', to: '17:00', purpose: 'Joint housing options surgery' },
    { venue: 'Cardiff Collaboration Hub', space: 'Taff room', day: 3, from: '10:00', to: '11:30', purpose: 'Safeguarding panel', attendees: 7 },
    { venue: 'Cardiff Collaboration Hub', space: 'Desk 4', day: -1, from: '09:00', to: '13:00', purpose: 'Homelessness prevention casework', status: 'checked_in' },
    { venue: 'Cardiff Collaboration Hub', space: 'Ely room', day: -2, from: '14:00', to: '16:00', purpose: 'Adaptations review', status: 'checked_in', attendees: 4 },
    { venue: 'Cardiff Collaboration Hub', space: 'Desk 6', day: -4, from: '09:00', to: '12:00', purpose: 'Casework', status: 'released' },
  ],
};

/**
 * The shared spaces: the demo's guest organisation (Cardiff Council), the consortium's venues and
 * one a member runs, and each organisation's bookings, past (for the usage report) and coming
 * (for the availability grid and "My bookings"). Venues and the guest are the consortium's and
 * made once, whichever member runs first; each organisation's bookings are made in its own name.
 */
export const spacesDemo: DemoStep = {
  name: 'shared spaces',
  modules: ['spaces'],
  async run(app, member) {
    const transactions = app.get(TransactionManager);
    // The consortium's part commits first, in a unit of work of its own, so the guest's unit below sees it.
    const added = await transactions.run({ actor: systemActor('demo:seed') }, () => consortiumSetUp(transactions));
    added.push(...(await book(transactions, member.keycloakOrganization, member.id)));
    for (const guest of DEMO_GUEST_ORGANISATIONS) {
      const [row] = await transactions.query<{ id: string }>(`select id from hearth.guest_organisation where slug = $1`, [guest.slug]);
      // The guest's own unit of work: its bookings are written bound to it, as its people's are.
      const made = await transactions.run({ actor: systemActor('demo:seed'), guestOrganisationId: row.id }, () => book(transactions, guest.slug, row.id));
      added.push(...made.map((line) => `${guest.name}: ${line}`));
    }
    return added;
  },
};

async function consortiumSetUp(transactions: TransactionManager): Promise<string[]> {
  return transactions.asConsortium(async () => {
    const added: string[] = [];
    for (const guest of DEMO_GUEST_ORGANISATIONS) {
      const { length } = await transactions.query(`select 1 from hearth.guest_organisation where slug = $1`, [guest.slug]);
      if (length) continue;
      await transactions.query(
        `insert into hearth.guest_organisation (slug, name, kind, keycloak_organization, invited_by) values ($1, $2, $3, $1, 'demo')`,
        [guest.slug, guest.name, guest.kind],
      );
      added.push(`guest organisation ${guest.name}`);
    }
    for (const venue of VENUES) {
      const [existing] = await transactions.query<{ id: string }>(`select id from hearth.venue where name = $1`, [venue.name]);
      if (existing) continue;
      const [{ id }] = await transactions.query<{ id: string }>(
        `insert into hearth.venue (organisation_id, name, address, postcode, opening_hours, accessibility_notes)
         values ((select id from hearth.tenant where slug = $1), $2, $3, $4, $5::jsonb, $6) returning id`,
        [venue.operator ?? null, venue.name, venue.address, venue.postcode, JSON.stringify(venue.openingHours), venue.accessibilityNotes],
      );
      for (const space of venue.spaces) {
        await transactions.query(
          `insert into hearth.bookable_space (venue_id, kind, name, capacity, amenities, accessibility) values ($1, $2, $3, $4, $5, $6)`,
          [id, space.kind, space.name, space.capacity ?? 1, space.amenities ?? [], space.accessibility ?? []],
        );
      }
      added.push(`venue ${venue.name} with ${venue.spaces.length} desks and rooms`);
    }
    return added;
  });
}

/** An organisation's bookings, by its first demo user, once: in the unit of work bound to it. */
async function book(transactions: TransactionManager, organization: string, organisationId: string): Promise<string[]> {
  const plan = BOOKINGS[organization] ?? [];
  const { length } = await transactions.query(`select 1 from hearth.space_booking limit 1`);
  if (!plan.length || length) return [];
  const person = (await loadDemoUsers(join(WORKSPACE, 'tenants'))).find((user) => user.organization === organization);
  if (!person) return [];
  const today = localTime(new Date(), LONDON).day;
  let made = 0;
  for (const booking of plan) {
    const day = workingDay(today, booking.day);
    const rows = await transactions.query(
      `insert into hearth.space_booking (organisation_id, space_id, booked_by, booked_by_name, during, purpose, attendees, status, checked_in_at, released_at)
       select $1, s.id, $2, $3, tstzrange($4, $5, '[)'), $6, $7, $8,
              case when $8 = 'checked_in' then $4::timestamptz + interval '5 minutes' end,
              case when $8 = 'released' then $4::timestamptz + interval '30 minutes' end
       from hearth.bookable_space s join hearth.venue v on v.id = s.venue_id
       where v.name = $9 and s.name = $10
       returning id`,
      [
        organisationId, demoSubject(person.email), person.name, instantAt(day, minutes(booking.from), LONDON), instantAt(day, minutes(booking.to), LONDON),
        booking.purpose, booking.attendees ?? 1, booking.status ?? 'booked', booking.venue, booking.space,
      ],
    );
    made += rows.length;
  }
  return made ? [`${made} bookings of desks and rooms`] : [];
}

/** The working day `offset` working days from `today` (Monday to Friday; 0 is today). */
function workingDay(today: string, offset: number): string {
  const step = offset < 0 ? -1 : 1;
  let day = today;
  for (let left = Math.abs(offset); left > 0; ) {
    day = addDays(day, step);
    if (isWeekday(day)) left--;
  }
  return day;
}

function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

function isWeekday(day: string): boolean {
  const [year, month, date] = day.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function minutes(time: string): number {
  const [hours, mins] = time.split(':').map(Number);
  return hours * 60 + mins;
}
