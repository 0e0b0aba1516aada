import { SpacesCalendarFeedDocument, SpacesCancelDocument, SpacesCheckInDocument, SpacesMyBookingsDocument, SpacesRotateCalendarFeedDocument, type SpacesBookingFragment } from '../graphql.generated';
import { all, button, configure, fakeApi, render, settle, text, useLanguage, type FakeApi } from '@hearth/console-core/testing';
import { signInGuest } from '../testing/spaces-testing';
import { MyBookingsComponent } from './my-bookings.component';

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
function booking(id: string, startIn: number, status: SpacesBookingFragment['status'] = 'BOOKED'): SpacesBookingFragment {
  return {
    id, start: minutes(startIn), end: minutes(startIn + 60), status, purpose: '', attendees: 1, bookedByName: 'Rhian Lloyd',
    checkInOpensAt: minutes(startIn - 15), checkInClosesAt: minutes(startIn + 30),
    space: { id: `s-${id}`, name: `Desk ${id}`, kind: 'DESK', venue: { id: 'v-1', name: 'Cardiff Hub' } },
  };
}

describe('my bookings', () => {
  let api: FakeApi;
  let bookings: SpacesBookingFragment[];

  beforeEach(() => {
    api = fakeApi();
    configure(api);
    signInGuest();
    bookings = [booking('1', 5), booking('2', 24 * 60)];
    api.answer(SpacesMyBookingsDocument, () => ({ mySpaceBookings: { totalCount: bookings.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: bookings.map((node) => ({ node })) } }));
    api.answer(SpacesCalendarFeedDocument, () => ({ mySpaceCalendarFeed: { active: false, createdAt: null, url: null } }));
  });

  it('offers check-in only while it is open, and cancelling only before the start', async () => {
    const fixture = await render(MyBookingsComponent);
    const actions = all(fixture, '[data-testid="my-bookings"] tbody tr').map((row) => Array.from(row.querySelectorAll('button')).map((b) => b.textContent?.trim()));
    expect(actions).toEqual([['Check in', 'Cancel'], ['Cancel']]);
    expect(all(fixture, '[data-testid="booking-status"]').map((cell) => cell.textContent?.trim())).toEqual(['Booked', 'Booked']);
  });

  it('checks in, and cancels, saying so', async () => {
    api.answer(SpacesCheckInDocument, ({ id }) => {
      bookings = bookings.map((b) => (b.id === id ? { ...b, status: 'CHECKED_IN' as const } : b));
      return { checkInSpaceBooking: { __typename: 'SpaceBooking' as const, ...bookings[0] } };
    });
    api.answer(SpacesCancelDocument, () => ({ cancelSpaceBooking: { __typename: 'BookingNotYours' as const, code: 'BOOKING_NOT_YOURS', message: 'x' } }));
    const fixture = await render(MyBookingsComponent);
    button(fixture, 'Check in to Desk 1').click();
    await settle(fixture);
    expect(text(fixture, '[data-testid="booking-change"]')).toBe('You are checked in to Desk 1.');
    expect(text(fixture, '[data-booking="1"] [data-testid="booking-status"]')).toBe('Checked in');
    button(fixture, /Cancel/).click();
    await settle(fixture);
    expect(text(fixture, '[data-testid="booking-change"]')).toBe('Only the person who booked, or a tenant admin of your organisation, can cancel it.');
  });

  it('makes a calendar address, shown once, and offers a new one after', async () => {
    api.answer(SpacesRotateCalendarFeedDocument, () => ({ rotateSpaceCalendarFeed: { active: true, createdAt: '2030-01-01T09:00:00Z', url: 'https://api.example/calendar/feeds/abc.ics' } }));
    const fixture = await render(MyBookingsComponent);
    expect(text(fixture, '[data-testid="calendar-feed"]')).toContain('You have no calendar address yet.');
    button(fixture, 'Get a calendar address').click();
    await settle(fixture);
    expect((fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('[data-testid="feed-url"]')!.value).toBe('https://api.example/calendar/feeds/abc.ics');
    expect(text(fixture, '[data-testid="calendar-feed"]')).toContain('Copy it now: it will not be shown again.');
  });

  it('says when there are none, in Welsh too', async () => {
    bookings = [];
    const fixture = await render(MyBookingsComponent);
    expect(text(fixture, '.empty')).toBe('You have no bookings.');
    useLanguage('cy');
    await settle(fixture);
    expect(text(fixture, '.empty')).toBe('Does gennych chi ddim archebion.');
    expect(text(fixture, 'h1')).toBe('Fy archebion');
  });
});
