import { TestBed } from '@angular/core/testing';
import { RepairBoardColumnsDocument, RepairBoardStatusDocument, RepairsPrioritiesDocument } from '../graphql.generated';
import { connection, PRIORITIES, settle, setUpRepairs, stubApi, text, workOrderCard } from '../shared/repairs.testing';
import { RepairBoardComponent } from './repair-board.component';
import { CARDS_PER_COLUMN } from './repair-board.store';

const EMPTY = connection([]);
const COLUMNS = {
  raised: connection([workOrderCard(), workOrderCard({ id: 'wo2', number: 10433, breached: true, workingDaysLeft: -1, targetAt: '2026-01-05T00:00:00Z' })], 12, true),
  assigned: connection([workOrderCard({ id: 'wo3', number: 10434, status: 'ASSIGNED', inHouse: false, contractor: { id: 'c1', name: 'Spark Electrical Ltd' } })]),
  scheduled: EMPTY, inProgress: EMPTY, onHold: EMPTY, completed: EMPTY, inspected: EMPTY, cancelled: EMPTY,
};

function setUp(language: 'en' | 'cy' = 'en') {
  const api = stubApi(new Map<unknown, unknown>([
    [RepairBoardColumnsDocument, COLUMNS],
    [RepairBoardStatusDocument, { workOrders: connection([workOrderCard()], 40, true) }],
    [RepairsPrioritiesDocument, { repairPriorities: PRIORITIES }],
  ]));
  setUpRepairs(api, language);
  const fixture = TestBed.createComponent(RepairBoardComponent);
  return { api, fixture, element: fixture.nativeElement as HTMLElement };
}

describe('RepairBoardComponent', () => {
  it('shows every status as a column of capped cards, with a link to the rest', async () => {
    const { api, fixture, element } = setUp();
    await settle(fixture);
    expect(api.query).toHaveBeenCalledWith(RepairBoardColumnsDocument, { first: CARDS_PER_COLUMN });
    expect(element.querySelectorAll('section.column').length).toBe(8);
    const raised = element.querySelector('section[data-status="RAISED"]')!;
    expect(text(raised, 'h2')).toBe('Raised: 12');
    expect(text(raised, '[data-work-order="10432"]')).toContain('Due in 5 working days');
    expect(text(raised, '[data-work-order="10433"]')).toContain('Overdue by 1 working day');
    expect(text(raised, 'a.more')).toBe('Show all 12 (2 shown)');
    expect(text(element, 'section[data-status="ASSIGNED"]')).toContain('Spark Electrical Ltd');
    expect(text(element, 'section[data-status="SCHEDULED"]')).toContain('None');
    expect(element.querySelector('section[data-status="ASSIGNED"] a.more')).toBeNull();
    expect(element.querySelector('[data-work-order="10432"] [data-testid=move]')?.getAttribute('aria-label')).toBe('Move work order 10432');
  });

  it('opens one column alone a page at a time', async () => {
    const { api, fixture, element } = setUp();
    fixture.componentRef.setInput('status', 'SCHEDULED');
    await settle(fixture);
    expect(api.query).toHaveBeenCalledWith(RepairBoardStatusDocument, { status: 'SCHEDULED', first: 25, after: null });
    expect(text(element, 'section.single h2')).toBe('Scheduled: 40');
    expect(text(element, 'hearth-pager')).toContain('1–1 of 40');
  });

  it('names the columns in Welsh', async () => {
    const { fixture, element } = setUp('cy');
    await settle(fixture);
    expect(text(element, 'h1')).toBe('Bwrdd gorchmynion gwaith');
    expect(text(element, 'section[data-status="IN_PROGRESS"] h2')).toBe('Ar y gweill: 0');
  });
});
