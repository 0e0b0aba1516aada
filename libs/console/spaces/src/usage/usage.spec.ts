import { SpacesQuotasDocument, SpacesSetQuotaDocument, SpacesUsageDocument, type SpacesUsageQuery } from '../graphql.generated';
import { all, button, cells, configure, fakeApi, render, settle, signIn, text, type, type FakeApi } from '@hearth/console-core/testing';
import { monthOf, UsageComponent } from './usage.component';

const REPORT: SpacesUsageQuery = {
  spaceUsageReport: {
    from: '2030-11-01', to: '2030-11-30', allOrganisations: true,
    organisations: [
      { organisationId: 'm-1', organisationName: 'Millbrook Homes', organisationKind: 'MEMBER', bookings: 3, hoursBooked: 6, hoursUsed: 5, noShows: 1, cancellations: 0, shareOfHoursUsed: 0.8333 },
      { organisationId: 'g-1', organisationName: 'Cardiff Council', organisationKind: 'GUEST', bookings: 1, hoursBooked: 1, hoursUsed: 1, noShows: 0, cancellations: 0, shareOfHoursUsed: 0.1667 },
    ],
    rows: [
      { organisationId: 'g-1', organisationName: 'Cardiff Council', venueId: 'v-1', venueName: 'Cardiff Hub', bookings: 1, hoursBooked: 1, hoursUsed: 1, noShows: 0, cancellations: 0 },
      { organisationId: 'm-1', organisationName: 'Millbrook Homes', venueId: 'v-1', venueName: 'Cardiff Hub', bookings: 3, hoursBooked: 6, hoursUsed: 5, noShows: 1, cancellations: 0 },
    ],
  },
};

describe('space usage', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = fakeApi();
    configure(api);
    api.answer(SpacesUsageDocument, () => REPORT);
    api.answer(SpacesQuotasDocument, () => ({ spaceQuotas: [{ organisationId: null, organisationName: null, hoursPerWeek: 40, openBookingsPerPerson: 10 }] }));
  });

  it('shows each organisation’s use as a chart and a table, for sharing costs', async () => {
    signIn(['consortium-admin'], null);
    const fixture = await render(UsageComponent);
    expect(cells(fixture, '[data-testid="usage-totals"]')).toEqual([
      ['Millbrook Homes', 'Member', '3', '6', '5', '1', '0', '83.3%'],
      ['Cardiff Council', 'Guest', '1', '1', '1', '0', '0', '16.7%'],
    ]);
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="bar-chart"]')!.getAttribute('aria-label')).toBe('Hours used: Millbrook Homes 5 h, Cardiff Council 1 h.');
    expect(cells(fixture, '[data-testid="usage-rows"]')[1]).toEqual(['Millbrook Homes', 'Cardiff Hub', '3', '6', '5', '1']);
  });

  it('lets consortium admins set the default quota, and nobody else see the form', async () => {
    signIn(['consortium-admin'], null);
    api.answer(SpacesSetQuotaDocument, ({ input }) => ({ setSpaceQuota: { __typename: 'SpaceQuota' as const, organisationId: null, hoursPerWeek: input.hoursPerWeek, openBookingsPerPerson: input.openBookingsPerPerson } }));
    const fixture = await render(UsageComponent);
    type(fixture, '[formcontrolname="hoursPerWeek"]', '25');
    button(fixture, 'Save quota').click();
    await settle(fixture);
    expect(api.api.mutate).toHaveBeenCalledWith(SpacesSetQuotaDocument, { input: { organisationId: null, hoursPerWeek: 25, openBookingsPerPerson: 10 } });
    expect(text(fixture, '[data-testid="quota-form"] .message')).toBe('The quota is saved.');
  });

  it('asks for the period chosen, and shows a member its own organisation only', async () => {
    signIn(['housing-officer']);
    api.answer(SpacesUsageDocument, () => ({ spaceUsageReport: { ...REPORT.spaceUsageReport, allOrganisations: false, organisations: [], rows: [] } }));
    const fixture = await render(UsageComponent);
    expect(all(fixture, '[data-testid="quota-form"]')).toHaveLength(0);
    type(fixture, '[data-testid="usage-from"]', '2030-10-01');
    button(fixture, 'Show').click();
    await settle(fixture);
    expect(api.api.query).toHaveBeenLastCalledWith(SpacesUsageDocument, expect.objectContaining({ from: '2030-10-01' }));
    expect(text(fixture, '.empty')).toBe('No bookings in that period.');
  });

  it('starts on the month of today', () => {
    expect(monthOf('2028-02-14')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});
