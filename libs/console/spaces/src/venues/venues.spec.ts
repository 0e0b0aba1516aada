import { SpacesSaveSpaceDocument, SpacesSaveVenueDocument, SpacesVenuesDocument, type SpacesVenuesQuery } from '../graphql.generated';
import { all, button, configure, fakeApi, MILLBROOK, render, settle, signIn, text, type, type FakeApi } from '@hearth/console-core/testing';
import { tagsOf, VenuesComponent } from './venues.component';

type Venue = SpacesVenuesQuery['venues']['edges'][number]['node'];
const HUB: Venue = {
  id: 'v-1', name: 'Cardiff Hub', address: '2 Heol y Frenhines, Cardiff', postcode: 'CF10 2BH', accessibilityNotes: '', active: true,
  operatorName: 'Hearth consortium', operatorMemberId: null, openingHours: [{ weekday: 1, opens: '08:00', closes: '18:00' }],
  spaces: [{ id: 's-1', venueId: 'v-1', kind: 'DESK', name: 'Desk 1', capacity: 1, amenities: [], accessibility: ['height-adjustable'], active: true }],
};
const OFFICE: Venue = { ...HUB, id: 'v-2', name: 'Millbrook House', operatorName: 'Millbrook Homes', operatorMemberId: MILLBROOK.id, spaces: [] };

describe('venues', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = fakeApi();
    configure(api);
    api.answer(SpacesVenuesDocument, () => ({ venues: { totalCount: 2, edges: [{ node: HUB }, { node: OFFICE }] } }));
  });

  it('offers a tenant admin its own venues to change, and not the consortium’s', async () => {
    signIn(['tenant-admin']);
    const fixture = await render(VenuesComponent);
    expect(all(fixture, '[data-venue="Cardiff Hub"] button')).toHaveLength(0);
    expect(all(fixture, '[data-venue="Millbrook House"] button').map((b) => b.textContent?.trim())).toEqual(['Edit', 'Add a desk or room']);
    expect(text(fixture, '[data-venue="Cardiff Hub"] .meta:nth-of-type(2)')).toContain('Monday 08:00–18:00; Tuesday Closed');
  });

  it('adds a venue with its opening hours, and puts the API’s problems on their fields', async () => {
    signIn(['consortium-admin'], null);
    api.answer(SpacesSaveVenueDocument, () => ({
      saveVenue: { __typename: 'VenueInvalid' as const, code: 'VENUE_INVALID', message: 'x', problems: [{ field: 'name', message: 'There is already a venue called Cardiff Hub' }, { field: 'openingHours[0].closes', message: 'closes must be after opens' }] },
    }));
    const fixture = await render(VenuesComponent);
    button(fixture, 'Add a venue').click();
    await settle(fixture);
    type(fixture, '[formcontrolname="name"]', 'cardiff hub');
    type(fixture, '[formcontrolname="address"]', '1 Stryd y Castell');
    type(fixture, '[formcontrolname="postcode"]', 'CF10 1BS');
    button(fixture, 'Save venue').click();
    await settle(fixture);
    expect(api.api.mutate).toHaveBeenCalledWith(SpacesSaveVenueDocument, {
      input: expect.objectContaining({
        id: null, name: 'cardiff hub', postcode: 'CF10 1BS', active: true,
        openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '17:00' })),
      }),
    });
    const errors = all(fixture, 'mat-error').map((error) => error.textContent?.trim());
    expect(errors).toEqual(expect.arrayContaining(['There is already a venue called Cardiff Hub', 'closes must be after opens']));
  });

  it('adds a desk or room, with its amenities and access as words', async () => {
    signIn(['consortium-admin'], null);
    api.answer(SpacesSaveSpaceDocument, ({ input }) => ({ saveBookableSpace: { __typename: 'BookableSpace' as const, id: 's-9', venueId: 'v-1', kind: input.kind, name: input.name, capacity: input.capacity, amenities: input.amenities ?? [], accessibility: input.accessibility ?? [], active: true } }));
    const fixture = await render(VenuesComponent);
    all(fixture, '[data-venue="Cardiff Hub"] button').find((b) => b.textContent?.includes('Add a desk or room'))!.click();
    await settle(fixture);
    type(fixture, '[data-testid="space-form"] [formcontrolname="name"]', 'Desk 2');
    type(fixture, '[data-testid="space-form"] [formcontrolname="accessibility"]', 'Step free, hearing loop');
    button(fixture, 'Save desk or room').click();
    await settle(fixture);
    expect(api.api.mutate).toHaveBeenCalledWith(SpacesSaveSpaceDocument, {
      input: { id: null, venueId: 'v-1', kind: 'DESK', name: 'Desk 2', capacity: 1, amenities: [], accessibility: ['step-free', 'hearing-loop'], active: true },
    });
    expect(text(fixture, '[data-testid="venues-message"]')).toBe('Desk 2 is saved.');
  });

  it('reads tags people type', () => {
    expect(tagsOf(' Screen,video calls, screen ,')).toEqual(['screen', 'video-calls']);
  });
});
