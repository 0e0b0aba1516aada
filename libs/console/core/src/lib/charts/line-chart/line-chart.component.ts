import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ChartTableComponent } from '../chart-table/chart-table.component';
import { gridlines, niceCeiling, type ChartDatum } from '../chart';

const WIDTH = 800;
const HEIGHT = 280;
const LEFT = 84;
const RIGHT = 24;
const TOP = 28;
const BOTTOM = 36;

/**
 * A line over time, shaded beneath, with gridlines on round values and the latest value labelled;
 * every value is in the table beneath. The picture is an image with a summary for screen readers.
 */
@Component({
  selector: 'hearth-line-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChartTableComponent],
  templateUrl: './line-chart.component.html',
  styleUrl: './line-chart.component.scss',
})
export class LineChartComponent {
  readonly data = input.required<readonly ChartDatum[]>();
  readonly caption = input.required<string>();
  readonly summary = input.required<string>();
  readonly labelHeading = input.required<string>();
  readonly valueHeading = input.required<string>();
  /** How a gridline's value reads (e.g. "£20K"), in the reader's locale. */
  readonly axisFormat = input.required<(value: number) => string>();

  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  protected readonly left = LEFT;
  protected readonly right = WIDTH - RIGHT;
  protected readonly baseline = HEIGHT - BOTTOM;

  private readonly ceiling = computed(() => niceCeiling(Math.max(0, ...this.data().map((datum) => datum.value))));
  private readonly y = (value: number) => TOP + (1 - value / this.ceiling()) * (HEIGHT - TOP - BOTTOM);

  protected readonly grid = computed(() => {
    const format = this.axisFormat();
    return gridlines(this.ceiling()).map((value) => ({ y: this.y(value), text: format(value) }));
  });

  protected readonly points = computed(() => {
    const data = this.data();
    const step = data.length > 1 ? (WIDTH - LEFT - RIGHT) / (data.length - 1) : 0;
    // Every other day is labelled on the axis, counting back from the latest, which always is.
    return data.map((datum, i) => ({
      ...datum,
      x: data.length > 1 ? LEFT + i * step : (LEFT + WIDTH - RIGHT) / 2,
      y: this.y(datum.value),
      labelled: (data.length - 1 - i) % 2 === 0,
    }));
  });

  protected readonly line = computed(() => this.points().map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' '));
  protected readonly area = computed(() => {
    const points = this.points();
    if (!points.length) return '';
    return `${this.line()} L${points[points.length - 1].x},${this.baseline} L${points[0].x},${this.baseline} Z`;
  });
  protected readonly latest = computed(() => this.points().at(-1) ?? null);
}
