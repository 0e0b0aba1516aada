import {
  IntegrationsClientDetailDocument,
  IntegrationsClientListDocument,
  IntegrationsRegisterClientDocument,
  IntegrationsScopesDocument,
  IntegrationsSuspendClientDocument,
  type IntegrationsClientFragment,
} from '../../graphql.generated';
import { all, button, cells, configure, fakeApi, render, settle, signIn, text, type, useLanguage, type FakeApi } from '@hearth/console-core/testing';
import { ClientDetailComponent } from './client-detail/client-detail.component';
import { ClientListComponent } from './client-list/client-list.component';
import { PartnerClientStore } from './partner-client.store';
import { RegisterClientComponent } from './register-client/register-client.component';

const ACME: IntegrationsClientFragment = {
  id: 'c-1',
  clientId: 'millbrook-homes-acme-repairs',
  name: 'Acme Repairs',
  description: 'Job system',
  scopes: ['repairs:read', 'repairs:status'],
  status: 'ACTIVE',
  rateLimitPerMinute: 300,
  issuer: 'LOCAL',
  createdAt: '2030-05-01T09:00:00Z',
  createdBy: 'Sam Patel',
  secretRotatedAt: null,
  suspendedAt: null,
  suspendedBy: null,
  suspensionReason: null,
};

const SCOPES = {
  partnerScopes: [
    { scope: 'repairs:read', permissions: [{ module: 'repairs', permission: 'read', description: 'Repairs and work orders' }] },
    { scope: 'repairs:status', permissions: [{ module: 'repairs', permission: 'status', description: 'Post status updates' }] },
  ],
};

describe('API clients', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = fakeApi();
    configure(api);
    signIn(['tenant-admin']);
    api.answer(IntegrationsScopesDocument, () => SCOPES);
  });

  it('lists the clients with their scopes, status and limit, in English and Welsh', async () => {
    api.answer(IntegrationsClientListDocument, () => ({ partnerClients: [ACME, { ...ACME, id: 'c-2', name: 'Pay Co', status: 'SUSPENDED', rateLimitPerMinute: null }] }));
    const fixture = await render(ClientListComponent);
    expect(cells(fixture, 'table').map(([name, clientId, , status, limit]) => [name, clientId, status, limit])).toEqual([
      ['Acme Repairs', 'millbrook-homes-acme-repairs', 'Active', '300 a minute'],
      ['Pay Co', 'millbrook-homes-acme-repairs', 'Suspended', 'Hearth’s default'],
    ]);
    expect(all(fixture, 'tbody tr:first-child .scopes li').map((item) => item.textContent?.trim())).toEqual(['repairs:read', 'repairs:status']);
    useLanguage('cy');
    await settle(fixture);
    expect(text(fixture, 'h1')).toBe('Cleientiaid API');
    expect(cells(fixture, 'table').map((row) => row[3])).toEqual(['Gweithredol', 'Wedi’i atal']);
  });

  it('says when there are none', async () => {
    api.answer(IntegrationsClientListDocument, () => ({ partnerClients: [] }));
    const fixture = await render(ClientListComponent);
    expect(text(fixture, '.empty')).toBe('No API clients are registered yet.');
  });

  it('refuses a registration without a name or scopes before asking the API', async () => {
    const fixture = await render(RegisterClientComponent);
    button(fixture, 'Register a client').click();
    await settle(fixture);
    expect(text(fixture, 'mat-error')).toContain('Give the client a name.');
    expect(text(fixture, '.problem')).toBe('Choose at least one scope.');
    expect(api.api.mutate).not.toHaveBeenCalled();
  });

  it('shows the API’s problem next to the name it is about', async () => {
    api.answer(IntegrationsRegisterClientDocument, () => ({
      registerPartnerClient: {
        __typename: 'PartnerClientInvalid' as const,
        code: 'PARTNER_CLIENT_INVALID',
        message: 'No',
        problems: [{ field: 'name', message: 'A partner client named "Acme Repairs" already exists' }],
      },
    }));
    const fixture = await render(RegisterClientComponent);
    type(fixture, 'input[formcontrolname="name"]', 'Acme Repairs');
    all(fixture, 'mat-checkbox input')[0].click();
    button(fixture, 'Register a client').click();
    await settle(fixture);
    expect(text(fixture, 'mat-form-field mat-error')).toBe('A partner client named "Acme Repairs" already exists');
    expect(all(fixture, '[data-testid="secret-once"]')).toHaveLength(0);
  });

  it('registers a client and shows its secret once, with the API’s notice', async () => {
    api.answer(IntegrationsRegisterClientDocument, ({ input }) => ({
      registerPartnerClient: {
        __typename: 'PartnerClientSecret' as const,
        clientSecret: 's3cret-value',
        tokenEndpoint: 'https://id.example/token',
        notice: 'Keycloak admin credentials are not configured.',
        client: { ...ACME, name: input.name, scopes: input.scopes, rateLimitPerMinute: input.rateLimitPerMinute ?? null },
      },
    }));
    const fixture = await render(RegisterClientComponent);
    type(fixture, 'input[formcontrolname="name"]', 'Acme Repairs');
    all(fixture, 'mat-checkbox input')[1].click();
    type(fixture, 'input[formcontrolname="rateLimit"]', '300');
    button(fixture, 'Register a client').click();
    await settle(fixture);
    expect(api.api.mutate).toHaveBeenCalledWith(IntegrationsRegisterClientDocument, {
      input: { name: 'Acme Repairs', description: '', scopes: ['repairs:status'], rateLimitPerMinute: 300 },
    });
    expect(text(fixture, '[data-testid="secret-value"]')).toBe('s3cret-value');
    expect(text(fixture, '[data-testid="secret-once"]')).toContain('Copy it now: it will not be shown again.');
    expect(text(fixture, '[data-testid="client-notice"]')).toContain('Keycloak admin credentials are not configured.');
    expect(all(fixture, 'form')).toHaveLength(0);
  });

  it('shows a client, and a suspension’s reason when refused', async () => {
    api.answer(IntegrationsClientDetailDocument, () => ({ partnerClient: ACME }));
    const fixture = await render(ClientDetailComponent, { id: 'c-1' });
    expect(text(fixture, 'h1')).toBe('Acme Repairs');
    expect(text(fixture, '[data-testid="client-status"]')).toBe('Active');
    expect(all(fixture, 'mat-checkbox input').map((box) => (box as HTMLInputElement).checked)).toEqual([true, true]);

    api.answer(IntegrationsSuspendClientDocument, () => ({
      suspendPartnerClient: { __typename: 'PartnerClientStatusUnchanged' as const, code: 'UNCHANGED', message: 'Already suspended' },
    }));
    const store = fixture.debugElement.injector.get(PartnerClientStore);
    await store.suspend('Contract ended');
    await settle(fixture);
    expect(text(fixture, '[data-testid="client-outcome"]')).toBe('The client was already in that state; nothing changed.');
  });

  it('shows a suspended client with who suspended it and why', async () => {
    api.answer(IntegrationsClientDetailDocument, () => ({
      partnerClient: { ...ACME, status: 'SUSPENDED' as const, suspendedAt: '2030-05-02T10:00:00Z', suspendedBy: 'Sam Patel', suspensionReason: 'Contract ended' },
    }));
    const fixture = await render(ClientDetailComponent, { id: 'c-1' });
    expect(text(fixture, '[data-testid="suspension"]')).toContain('by Sam Patel: “Contract ended”');
    expect(button(fixture, 'Reinstate')).toBeTruthy();
    expect(all(fixture, 'button').some((element) => element.textContent?.trim() === 'Suspend')).toBe(false);
  });

  it('says when there is no such client', async () => {
    api.answer(IntegrationsClientDetailDocument, () => ({ partnerClient: null }));
    const fixture = await render(ClientDetailComponent, { id: 'c-9' });
    expect(text(fixture, '.empty')).toBe('No API client with that id belongs to your organisation.');
  });
});
