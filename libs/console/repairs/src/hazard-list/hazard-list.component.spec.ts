import { TestBed } from '@angular/core/testing';
import { HazardListPageDocument } from '../graphql.generated';
import { connection, hoursFromNow, settle, setUpRepairs, stubApi, text } from '../shared/repairs.testing';
import { HazardListComponent } from './hazard-list.component';

const clock = (kind: string, status: string, fields: Record<string, unknown> = {}) => ({
  clock: kind, duty: 'duty', status, dueAt: null, metAt: null, missedAt: null, waivedReason: null, workingDaysLeft: null, ...fields,
});
const HAZARD = {
  id: 'h1', number: 104, hazardType: 'DAMP_AND_MOULD', severity: 'SIGNIFICANT', status: 'OPEN', awareAt: '2026-04-02T09:00:00Z',
  asset: { id: 'a1', addressLine1: 'Flat 2 Heron Court', postcode: 'MB1 2AD' },
  clocks: [
    clock('INVESTIGATE', 'MISSED', { dueAt: hoursFromNow(-80), workingDaysLeft: -3 }),
    clock('WRITTEN_SUMMARY', 'RUNNING', { dueAt: hoursFromNow(60), workingDaysLeft: 2 }),
    clock('SAFETY_WORK', 'PENDING'),
    clock('PREVENTATIVE_WORK_BEGIN', 'WAIVED', { waivedReason: 'No preventative work needed' }),
  ],
};

function setUp(language: 'en' | 'cy' = 'en') {
  const api = stubApi(new Map<unknown, unknown>([[HazardListPageDocument, { hazardCases: connection([HAZARD]) }]]));
  setUpRepairs(api, language);
  const fixture = TestBed.createComponent(HazardListComponent);
  return { api, fixture, element: fixture.nativeElement as HTMLElement };
}

describe('HazardListComponent', () => {
  it('shows each clock as time left or overdue in words, and asks for the filters in the address', async () => {
    const { api, fixture, element } = setUp();
    fixture.componentRef.setInput('status', 'OPEN');
    fixture.componentRef.setInput('overdue', 'true');
    await settle(fixture);
    expect(api.query).toHaveBeenCalledWith(HazardListPageDocument, { first: 25, after: null, filter: { status: 'OPEN', overdue: true } });
    expect(text(element, '[data-clock=INVESTIGATE]')).toMatch(/^Missed.*Overdue by 3 working days/);
    expect(text(element, '[data-clock=WRITTEN_SUMMARY]')).toContain('Due in 2 working days');
    expect(text(element, '[data-clock=SAFETY_WORK]')).toBe('Starts when investigated');
    expect(text(element, '[data-clock=PREVENTATIVE_WORK_BEGIN]')).toBe('Waived: No preventative work needed');
  });

  it('says it in Welsh', async () => {
    const { fixture, element } = setUp('cy');
    await settle(fixture);
    expect(text(element, 'h1')).toBe('Achosion perygl');
    expect(text(element, '[data-clock=INVESTIGATE]')).toContain('3 diwrnod gwaith yn hwyr');
    expect(text(element, 'tbody')).toContain('Lleithder a llwydni · Sylweddol');
  });
});
