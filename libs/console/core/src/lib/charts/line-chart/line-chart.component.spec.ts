import { TestBed } from '@angular/core/testing';
import type { ChartDatum } from '../chart';
import { LineChartComponent } from './line-chart.component';

const point = (day: number, value: number): ChartDatum => ({ label: `${day} Apr 2026`, axisLabel: `${day} Apr`, value, text: `£${value}` });

describe('LineChartComponent', () => {
  function render(data: ChartDatum[]) {
    const fixture = TestBed.createComponent(LineChartComponent);
    fixture.componentRef.setInput('data', data);
    fixture.componentRef.setInput('caption', 'Arrears over the last 12 weeks');
    fixture.componentRef.setInput('summary', 'Arrears were £10 on 1 Apr 2026 and £30 on 15 Apr 2026.');
    fixture.componentRef.setInput('labelHeading', 'Day');
    fixture.componentRef.setInput('valueHeading', 'Arrears');
    fixture.componentRef.setInput('axisFormat', (value: number) => `£${value}`);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  const texts = (root: Element, selector: string) => [...root.querySelectorAll(selector)].map((text) => text.textContent!.trim());

  it('is an image named by its summary, with round gridlines and the latest value labelled', () => {
    const root = render([point(1, 10), point(8, 40), point(15, 30)]);

    const svg = root.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Arrears were £10 on 1 Apr 2026 and £30 on 15 Apr 2026.');
    expect(texts(svg, 'text.tick').slice(0, 5)).toEqual(['£0', '£12.5', '£25', '£37.5', '£50']);
    expect(texts(svg, 'text.value')).toEqual(['£30']);
    expect(svg.querySelectorAll('circle.point')).toHaveLength(3);
  });

  it('puts higher values higher up, and labels every other day back from the latest', () => {
    const root = render([point(1, 10), point(8, 40), point(15, 30), point(22, 0)]);

    const heights = [...root.querySelectorAll('circle.point')].map((circle) => Number(circle.getAttribute('cy')));
    expect(heights[1]).toBeLessThan(heights[2]);
    expect(heights[2]).toBeLessThan(heights[0]);
    expect(heights[3]).toBeGreaterThan(heights[0]);
    expect(texts(root.querySelector('svg')!, 'text.tick').slice(5)).toEqual(['8 Apr', '22 Apr']);
  });

  it('keeps every value in a table with the full day', () => {
    const root = render([point(1, 10), point(8, 40)]);

    expect(texts(root, 'tbody th[scope="row"]')).toEqual(['1 Apr 2026', '8 Apr 2026']);
    expect(texts(root, 'tbody td')).toEqual(['£10', '£40']);
  });
});
