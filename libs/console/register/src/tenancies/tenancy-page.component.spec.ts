import { TestBed } from '@angular/core/testing';
import { LanguageService } from '@hearth/console-core';
import { RegisterTenancyDocument } from '../graphql.generated';
import { settle, setUpRegister, stubApi, text, type SessionOptions } from '../shared/register.testing';
import { TenancyPageComponent } from './tenancy-page.component';

const person = (id: string, givenName: string) => ({ id, title: null, givenName, familyName: 'Jones' });
const TENANCY = {
  id: 't1', tenureType: 'SECURE_CONTRACT', tenureLabel: 'Secure occupation contract', startDate: '2023-01-09', endDate: null, endReason: null,
  live: true, joint: true, references: [{ system: 'tai-aber', reference: 'CM-001' }],
  dwelling: { id: 'd1', kind: 'DWELLING', name: null, addressLine1: 'Fflat 1 Tŷ Cerdin', addressLine2: null, town: null, postcode: 'SY23 1AA', uprn: null, patch: null },
  parties: [],
  history: [
    { personId: 'p1', role: 'TENANT', relationship: null, joinedOn: '2023-01-09', leftOn: null, person: person('p1', 'Gareth') },
    { personId: 'p2', role: 'HOUSEHOLD_MEMBER', relationship: 'CHILD', joinedOn: '2023-01-09', leftOn: null, person: person('p2', 'Mali') },
    { personId: 'p3', role: 'TENANT', relationship: null, joinedOn: '2023-01-09', leftOn: '2024-05-01', person: person('p3', 'Dafydd') },
  ],
  events: [
    { id: 'e1', kind: 'STARTED', occurredOn: '2023-01-09', endReason: null, recordedBy: 'import', people: [person('p1', 'Gareth')], relatedTenancy: null },
    { id: 'e2', kind: 'SUCCESSION', occurredOn: '2024-05-01', endReason: null, recordedBy: 'Ffion Evans', people: [person('p1', 'Gareth')], relatedTenancy: null },
  ],
};

function setUp(options: SessionOptions) {
  setUpRegister(stubApi(new Map<unknown, unknown>([[RegisterTenancyDocument, { data: { tenancy: TENANCY }, errors: [] }]]) as never), options);
  const fixture = TestBed.createComponent(TenancyPageComponent);
  fixture.componentRef.setInput('id', 't1');
  return { fixture, element: fixture.nativeElement as HTMLElement };
}

describe('TenancyPageComponent', () => {
  it('names an English member’s tenancy and tenants, its household, who left, and its history', async () => {
    const { fixture, element } = setUp({ country: 'ENGLAND' });
    await settle(fixture);
    expect(text(element, 'h1')).toBe('Tenancy: Fflat 1 Tŷ Cerdin, SY23 1AA');
    expect(text(element, '#tenancy-people-heading')).toBe('Tenants');
    expect(text(element, '[data-testid=tenancy-tenants]')).toContain('Gareth Jones');
    expect(text(element, '[data-testid=tenancy-tenants]')).not.toContain('Dafydd');
    expect(text(element, '[data-testid=tenancy-household]')).toBe('Mali Jones (Child)');
    expect(text(element, '[data-testid=tenancy-events] tbody')).toContain('Succession');
  });

  it('says occupation contract and contract-holders for a Welsh member, in English and Cymraeg', async () => {
    const { fixture, element } = setUp({ country: 'WALES' });
    await settle(fixture);
    expect(text(element, 'h1')).toBe('Occupation contract: Fflat 1 Tŷ Cerdin, SY23 1AA');
    expect(text(element, '#tenancy-people-heading')).toBe('Contract-holders');
    expect(text(element, '[data-testid=tenancy-tenure]')).toBe('Secure occupation contract');
    expect(text(element, 'caption')).toBe('What has happened to this occupation contract, oldest first');

    TestBed.inject(LanguageService).use('cy');
    fixture.detectChanges();
    expect(text(element, 'h1')).toBe('Contract meddiannaeth: Fflat 1 Tŷ Cerdin, SY23 1AA');
    expect(text(element, '#tenancy-people-heading')).toBe('Deiliaid contract');
    expect(text(element, '[data-testid=tenancy-tenure]')).toBe('Contract meddiannaeth diogel');
    expect(text(element, '[data-testid=tenancy-household]')).toBe('Mali Jones (Plentyn)');
  });
});
