import { TestBed } from '@angular/core/testing';
import { LanguageService } from '../../i18n/language.service';
import type { ChartDatum } from '../chart';
import { BarChartComponent } from './bar-chart.component';

const DATA: ChartDatum[] = [
  { label: 'Raised', value: 4, text: '4' },
  { label: 'Assigned', value: 2, text: '2' },
  { label: 'On hold', value: 0, text: '0' },
];

describe('BarChartComponent', () => {
  function render(data: ChartDatum[], max: number | null = null) {
    const fixture = TestBed.createComponent(BarChartComponent);
    fixture.componentRef.setInput('data', data);
    fixture.componentRef.setInput('caption', 'Open work orders by status');
    fixture.componentRef.setInput('summary', 'Open work orders by status: Raised 4; Assigned 2; On hold 0.');
    fixture.componentRef.setInput('labelHeading', 'Status');
    fixture.componentRef.setInput('valueHeading', 'Work orders');
    fixture.componentRef.setInput('max', max);
    fixture.detectChanges();
    return fixture;
  }

  const widths = (root: HTMLElement) => [...root.querySelectorAll('rect.bar')].map((bar) => Number(bar.getAttribute('width')));

  it('is an image named by its summary, each bar labelled with its value', () => {
    const root = render(DATA).nativeElement as HTMLElement;

    const svg = root.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Open work orders by status: Raised 4; Assigned 2; On hold 0.');
    expect([...svg.querySelectorAll('text.label')].map((label) => label.textContent)).toEqual(['Raised', 'Assigned', 'On hold']);
    expect([...svg.querySelectorAll('text.value')].map((value) => value.textContent)).toEqual(['4', '2', '0']);
  });

  it('draws bars in proportion to the largest value, and none for a zero', () => {
    const [raised, assigned, ...rest] = widths(render(DATA).nativeElement);

    expect(rest).toEqual([]);
    expect(assigned).toBeCloseTo(raised / 2);
  });

  it('scales to the given maximum when there is one (percentages to 100)', () => {
    const [half] = widths(render([{ label: 'Apr 2026', value: 50, text: '50%' }], 100).nativeElement);
    const [full] = widths(render([{ label: 'Apr 2026', value: 100, text: '100%' }], 100).nativeElement);

    expect(half).toBeCloseTo(full / 2);
  });

  it('keeps the numbers in a table for screen readers, shown on request', () => {
    const fixture = render(DATA);
    const root = fixture.nativeElement as HTMLElement;
    const table = root.querySelector('table')!;

    expect(table.querySelector('caption')!.textContent).toBe('Open work orders by status');
    expect([...table.querySelectorAll('th[scope="col"]')].map((th) => th.textContent)).toEqual(['Status', 'Work orders']);
    expect(table.querySelectorAll('tbody th[scope="row"]')).toHaveLength(3);
    expect(table.classList).toContain('visually-hidden');
    const toggle = root.querySelector('button')!;
    expect(toggle.textContent!.trim()).toBe('Show the figures as a table');

    toggle.click();
    fixture.detectChanges();

    expect(table.classList).not.toContain('visually-hidden');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(toggle.textContent!.trim()).toBe('Hide the table');
    TestBed.inject(LanguageService).use('cy');
    fixture.detectChanges();
    expect(toggle.textContent!.trim()).toBe('Cuddio’r tabl');
  });
});
