import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ChartTableComponent } from '../chart-table/chart-table.component';
import type { ChartDatum } from '../chart';

// About the width a chart card has on a laptop, so 14-unit text reads at about 14px.
const WIDTH = 460;
const ROW = 34;
const BAR = 20;
const LABELS = 140;
/** Room right of the longest bar for its value, e.g. "66.7% (2 of 3)". */
const VALUES = 130;

/**
 * Horizontal bars, one a row, each labelled with its value: labels sit left of the bars, so long
 * (Welsh) labels never collide the way they would under vertical ones. The picture is an image
 * with a summary for screen readers; the numbers are in the table beneath it.
 */
@Component({
  selector: 'hearth-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChartTableComponent],
  templateUrl: './bar-chart.component.html',
  styleUrl: './bar-chart.component.scss',
})
export class BarChartComponent {
  readonly data = input.required<readonly ChartDatum[]>();
  /** The chart's name, also the table's caption. */
  readonly caption = input.required<string>();
  /** What the picture shows, in words: the image's accessible name. */
  readonly summary = input.required<string>();
  readonly labelHeading = input.required<string>();
  readonly valueHeading = input.required<string>();
  /** The value a full-length bar stands for (e.g. 100 for percentages); by default the largest value. */
  readonly max = input<number | null>(null);

  protected readonly width = WIDTH;
  protected readonly labelsEnd = LABELS - 10;
  protected readonly height = computed(() => this.data().length * ROW + 8);

  protected readonly bars = computed(() => {
    const data = this.data();
    const max = this.max() ?? Math.max(1, ...data.map((datum) => datum.value));
    const room = WIDTH - LABELS - VALUES;
    return data.map((datum, i) => {
      const length = Math.max(0, Math.min(1, datum.value / max)) * room;
      const y = i * ROW + 4;
      return { ...datum, y, middle: y + ROW / 2, barY: y + (ROW - BAR) / 2, length, valueX: LABELS + length + 8 };
    });
  });

  protected readonly barX = LABELS;
  protected readonly barHeight = BAR;
}
