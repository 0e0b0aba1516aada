import {
  IntegrationsCreateEndpointDocument,
  IntegrationsDeliveryLogDocument,
  IntegrationsEndpointDetailDocument,
  IntegrationsEndpointListDocument,
  IntegrationsEventTypesDocument,
  IntegrationsReplayDeliveryDocument,
  type IntegrationsDeliveryFragment,
  type IntegrationsEndpointFragment,
} from '../../graphql.generated';
import { all, button, cells, configure, fakeApi, render, settle, signIn, text, type, useLanguage, type FakeApi } from '@hearth/console-core/testing';
import { EndpointDetailComponent } from './endpoint-detail/endpoint-detail.component';
import { EndpointListComponent } from './endpoint-list/endpoint-list.component';
import { NewEndpointComponent } from './new-endpoint/new-endpoint.component';
import { EndpointStore } from './webhook-endpoint.store';

const ENDPOINT: IntegrationsEndpointFragment = {
  id: 'e-1',
  url: 'https://acme.example/hooks',
  description: 'Acme job system',
  eventTypes: ['*'],
  status: 'ACTIVE',
  disabledReason: null,
  disabledAt: null,
  failingSince: null,
  lastSuccessAt: '2030-05-01T09:00:00Z',
  previousSecretExpiresAt: null,
  secretRotatedAt: null,
  createdAt: '2030-04-01T09:00:00Z',
  createdBy: 'Sam Patel',
};

const DELIVERY: IntegrationsDeliveryFragment = {
  id: 'd-1',
  webhookId: 'msg_1',
  eventType: 'repairs.repair.reported',
  aggregateType: 'repair',
  aggregateId: 'r-1',
  occurredAt: '2030-05-01T09:00:00Z',
  status: 'FAILED',
  attempts: 8,
  replays: 0,
  nextAttemptAt: null,
  lastAttemptAt: '2030-05-02T12:00:00Z',
  lastResponseStatus: 500,
  lastError: 'HTTP 500',
};

const EVENT_TYPES = {
  webhookEventTypes: [
    { type: 'repairs.repair.reported', description: 'A repair was reported', module: 'repairs' },
    { type: 'webhooks.test', description: 'A test event', module: 'webhooks' },
  ],
};

function connection<T>(nodes: T[]) {
  return { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map((node) => ({ node })) };
}

describe('webhooks', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = fakeApi();
    configure(api);
    signIn(['tenant-admin']);
    api.answer(IntegrationsEventTypesDocument, () => EVENT_TYPES);
  });

  it('lists endpoints with their events, status and last delivery', async () => {
    api.answer(IntegrationsEndpointListDocument, () => ({
      webhookEndpoints: connection([
        { ...ENDPOINT, latest: connection([{ id: 'd-1', eventType: 'webhooks.test', status: 'SUCCEEDED' as const, occurredAt: DELIVERY.occurredAt, lastAttemptAt: null }]) },
        { ...ENDPOINT, id: 'e-2', eventTypes: ['webhooks.test'], status: 'DISABLED' as const, latest: connection([]) },
      ]),
    }));
    const fixture = await render(EndpointListComponent);
    const rows = cells(fixture, 'table');
    expect(rows[0]).toEqual([expect.stringContaining('https://acme.example/hooks'), 'All events', 'Active', expect.stringMatching(/^Delivered\s*webhooks\.test, 1 May 2030/)]);
    expect(rows[1].slice(1)).toEqual(['webhooks.test', 'Disabled', 'None yet']);
    useLanguage('cy');
    await settle(fixture);
    expect(cells(fixture, 'table')[0].slice(1, 3)).toEqual(['Pob digwyddiad', 'Gweithredol']);
  });

  it('asks for chosen event types only when the reader chose to pick them', async () => {
    const fixture = await render(NewEndpointComponent);
    type(fixture, 'input[formcontrolname="url"]', 'https://acme.example/hooks');
    all(fixture, 'mat-radio-button input')[1].click();
    await settle(fixture);
    button(fixture, 'Add endpoint').click();
    await settle(fixture);
    expect(text(fixture, '.problem')).toBe('Choose at least one event type.');
    expect(api.api.mutate).not.toHaveBeenCalled();
  });

  it('shows a refused URL’s rule at the URL, in the reader’s language', async () => {
    api.answer(IntegrationsCreateEndpointDocument, () => ({
      createWebhookEndpoint: { __typename: 'WebhookUrlRefused' as const, code: 'WEBHOOK_URL_REFUSED', message: 'private', rule: 'PRIVATE_ADDRESS' as const },
    }));
    const fixture = await render(NewEndpointComponent);
    type(fixture, 'input[formcontrolname="url"]', 'http://10.0.0.1/hooks');
    button(fixture, 'Add endpoint').click();
    await settle(fixture);
    expect(api.api.mutate).toHaveBeenCalledWith(IntegrationsCreateEndpointDocument, {
      input: { url: 'http://10.0.0.1/hooks', description: '', eventTypes: ['*'] },
    });
    expect(text(fixture, '[data-testid="url-problem"]')).toContain('Hearth will not send to that address');
    useLanguage('cy');
    await settle(fixture);
    expect(text(fixture, '[data-testid="url-problem"]')).toContain('Ni fydd Hearth yn anfon i’r cyfeiriad hwnnw');
  });

  it('shows the signing secret once when the endpoint is added', async () => {
    api.answer(IntegrationsCreateEndpointDocument, () => ({
      createWebhookEndpoint: { __typename: 'WebhookEndpointCreated' as const, secret: 'whsec_abc', endpoint: ENDPOINT },
    }));
    const fixture = await render(NewEndpointComponent);
    type(fixture, 'input[formcontrolname="url"]', ENDPOINT.url);
    button(fixture, 'Add endpoint').click();
    await settle(fixture);
    expect(text(fixture, '[data-testid="secret-value"]')).toBe('whsec_abc');
    expect(text(fixture, '[data-testid="secret-once"]')).toContain('it will not be shown again');
  });

  describe('an endpoint’s page', () => {
    let statuses: unknown[];

    beforeEach(() => {
      statuses = [];
      api.answer(IntegrationsEndpointDetailDocument, () => ({
        webhookEndpoint: { ...ENDPOINT, status: 'DISABLED' as const, disabledReason: 'It answered 410 Gone', disabledAt: '2030-05-03T09:00:00Z' },
      }));
      api.answer(IntegrationsDeliveryLogDocument, ({ status }) => {
        statuses.push(status);
        return { webhookEndpoint: { id: 'e-1', deliveries: connection(status === 'PENDING' ? [] : [DELIVERY]) } };
      });
    });

    it('shows why it was disabled, with Enable, and the delivery log', async () => {
      const fixture = await render(EndpointDetailComponent, { id: 'e-1' });
      expect(text(fixture, '[data-testid="endpoint-status"]')).toBe('Disabled');
      expect(text(fixture, '[data-testid="disabled-reason"]')).toBe('It answered 410 Gone');
      expect(button(fixture, 'Enable')).toBeTruthy();
      expect(button(fixture, 'Send a test event').disabled).toBe(true);
      expect(cells(fixture, '[data-testid="delivery-log"]')[0].slice(0, 6)).toEqual([
        expect.stringContaining('repairs.repair.reported'),
        'msg_1',
        'Failed',
        '8',
        '—',
        '500 HTTP 500',
      ]);
      fixture.destroy();
    });

    it('filters the log by status on the server', async () => {
      const fixture = await render(EndpointDetailComponent, { id: 'e-1' });
      await fixture.debugElement.injector.get(EndpointStore).filter('PENDING');
      await settle(fixture);
      expect(statuses).toEqual([null, 'PENDING']);
      expect(text(fixture, '.empty')).toBe('No deliveries have that status.');
      fixture.destroy();
    });

    it('says why a replay was refused', async () => {
      api.answer(IntegrationsReplayDeliveryDocument, () => ({
        replayWebhookDelivery: { __typename: 'WebhookEndpointDisabled' as const, code: 'WEBHOOK_ENDPOINT_DISABLED', message: 'disabled' },
      }));
      const fixture = await render(EndpointDetailComponent, { id: 'e-1' });
      button(fixture, 'Replay repairs.repair.reported (msg_1)').click();
      await settle(fixture);
      expect(text(fixture, '[data-testid="endpoint-outcome"]')).toBe('The endpoint is disabled: enable it first.');
      fixture.destroy();
    });

    it('reads the log again only while something is on its way', async () => {
      const fixture = await render(EndpointDetailComponent, { id: 'e-1' });
      const store = fixture.debugElement.injector.get(EndpointStore);
      expect(store.shouldRefresh()).toBe(false);
      store.deliveries.rows.set([{ ...DELIVERY, status: 'PENDING' }]);
      expect(store.shouldRefresh()).toBe(true);
      fixture.destroy();
    });
  });
});
