import { TestBed } from '@angular/core/testing';
import { ApiError } from '@hearth/console-core';
import { RepairListPageDocument, RepairsPrioritiesDocument } from '../graphql.generated';
import { connection, hoursFromNow, PRIORITIES, settle, setUpRepairs, stubApi, text } from '../shared/repairs.testing';
import { RepairListComponent } from './repair-list.component';

const repair = (number: number, fields: Record<string, unknown> = {}) => ({
  id: `r${number}`, number, description: 'Kitchen tap drips', status: 'TRIAGED', priority: 'urgent', reportedAt: '2026-04-02T09:00:00Z',
  asset: { id: 'a1', addressLine1: 'Flat 1 Kingfisher House', postcode: 'MB1 2AB' },
  workOrders: [
    { id: 'w1', status: 'COMPLETED', targetAt: hoursFromNow(-500), breached: false, workingDaysLeft: -20 },
    { id: 'w2', status: 'ASSIGNED', targetAt: hoursFromNow(-30), breached: true, workingDaysLeft: -2 },
  ],
  ...fields,
});

function setUp(repairs: unknown, language: 'en' | 'cy' = 'en') {
  const api = stubApi(new Map<unknown, unknown>([[RepairListPageDocument, repairs], [RepairsPrioritiesDocument, { repairPriorities: PRIORITIES }]]));
  setUpRepairs(api, language);
  const fixture = TestBed.createComponent(RepairListComponent);
  return { api, fixture, element: fixture.nativeElement as HTMLElement };
}

describe('RepairListComponent', () => {
  it('asks for the filters in the address, and shows each repair with its priority name and the open work order it is chased by', async () => {
    const { api, fixture, element } = setUp({ repairs: connection([repair(1042), repair(1043, { status: 'REPORTED', priority: null, workOrders: [] })], 60, true) });
    fixture.componentRef.setInput('status', 'TRIAGED');
    fixture.componentRef.setInput('priority', 'urgent');
    await settle(fixture);

    expect(api.query).toHaveBeenCalledWith(RepairListPageDocument, { first: 25, after: null, filter: { status: 'TRIAGED', priority: 'urgent' } });
    const first = text(element, 'tr[data-repair="1042"]');
    expect(first).toContain('Repair 1042');
    expect(first).toContain('Urgent');
    expect(first).toContain('Overdue by 2 working days');
    expect(text(element, 'tr[data-repair="1043"]')).toContain('Not triaged yet');
    expect(text(element, 'hearth-pager')).toContain('1–2 of 60');
  });

  it('ignores a status the API does not know', async () => {
    const { api, fixture } = setUp({ repairs: connection([]) });
    fixture.componentRef.setInput('status', 'LOST');
    await settle(fixture);
    expect(api.query).toHaveBeenCalledWith(RepairListPageDocument, { first: 25, after: null, filter: {} });
  });

  it('shows the empty state, and failures in words', async () => {
    const empty = setUp({ repairs: connection([]) });
    await settle(empty.fixture);
    expect(text(empty.element, '[data-testid=empty]')).toBe('No repairs match these filters.');
    TestBed.resetTestingModule();

    const failing = setUp(() => Promise.reject(new ApiError('FORBIDDEN', 'no')));
    await settle(failing.fixture);
    expect(text(failing.element, 'hearth-api-error')).toBe('You do not have permission to see this.');
  });

  it('speaks Welsh', async () => {
    const { fixture, element } = setUp({ repairs: connection([repair(1042)]) }, 'cy');
    await settle(fixture);
    expect(text(element, 'h1')).toBe('Atgyweiriadau');
    expect(text(element, 'tr[data-repair="1042"]')).toContain('2 diwrnod gwaith yn hwyr');
    expect(text(element, 'tr[data-repair="1042"]')).toContain('Wedi’i frysbennu');
  });
});
