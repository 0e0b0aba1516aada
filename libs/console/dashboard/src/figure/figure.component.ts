import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Params } from '@angular/router';

/**
 * One headline figure as a link to the list behind it. A figure that needs attention (a breach, a
 * missed clock) is marked by a bar and its label says why: colour is never the only sign.
 */
@Component({
  selector: 'hearth-figure',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  templateUrl: './figure.component.html',
  styleUrl: './figure.component.scss',
})
export class FigureComponent {
  readonly label = input.required<string>();
  readonly value = input.required<string>();
  readonly note = input<string | null>(null);
  readonly link = input.required<string>();
  readonly queryParams = input<Params | null>(null);
  readonly attention = input(false);
}
