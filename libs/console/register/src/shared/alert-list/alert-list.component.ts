import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { FORMAT_PIPES, translate } from '@hearth/console-core';
import type { RegisterAlertFragment } from '../../graphql.generated';
import { REGISTER_LABELS } from '../labels.text';

/**
 * A person's HACT alerts by the code's meaning. The private note shows only when the API gave
 * it (the reader holds the alert-notes permission); the list never asks for it otherwise.
 */
@Component({
  selector: 'hearth-register-alert-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FORMAT_PIPES, MatButton],
  templateUrl: './alert-list.component.html',
  styleUrl: './alert-list.component.scss',
})
export class AlertListComponent {
  readonly alerts = input.required<readonly RegisterAlertFragment[]>();
  /** Whose alerts, by person id, when the list holds a household's. */
  readonly names = input<Readonly<Record<string, string>>>({});
  readonly canEnd = input(false);
  readonly ending = input<string | null>(null);
  readonly end = output<RegisterAlertFragment>();
  protected readonly t = translate(REGISTER_LABELS);
}
