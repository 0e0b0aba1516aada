import { SpacesAvailabilityDocument, SpacesBookDocument, SpacesQuotaDocument, SpacesVenuesDocument, type SpacesAvailabilityQuery, type SpacesSpaceFragment } from '../graphql.generated';
import { all, button, configure, fakeApi, render, settle, signIn, text, type, useLanguage, type FakeApi } from '@hearth/console-core/testing';
import { signInGuest } from '../testing/spaces-testing';
import { availabilityGrid } from './availability-grid';
import { FindSpacesComponent } from './find-spaces.component';

const DAY = '2099-06-01';
const desk = (id: string, name: string, accessibility: string[] = []): SpacesSpaceFragment => ({
  id, venueId: 'v-1', kind: 'DESK', name, capacity: 1, amenities: [], accessibility, active: true,
});
const ROOM: SpacesSpaceFragment = { id: 's-room', venueId: 'v-1', kind: 'ROOM', name: 'Taff room', capacity: 8, amenities: ['screen'], accessibility: ['hearing-loop'], active: true };
const DESK_1 = desk('s-1', 'Desk 1', ['height-adjustable']);
const DESK_2 = desk('s-2', 'Desk 2');
const VENUE = {
  id: 'v-1', name: 'Cardiff Hub', address: '2 Heol y Frenhines, Cardiff', postcode: 'CF10 2BH', accessibilityNotes: 'Step-free entrance.', active: true,
  operatorName: 'Hearth consortium', operatorMemberId: null, openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '13:00' })),
  spaces: [DESK_1, DESK_2, ROOM],
};
// 1 June 2099 is in British Summer Time: 10:00 in Cardiff is 09:00Z.
function availability(): SpacesAvailabilityQuery {
  return {
    spaceAvailability: {
      date: DAY, opensAt: `${DAY}T08:00:00Z`, closesAt: `${DAY}T12:00:00Z`, hours: { weekday: 1, opens: '09:00', closes: '13:00' },
      spaces: [
        { space: DESK_1, taken: [{ start: `${DAY}T08:00:00Z`, end: `${DAY}T09:00:00Z`, mine: true, bookingId: 'b-mine' }] },
        { space: DESK_2, taken: [{ start: `${DAY}T09:30:00Z`, end: `${DAY}T10:30:00Z`, mine: false, bookingId: null }] },
        { space: ROOM, taken: [] },
      ],
    },
  };
}

describe('finding and booking a space', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = fakeApi();
    configure(api);
    api.answer(SpacesVenuesDocument, () => ({ venues: { totalCount: 1, edges: [{ node: VENUE }] } }));
    api.answer(SpacesAvailabilityDocument, () => availability());
    api.answer(SpacesQuotaDocument, () => ({ spaceQuota: { weekStarting: DAY, hoursBooked: 3, openBookings: 1, quota: { hoursPerWeek: 40, openBookingsPerPerson: 10 } } }));
  });

  async function open() {
    const fixture = await render(FindSpacesComponent);
    type(fixture, '[data-testid="date"]', DAY);
    await settle(fixture);
    return fixture;
  }

  const grid = (fixture: Awaited<ReturnType<typeof open>>) =>
    all(fixture, '[data-testid="availability"] tbody tr').map((row) => [row.getAttribute('data-space'), ...Array.from(row.querySelectorAll('td')).map((cell) => cell.getAttribute('data-state'))]);

  it("shows the venue's day as hours free, taken (never by whom) and one's own", async () => {
    signIn(['housing-officer']);
    const fixture = await open();
    expect(text(fixture, '[data-testid="opening"]')).toBe('Open on Monday 1 Jun 2099 from 09:00 to 13:00.');
    expect(text(fixture, '[data-testid="quota"]')).toBe('Your organisation has booked 3 of its 40 hours this week.');
    expect(grid(fixture)).toEqual([
      ['Desk 1', 'mine', 'free', 'free', 'free'],
      ['Desk 2', 'free', 'taken', 'taken', 'free'],
      ['Taff room', 'free', 'free', 'free', 'free'],
    ]);
    expect(text(fixture, '[data-space="Desk 2"] td[data-time="10:00"]')).toBe('Taken');
    expect(text(fixture, '[data-space="Desk 1"] td[data-time="09:00"]')).toBe('Yours');
  });

  it('filters by kind, seats and accessibility', async () => {
    signInGuest();
    const fixture = await open();
    const checkbox = all(fixture, 'mat-checkbox').find((box) => box.textContent?.includes('hearing-loop'))!;
    checkbox.querySelector('input')!.click();
    await settle(fixture);
    expect(grid(fixture).map((row) => row[0])).toEqual(['Taff room']);
  });

  it('books a free hour picked in the grid, and says so', async () => {
    signIn(['housing-officer']);
    api.answer(SpacesBookDocument, ({ input }) => ({
      bookSpace: {
        __typename: 'SpaceBooking' as const, id: 'b-1', start: input.start as string, end: input.end as string, status: 'BOOKED' as const, purpose: '', attendees: 1,
        bookedByName: 'Sam Patel', checkInOpensAt: '', checkInClosesAt: '', space: { id: 's-2', name: 'Desk 2', kind: 'DESK' as const, venue: { id: 'v-1', name: 'Cardiff Hub' } },
      },
    }));
    const fixture = await open();
    button(fixture, 'Free: book Desk 2 from 12:00').click();
    await settle(fixture);
    type(fixture, '[formcontrolname="purpose"]', 'Tenancy audit');
    button(fixture, 'Book').click();
    await settle(fixture);
    expect(api.api.mutate).toHaveBeenCalledWith(SpacesBookDocument, {
      input: { spaceId: 's-2', start: '2099-06-01T11:00:00.000Z', end: '2099-06-01T12:00:00.000Z', attendees: 1, purpose: 'Tenancy audit' },
    });
    expect(text(fixture, '[data-testid="book-outcome"]')).toBe('Desk 2 is booked for you, 1 Jun 2099, 12:00–13:00.');
    // The form is empty again, and shows no errors for the fields it emptied.
    expect(all(fixture, 'mat-error')).toHaveLength(0);
  });

  it('offers what is free when the time is taken, and books an alternative', async () => {
    signInGuest();
    api.answer(SpacesBookDocument, ({ input }) =>
      input.spaceId === 's-2'
        ? {
            bookSpace: {
              __typename: 'BookingClash' as const, code: 'BOOKING_CLASH', message: 'Desk 2 is already booked for some of that time',
              alternatives: [
                { sameSpace: false, start: `${DAY}T09:00:00Z`, end: `${DAY}T10:00:00Z`, space: DESK_1 },
                { sameSpace: true, start: `${DAY}T10:30:00Z`, end: `${DAY}T11:30:00Z`, space: DESK_2 },
              ],
            },
          }
        : {
            bookSpace: {
              __typename: 'SpaceBooking' as const, id: 'b-2', start: input.start as string, end: input.end as string, status: 'BOOKED' as const, purpose: '', attendees: 1,
              bookedByName: 'Rhian Lloyd', checkInOpensAt: '', checkInClosesAt: '', space: { id: 's-1', name: 'Desk 1', kind: 'DESK' as const, venue: { id: 'v-1', name: 'Cardiff Hub' } },
            },
          },
    );
    const fixture = await open();
    button(fixture, 'Free: book Desk 2 from 09:00').click();
    await settle(fixture);
    // Someone else took the rest of the morning meanwhile: the booking asks 09:00 to 11:00.
    type(fixture, '[data-testid="book-end"]', '11:00');
    button(fixture, 'Book').click();
    await settle(fixture);
    expect(text(fixture, '[data-testid="book-outcome"]')).toBe('That time is taken. These are free instead:');
    expect(all(fixture, '[data-testid="alternatives"] li > span').map((span) => span.textContent?.trim())).toEqual(['Desk 1, same time', 'Same place, 1 Jun 2099, 11:30–12:30']);
    button(fixture, 'Book this: Desk 1, 1 Jun 2099, 10:00–11:00').click();
    await settle(fixture);
    expect(api.api.mutate).toHaveBeenLastCalledWith(SpacesBookDocument, { input: expect.objectContaining({ spaceId: 's-1', start: `${DAY}T09:00:00Z`.replace('Z', '.000Z') }) });
    expect(text(fixture, '[data-testid="book-outcome"]')).toContain('Desk 1 is booked for you');
  });

  it('explains a quota refused, and the rules the API found broken, on their fields', async () => {
    signIn(['housing-officer']);
    api.answer(SpacesBookDocument, () => ({
      bookSpace: { __typename: 'BookingQuotaExceeded' as const, code: 'BOOKING_QUOTA_EXCEEDED', message: 'x', quota: 'HOURS_PER_WEEK', limit: 40, used: 39, requested: 2, weekStarting: DAY },
    }));
    const fixture = await open();
    button(fixture, 'Free: book Taff room from 09:00').click();
    await settle(fixture);
    button(fixture, 'Book').click();
    await settle(fixture);
    expect(text(fixture, '[data-testid="book-outcome"]')).toBe('Your organisation has booked 39 of its 40 hours that week; this booking needs 2 more.');

    api.answer(SpacesBookDocument, () => ({
      bookSpace: { __typename: 'BookingInvalid' as const, code: 'BOOKING_INVALID', message: 'x', problems: [{ field: 'attendees', message: 'Taff room seats 8' }, { field: 'other', message: 'Something else' }] },
    }));
    button(fixture, 'Book').click();
    await settle(fixture);
    expect(all(fixture, 'mat-error').map((error) => error.textContent?.trim())).toContain('Taff room seats 8');
    expect(text(fixture, '.problems')).toBe('Something else');
  });

  it('speaks Welsh', async () => {
    signInGuest();
    const fixture = await open();
    useLanguage('cy');
    await settle(fixture);
    expect(text(fixture, 'h1')).toBe('Mannau a rennir');
    expect(text(fixture, '[data-testid="opening"]')).toBe('Ar agor ar Dydd Llun 1 Meh 2099 o 09:00 tan 13:00.');
    expect(text(fixture, '[data-space="Desk 2"] td[data-time="10:00"]')).toBe('Wedi’i gymryd');
  });
});

describe('the availability grid', () => {
  it('marks hours past as past, and a booking overlapping any of an hour as taking it', () => {
    const { times, rows } = availabilityGrid(
      '2030-01-07',
      { opens: '08:30', closes: '11:00' },
      [{ space: 'Desk', taken: [{ start: '2030-01-07T09:45:00Z', end: '2030-01-07T10:00:00Z', mine: false }] }],
      new Date('2030-01-07T09:40:00Z'),
    );
    expect(times).toEqual(['08:30', '09:30', '10:30']);
    expect(rows[0].cells.map((cell) => cell.state)).toEqual(['past', 'taken', 'free']);
  });

  it('has no hours on a day the venue is closed', () => {
    expect(availabilityGrid('2030-01-05', null, [], new Date())).toEqual({ times: [], rows: [] });
  });
});
