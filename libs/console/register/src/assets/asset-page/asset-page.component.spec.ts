import { TestBed } from '@angular/core/testing';
import { LanguageService } from '@hearth/console-core';
import { RegisterAssetChildrenDocument, RegisterAssetDocument, RegisterAssetRepairsDocument, RegisterUpdateAssetDocument } from '../../graphql.generated';
import { connection, settle, setUpRegister, stubApi, text, type SessionOptions } from '../../shared/register.testing';
import { AssetPageComponent } from './asset-page.component';

const person = (id: string, givenName: string, familyName: string, alerts: unknown[] = []) => ({ id, title: null, givenName, familyName, alerts });

const DWELLING = {
  id: 'dw1', kind: 'DWELLING', name: null, addressLine1: 'Flat 1 Kingfisher House', addressLine2: 'Riverside Way', town: 'Millbrook',
  postcode: 'MB1 2AB', uprn: '900000000201', patch: 'North', parentId: 'blk1', bedrooms: 1, floor: 0, builtYear: 1968, heating: 'DISTRICT',
  liftAccess: true, accessibility: ['LEVEL_ACCESS'], updatedAt: '2026-01-01T00:00:00Z',
  references: [{ system: 'orchard', reference: 'DW-0001', description: null }],
  parent: { id: 'blk1', kind: 'BLOCK', name: 'Kingfisher House', addressLine1: 'Kingfisher House', addressLine2: null, town: null, postcode: null, uprn: null, patch: null },
  currentTenancy: {
    id: 't1', tenureType: 'SECURE_CONTRACT', tenureLabel: 'Secure occupation contract', startDate: '2023-01-09', endDate: null, live: true, joint: true,
    parties: [
      { personId: 'p1', role: 'TENANT', person: person('p1', 'Gareth', 'Jones', [
        { id: 'a1', personId: 'p1', code: '20-50', meaning: 'Wheelchair user', note: null, raisedOn: '2025-02-01', raisedBy: 'Ffion Evans', endedOn: null },
      ]) },
      { personId: 'p2', role: 'TENANT', person: person('p2', 'Siân', 'Jones') },
    ],
  },
};

const repair = (id: string, number: number, status: string, workOrders: { id: string; status: string }[]) => ({
  id, number, description: `Repair ${number}`, location: null, status, priority: null, reportedAt: '2026-03-01T10:00:00Z', workOrders,
});

function setUp(options: SessionOptions & { asset?: unknown } = {}) {
  const api = stubApi(
    new Map<unknown, unknown>([
      [RegisterAssetDocument, { data: { asset: options.asset === undefined ? DWELLING : options.asset }, errors: [] }],
      [RegisterAssetChildrenDocument, { data: { asset: { id: 'dw1', children: connection([]) } }, errors: [] }],
      [RegisterAssetRepairsDocument, {
        data: { repairs: { totalCount: 2, edges: [{ node: repair('r1', 1041, 'TRIAGED', [{ id: 'w1', status: 'COMPLETED' }]) }, { node: repair('r2', 1042, 'REPORTED', []) }] } },
        errors: [],
      }],
    ]) as never,
    new Map<unknown, unknown>([
      [RegisterUpdateAssetDocument, { updateAsset: { __typename: 'DuplicateUprn', message: 'UPRN 900000000202 belongs to another asset', uprn: '900000000202', assetId: 'x' } }],
    ]) as never,
  );
  setUpRegister(api, options);
  const fixture = TestBed.createComponent(AssetPageComponent);
  fixture.componentRef.setInput('id', 'dw1');
  return { api, fixture, element: fixture.nativeElement as HTMLElement };
}

describe('AssetPageComponent', () => {
  it('shows a dwelling with its tenants, their alerts by meaning, and its repairs open first', async () => {
    const { fixture, element, api } = setUp();
    await settle(fixture);

    expect(text(element, 'h1')).toBe('Flat 1 Kingfisher House, MB1 2AB');
    expect(text(element, '[data-testid=asset-postcode]')).toBe('MB1 2AB');
    expect(text(element, '[data-testid=asset-parent]')).toBe('Kingfisher House');
    expect(text(element, '#asset-tenancy-heading')).toBe('Current tenancy');
    expect([...element.querySelectorAll('[data-testid=asset-tenants] li')].map((li) => li.textContent?.trim())).toEqual(['Gareth Jones', 'Siân Jones']);
    expect(text(element, '[data-testid=alerts]')).toContain('Gareth Jones: Wheelchair user');
    expect(element.querySelector('[data-testid=alert-note]')).toBeNull();
    const repairs = [...element.querySelectorAll('[data-testid=asset-repairs] tbody tr')].map((row) => row.textContent?.replace(/\s+/g, ' ').trim());
    expect(repairs[0]).toContain('1042');
    expect(repairs[0]).toContain('Open');
    expect(repairs[1]).toContain('1041');
    expect(repairs[1]).toContain('Closed');
    expect(api.query).toHaveBeenCalledWith(RegisterAssetDocument, { id: 'dw1', withTenancy: true });
  });

  it('names contract-holders for a Welsh member, in English and in Cymraeg', async () => {
    const { fixture, element } = setUp({ country: 'WALES' });
    await settle(fixture);
    expect(text(element, '#asset-tenancy-heading')).toBe('Current occupation contract');
    expect(text(element, '[data-testid=asset-tenancy] dl')).toContain('Contract-holders');

    TestBed.inject(LanguageService).use('cy');
    fixture.detectChanges();
    expect(text(element, '#asset-tenancy-heading')).toBe('Y contract meddiannaeth presennol');
    expect(text(element, '[data-testid=asset-tenancy] dl')).toContain('Deiliaid contract');
    expect(text(element, '[data-testid=alert-meaning]')).toBe('Defnyddiwr cadair olwyn');
  });

  it('leaves out the repairs of a member without the repairs module, and does not ask for them', async () => {
    const { fixture, element, api } = setUp({ modules: ['assets', 'tenancies'] });
    await settle(fixture);
    expect(element.querySelector('[data-testid=asset-repairs]')).toBeNull();
    expect(api.query).not.toHaveBeenCalledWith(RegisterAssetRepairsDocument, expect.anything());
  });

  it('says when there is no such asset', async () => {
    const { fixture, element } = setUp({ asset: null });
    await settle(fixture);
    expect(text(element, '[role=status]')).toBe('There is no asset with this address in your organisation.');
  });

  it('offers editing only to staff who may change the register, and shows the API’s problem by its field', async () => {
    const readOnly = setUp({ roles: ['repairs-planner'] });
    await settle(readOnly.fixture);
    expect(readOnly.element.querySelector('[data-testid=edit-asset]')).toBeNull();
    TestBed.resetTestingModule();

    const { fixture, element, api } = setUp();
    await settle(fixture);
    (element.querySelector('[data-testid=edit-asset]') as HTMLButtonElement).click();
    fixture.detectChanges();
    const uprn = element.querySelector('[data-testid=asset-form-uprn]') as HTMLInputElement;
    uprn.value = 'not a number';
    uprn.dispatchEvent(new Event('input'));
    (element.querySelector('[data-testid=asset-form-save]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(text(element, 'mat-error')).toBe('A UPRN is 1 to 12 digits.');
    expect(api.mutate).not.toHaveBeenCalled();

    uprn.value = '900000000202';
    uprn.dispatchEvent(new Event('input'));
    (element.querySelector('[data-testid=asset-form-save]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(api.mutate).toHaveBeenCalledWith(RegisterUpdateAssetDocument, {
      id: 'dw1',
      input: expect.objectContaining({ uprn: '900000000202', postcode: 'MB1 2AB', bedrooms: 1, heating: 'DISTRICT' }),
    });
    expect(text(element, 'mat-error')).toBe('UPRN 900000000202 belongs to another asset');
  });
});
