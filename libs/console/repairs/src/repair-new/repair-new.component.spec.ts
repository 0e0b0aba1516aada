import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RepairDetailTriageDocument, RepairNewAssetSearchDocument, RepairNewReportDocument, RepairsPrioritiesDocument } from '../graphql.generated';
import { PRIORITIES, settle, setUpRepairs, stubApi, text } from '../shared/repairs.testing';
import { RepairNewComponent } from './repair-new.component';

const HOME = { id: 'a1', kind: 'DWELLING', name: null, addressLine1: 'Flat 1 Kingfisher House', addressLine2: 'Riverside Way', town: 'Millbrook', postcode: 'MB1 2AB' };

function setUp(report: unknown) {
  const api = stubApi(
    new Map<unknown, unknown>([[RepairsPrioritiesDocument, { repairPriorities: PRIORITIES }], [RepairNewAssetSearchDocument, { searchAssets: [HOME] }]]),
    new Map<unknown, unknown>([[RepairNewReportDocument, { reportRepair: report }], [RepairDetailTriageDocument, { triageRepair: { __typename: 'Repair' } }]]),
  );
  setUpRepairs(api);
  const fixture = TestBed.createComponent(RepairNewComponent);
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  return { api, fixture, navigate, element: fixture.nativeElement as HTMLElement };
}

function fill(element: HTMLElement, selector: string, value: string): void {
  const input = element.querySelector(selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

async function chooseHomeAndDescribe(fixture: ReturnType<typeof setUp>['fixture'], element: HTMLElement): Promise<void> {
  await settle(fixture);
  fill(element, '[data-testid=asset-search]', 'Kingfisher');
  (element.querySelector('form.search button') as HTMLButtonElement).click();
  await settle(fixture);
  (element.querySelector('[data-testid=homes] input[type=radio]') as HTMLInputElement).click();
  fill(element, '[data-testid=description]', 'Kitchen tap drips');
}

describe('RepairNewComponent', () => {
  it('refuses to report without a home or a description, in words', async () => {
    const { api, fixture, element } = setUp({ __typename: 'Repair', id: 'r1', number: 1042 });
    await settle(fixture);
    (element.querySelector('[data-testid=submit-report]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(text(element, '.problem')).toBe('Choose a home first.');
    expect(api.mutate).not.toHaveBeenCalled();
  });

  it('finds the home, reports the repair and goes to it', async () => {
    const { api, fixture, element, navigate } = setUp({ __typename: 'Repair', id: 'r1', number: 1042 });
    await chooseHomeAndDescribe(fixture, element);
    expect(api.query).toHaveBeenCalledWith(RepairNewAssetSearchDocument, { text: 'Kingfisher' });
    expect(text(element, '[data-testid=homes]')).toContain('Flat 1 Kingfisher House, Riverside Way, Millbrook MB1 2AB');
    (element.querySelector('[data-testid=submit-report]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(api.mutate).toHaveBeenCalledWith(RepairNewReportDocument, {
      input: { assetId: 'a1', description: 'Kitchen tap drips', location: undefined, reporterName: undefined, reporterPhone: undefined },
    });
    expect(api.mutate).not.toHaveBeenCalledWith(RepairDetailTriageDocument, expect.anything());
    expect(navigate).toHaveBeenCalledWith(['/repairs', 'r1']);
  });

  it('shows the API’s problems next to their fields, and stays', async () => {
    const invalid = { __typename: 'RepairInvalid', code: 'REPAIR_INVALID', message: 'Invalid', problems: [{ field: 'description', message: 'description must be 1 to 4000 characters' }] };
    const { fixture, element, navigate } = setUp(invalid);
    await chooseHomeAndDescribe(fixture, element);
    (element.querySelector('[data-testid=submit-report]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(text(element, 'mat-error')).toBe('description must be 1 to 4000 characters');
    expect(navigate).not.toHaveBeenCalled();
  });
});
