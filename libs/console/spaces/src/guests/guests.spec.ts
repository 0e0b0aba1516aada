import { SpacesGuestOrganisationsDocument, SpacesGuestStatusDocument, SpacesInviteGuestDocument } from '../graphql.generated';
import { all, button, cells, configure, fakeApi, render, settle, signIn, text, type, useLanguage, type FakeApi } from '@hearth/console-core/testing';
import { GuestsComponent } from './guests.component';

type Guest = { id: string; slug: string; name: string; kind: 'COUNCIL' | 'HEALTH_BOARD' | 'CHARITY' | 'OTHER'; active: boolean };

describe('guest organisations', () => {
  let api: FakeApi;
  let guests: Guest[];

  beforeEach(() => {
    api = fakeApi();
    configure(api);
    signIn(['consortium-admin'], null);
    guests = [{ id: 'g-1', slug: 'cardiff-council', name: 'Cardiff Council', kind: 'COUNCIL', active: true }];
    api.answer(SpacesGuestOrganisationsDocument, () => ({ guestOrganisations: { totalCount: guests.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: guests.map((node) => ({ node })) } }));
  });

  it('lists them, and suspends and reactivates one', async () => {
    api.answer(SpacesGuestStatusDocument, ({ active }) => {
      guests = guests.map((guest) => ({ ...guest, active }));
      return { setGuestOrganisationStatus: { __typename: 'GuestOrganisation' as const, ...guests[0] } };
    });
    const fixture = await render(GuestsComponent);
    expect(cells(fixture, '[data-testid="guests"]')).toEqual([['Cardiff Council', 'cardiff-council', 'Council', 'Active', 'Suspend']]);
    button(fixture, 'Suspend Cardiff Council').click();
    await settle(fixture);
    expect(text(fixture, '[data-testid="guests-message"]')).toBe('Cardiff Council is suspended: its people can no longer sign in.');
    expect(text(fixture, '[data-testid="guest-state"]')).toBe('Suspended');
    button(fixture, 'Reactivate Cardiff Council').click();
    await settle(fixture);
    expect(text(fixture, '[data-testid="guest-state"]')).toBe('Active');
  });

  it('invites one, saying what was done in Keycloak, and puts a taken short name on its field', async () => {
    api.answer(SpacesInviteGuestDocument, ({ input }) =>
      input.slug === 'cardiff-council'
        ? { inviteGuestOrganisation: { __typename: 'GuestOrganisationTaken' as const, code: 'GUEST_ORGANISATION_TAKEN', message: 'x', problems: [{ field: 'slug', message: 'The guest organisation cardiff-council already has the slug cardiff-council' }] } }
        : {
            inviteGuestOrganisation: {
              __typename: 'GuestOrganisationInvitation' as const, identityOutcome: 'skipped', identityDetail: 'x',
              guestOrganisation: { id: 'g-2', slug: input.slug, name: input.name, kind: input.kind, active: true },
            },
          },
    );
    const fixture = await render(GuestsComponent);
    button(fixture, 'Invite').click();
    await settle(fixture);
    expect(api.api.mutate).not.toHaveBeenCalled();
    type(fixture, '[formcontrolname="name"]', 'Cardiff Council');
    type(fixture, '[formcontrolname="slug"]', 'cardiff-council');
    button(fixture, 'Invite').click();
    await settle(fixture);
    expect(all(fixture, 'mat-error').map((e) => e.textContent?.trim())).toContain('The guest organisation cardiff-council already has the slug cardiff-council');

    type(fixture, '[formcontrolname="name"]', 'Cardiff and Vale University Health Board');
    type(fixture, '[formcontrolname="slug"]', 'cardiff-vale-uhb');
    type(fixture, '[formcontrolname="domains"]', 'wales.nhs.uk');
    button(fixture, 'Invite').click();
    await settle(fixture);
    expect(api.api.mutate).toHaveBeenLastCalledWith(SpacesInviteGuestDocument, {
      input: { name: 'Cardiff and Vale University Health Board', slug: 'cardiff-vale-uhb', kind: 'COUNCIL', domains: ['wales.nhs.uk'] },
    });
    expect(text(fixture, '[data-testid="guests-message"]')).toContain('Cardiff and Vale University Health Board is invited. Hearth could not make its Keycloak organisation');
  });

  it('speaks Welsh', async () => {
    const fixture = await render(GuestsComponent);
    useLanguage('cy');
    await settle(fixture);
    expect(text(fixture, 'h1')).toBe('Sefydliadau gwadd');
    expect(cells(fixture, '[data-testid="guests"]')[0]).toEqual(['Cardiff Council', 'cardiff-council', 'Cyngor', 'Gweithredol', 'Atal']);
  });
});
