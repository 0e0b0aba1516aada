import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { translate } from '../../i18n/translations';
import { CHART_TEXT, type ChartDatum } from '../chart';

/**
 * A chart's numbers as a table: always there for screen readers (visually hidden), and shown on
 * request for anyone who would rather read the figures than the picture.
 */
@Component({
  selector: 'hearth-chart-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton],
  templateUrl: './chart-table.component.html',
  styleUrl: './chart-table.component.scss',
})
export class ChartTableComponent {
  readonly caption = input.required<string>();
  readonly labelHeading = input.required<string>();
  readonly valueHeading = input.required<string>();
  readonly data = input.required<readonly ChartDatum[]>();

  protected readonly t = translate(CHART_TEXT);
  protected readonly shown = signal(false);
}
