import { TestBed } from '@angular/core/testing';
import { RegisterEndAlertDocument, RegisterPersonDocument, RegisterRaiseAlertDocument } from '../../graphql.generated';
import { settle, setUpRegister, stubApi, text, type SessionOptions } from '../../shared/register.testing';
import { PersonPageComponent } from './person-page.component';

const ALERT = { id: 'a1', personId: 'p4', code: '20-70', meaning: 'Safeguarding', note: 'Call the social worker first', raisedOn: '2025-01-02', raisedBy: 'Sam Patel', endedOn: null };
const PERSON = {
  id: 'p4', title: 'Mrs', givenName: 'Grace', familyName: "O'Neill", dateOfBirth: '1951-01-20', preferredLanguage: 'EN', email: null,
  phone: '01632 960001', communicationNeeds: ['LARGE_PRINT', 'HEARING_LOOP'], references: [{ system: 'orchard', reference: 'P-0004' }],
  alerts: [ALERT],
  tenancies: [{
    id: 't1', tenureType: 'ASSURED', tenureLabel: 'Assured tenancy', startDate: '2012-04-02', endDate: null, live: true, joint: false,
    parties: [{ personId: 'p4', role: 'TENANT', person: { id: 'p4', title: 'Mrs', givenName: 'Grace', familyName: "O'Neill" } }],
    dwelling: { id: 'd1', kind: 'DWELLING', name: null, addressLine1: 'Flat 1 Kingfisher House', addressLine2: null, town: null, postcode: 'MB1 2AB', uprn: null, patch: null },
  }],
};

function setUp(raise: unknown, options: SessionOptions = {}) {
  const api = stubApi(
    new Map<unknown, unknown>([[RegisterPersonDocument, { data: { person: PERSON }, errors: [] }]]) as never,
    new Map<unknown, unknown>([
      [RegisterRaiseAlertDocument, raise],
      [RegisterEndAlertDocument, { endPersonAlert: { __typename: 'PersonAlert', ...ALERT, endedOn: '2026-11-24' } }],
    ]) as never,
  );
  setUpRegister(api, options);
  const fixture = TestBed.createComponent(PersonPageComponent);
  fixture.componentRef.setInput('id', 'p4');
  return { api, fixture, element: fixture.nativeElement as HTMLElement };
}

async function chooseAlert(fixture: ReturnType<typeof setUp>['fixture'], element: HTMLElement, code: string) {
  (element.querySelector('[data-testid=raise-alert]') as HTMLButtonElement).click();
  fixture.detectChanges();
  (element.querySelector('[data-testid=raise-alert-code] .mat-mdc-select-trigger') as HTMLElement).click();
  fixture.detectChanges();
  const option = [...document.querySelectorAll('mat-option')].find((o) => o.textContent?.trim().startsWith(`${code}:`)) as HTMLElement;
  option.click();
  fixture.detectChanges();
}

describe('PersonPageComponent', () => {
  it('shows the person’s details, needs, alert with its note, and their tenancy', async () => {
    const { fixture, element } = setUp(null);
    await settle(fixture);
    expect(text(element, 'h1')).toBe("Mrs Grace O'Neill");
    expect(text(element, '[data-testid=person-needs]')).toBe('Large print, Hearing loop');
    expect(text(element, '[data-testid=alert-meaning]')).toBe('Safeguarding');
    expect(text(element, '[data-testid=alert-note]')).toBe('Private note: Call the social worker first');
    expect(text(element, '[data-testid=person-tenancies] tbody')).toContain('Flat 1 Kingfisher House, MB1 2AB');
    expect(text(element, '[data-testid=person-tenancies] tbody')).toContain('Tenant');
  });

  it('shows the API’s refusal beside the alert field, and nothing is raised without a code', async () => {
    const { api, fixture, element } = setUp({
      raisePersonAlert: { __typename: 'PersonInvalid', message: 'invalid', problems: [{ field: 'code', message: "Grace O'Neill already has an active 20-70 alert" }] },
    });
    await settle(fixture);
    (element.querySelector('[data-testid=raise-alert]') as HTMLButtonElement).click();
    fixture.detectChanges();
    (element.querySelector('[data-testid=raise-alert-save]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(text(element, '[data-testid=raise-alert-form] mat-error')).toBe('Choose an alert.');
    expect(api.mutate).not.toHaveBeenCalled();

    (element.querySelector('[data-testid=raise-alert-form] button[type=button]') as HTMLButtonElement).click();
    fixture.detectChanges();
    await chooseAlert(fixture, element, '20-70');
    (element.querySelector('[data-testid=raise-alert-save]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(api.mutate).toHaveBeenCalledWith(RegisterRaiseAlertDocument, { input: { personId: 'p4', code: '20-70', note: null } });
    expect(text(element, '[data-testid=raise-alert-form] mat-error')).toBe("Grace O'Neill already has an active 20-70 alert");
  });

  it('ends an alert and says so', async () => {
    const { api, fixture, element } = setUp(null);
    await settle(fixture);
    const end = [...element.querySelectorAll('[data-testid=person-alerts] button')].find((b) => b.textContent?.includes('End alert')) as HTMLButtonElement;
    expect(end.textContent?.trim()).toBe('End alert: Safeguarding');
    end.click();
    await settle(fixture);
    expect(api.mutate).toHaveBeenCalledWith(RegisterEndAlertDocument, { input: { alertId: 'a1' } });
    expect(text(element, '[data-testid=person-alerts] [role=status]')).toBe('Alert ended.');
  });

  it('offers no alert changes to staff who may only read the register', async () => {
    const { fixture, element } = setUp(null, { roles: ['income-officer'] });
    await settle(fixture);
    expect(element.querySelector('[data-testid=raise-alert]')).toBeNull();
    expect(text(element, '[data-testid=person-alerts]')).not.toContain('End alert');
  });
});
