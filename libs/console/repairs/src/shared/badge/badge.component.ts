import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type BadgeTone = 'danger' | 'warning' | 'success' | 'info' | 'neutral';

/** A status in words, coloured as well (never only coloured); every tone keeps 4.5:1 contrast. */
@Component({
  selector: 'hearth-repairs-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<ng-content />',
  styleUrl: './badge.component.scss',
  host: { '[class]': '"badge " + tone()' },
})
export class BadgeComponent {
  readonly tone = input<BadgeTone>('neutral');
}
