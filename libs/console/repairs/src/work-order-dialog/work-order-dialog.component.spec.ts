import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { RepairsContractorsDocument, RepairsHoldWorkOrderDocument, RepairsScheduleWorkOrderDocument } from '../graphql.generated';
import { settle, setUpRepairs, stubApi, text, workOrderCard } from '../shared/repairs.testing';
import { WorkOrderDialogComponent, type WorkOrderDialogData } from './work-order-dialog.component';

function setUp(data: WorkOrderDialogData, mutations: Map<unknown, unknown>, language: 'en' | 'cy' = 'en') {
  const api = stubApi(new Map<unknown, unknown>([[RepairsContractorsDocument, { contractors: { edges: [{ node: { id: 'c1', name: 'Spark Electrical Ltd' } }] } }]]), mutations);
  const close = jest.fn();
  setUpRepairs(api, language, [{ provide: MAT_DIALOG_DATA, useValue: data }, { provide: MatDialogRef, useValue: { close } }]);
  const fixture = TestBed.createComponent(WorkOrderDialogComponent);
  return { api, close, fixture, element: fixture.nativeElement as HTMLElement };
}

function fill(element: HTMLElement, selector: string, value: string): void {
  const input = element.querySelector(selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('WorkOrderDialogComponent', () => {
  it('shows the API’s problem next to its field and stays open', async () => {
    const invalid = { __typename: 'WorkOrderInvalid', code: 'WORK_ORDER_INVALID', message: 'Invalid', problems: [{ field: 'day', message: '2026-04-06 is not a working day (Easter Monday)' }] };
    const { api, close, fixture, element } = setUp(
      { workOrder: workOrderCard({ status: 'ASSIGNED', allowedTransitions: ['SCHEDULED'] }) as never, choice: { action: 'schedule', rebook: false } },
      new Map([[RepairsScheduleWorkOrderDocument, { scheduleWorkOrder: invalid }]]),
    );
    await settle(fixture);
    fill(element, '[data-testid=day]', '2026-04-06');
    (element.querySelector('[data-testid=confirm]') as HTMLButtonElement).click();
    await settle(fixture);

    expect(api.mutate).toHaveBeenCalledWith(RepairsScheduleWorkOrderDocument, { input: { id: 'wo1', day: '2026-04-06', slot: 'AM' } });
    expect(text(element, 'mat-error')).toBe('2026-04-06 is not a working day (Easter Monday)');
    expect(close).not.toHaveBeenCalled();
  });

  it('asks for what the move needs, and says in words why a move was refused', async () => {
    const refused = { __typename: 'TransitionRefused', code: 'TRANSITION_REFUSED', message: 'no', from: 'COMPLETED', to: 'ON_HOLD', allowed: ['INSPECTED'] };
    const { fixture, element, close } = setUp(
      { workOrder: workOrderCard() as never, choice: { action: 'hold', rebook: false } },
      new Map([[RepairsHoldWorkOrderDocument, { holdWorkOrder: refused }]]),
      'cy',
    );
    await settle(fixture);
    (element.querySelector('[data-testid=confirm]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(text(element, 'mat-error')).toBe('Gofynnol');

    fill(element, '[data-testid=reason]', 'Aros am rannau');
    (element.querySelector('[data-testid=confirm]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(text(element, '[role=alert]')).toBe('Ni all ddod yn “Wedi’i ohirio” nawr. Gall ddod yn: Wedi’i archwilio.');
    expect(close).not.toHaveBeenCalled();
  });

  it('closes with the changed work order', async () => {
    const done = { __typename: 'WorkOrder', ...workOrderCard({ status: 'ON_HOLD' }) };
    const { fixture, element, close } = setUp(
      { workOrder: workOrderCard() as never, choice: { action: 'hold', rebook: false } },
      new Map([[RepairsHoldWorkOrderDocument, { holdWorkOrder: done }]]),
    );
    await settle(fixture);
    fill(element, '[data-testid=reason]', 'Waiting for parts');
    (element.querySelector('[data-testid=confirm]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(close).toHaveBeenCalledWith(done);
  });
});
