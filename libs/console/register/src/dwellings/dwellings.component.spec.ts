import { TestBed } from '@angular/core/testing';
import { ApiError } from '@hearth/console-core';
import { RegisterDwellingsDocument, RegisterDwellingTenuresDocument } from '../graphql.generated';
import { connection, settle, setUpRegister, stubApi, text, type SessionOptions } from '../shared/register.testing';
import { DwellingsComponent } from './dwellings.component';

const dwelling = (id: string, address: string, tenancy: unknown) => ({
  id,
  asset: { id, kind: 'DWELLING', name: null, addressLine1: address, addressLine2: null, town: null, postcode: 'SY23 1AA', uprn: null, patch: 'Gogledd', bedrooms: 2 },
  currentTenancy: tenancy,
});
const TENANCY = {
  id: 't1', tenureType: 'SECURE_CONTRACT', tenureLabel: 'Secure occupation contract', startDate: '2023-01-09', endDate: null, live: true, joint: false,
  parties: [{ personId: 'p1', role: 'TENANT', person: { id: 'p1', title: 'Mr', givenName: 'Gareth', familyName: 'Jones' } }],
};

function setUp(dwellings: unknown, options: SessionOptions = {}) {
  const api = stubApi(
    new Map<unknown, unknown>([
      [RegisterDwellingsDocument, dwellings],
      [RegisterDwellingTenuresDocument, { data: { tenancyTerms: { tenureTypes: [{ tenureType: 'SECURE_CONTRACT', label: 'Secure occupation contract' }] } }, errors: [] }],
    ]) as never,
  );
  setUpRegister(api, options);
  const fixture = TestBed.createComponent(DwellingsComponent);
  return { api, fixture, element: fixture.nativeElement as HTMLElement };
}

describe('DwellingsComponent', () => {
  it('asks the API for the filters in the address, and lists dwellings with their contract-holders or as void', async () => {
    const answer = { data: { dwellings: connection([dwelling('d1', 'Fflat 1 Tŷ Cerdin', TENANCY), dwelling('d2', 'Fflat 2 Tŷ Cerdin', null)]) }, errors: [] };
    const { api, fixture, element } = setUp(answer, { country: 'WALES' });
    fixture.componentRef.setInput('postcode', 'SY23');
    fixture.componentRef.setInput('occupancy', 'VOID');
    fixture.componentRef.setInput('tenure', 'SECURE_CONTRACT');
    await settle(fixture);

    expect(api.query).toHaveBeenLastCalledWith(RegisterDwellingsDocument, {
      filter: { postcode: 'SY23', occupancy: 'VOID', tenureType: 'SECURE_CONTRACT', patch: undefined, search: undefined },
      first: 50,
      after: null,
    });
    expect(text(element, 'thead')).toContain('Contract-holders');
    const rows = [...element.querySelectorAll('[data-testid=dwelling-row]')].map((row) => row.textContent?.replace(/\s+/g, ' ').trim());
    expect(rows[0]).toContain('Mr Gareth Jones');
    expect(rows[0]).toContain('Secure occupation contract');
    expect(rows[1]).toContain('Void');
    expect((element.querySelector('[data-testid=filter-postcode]') as HTMLInputElement).value).toBe('SY23');
  });

  it('ignores an occupancy the API does not know', async () => {
    const { api, fixture } = setUp({ data: { dwellings: connection([]) }, errors: [] });
    fixture.componentRef.setInput('occupancy', 'EMPTY');
    await settle(fixture);
    expect(api.query).toHaveBeenLastCalledWith(RegisterDwellingsDocument, expect.objectContaining({ filter: expect.objectContaining({ occupancy: undefined }) }));
  });

  it('shows the empty state and failures', async () => {
    const empty = setUp({ data: { dwellings: connection([]) }, errors: [] });
    await settle(empty.fixture);
    expect(text(empty.element, '[data-testid=dwellings-empty]')).toBe('No dwellings match these filters.');
    TestBed.resetTestingModule();

    const failing = setUp(() => Promise.reject(new ApiError('FORBIDDEN', 'no')));
    await settle(failing.fixture);
    expect(text(failing.element, 'hearth-api-error')).toBe('You do not have permission to see this.');
  });
});
