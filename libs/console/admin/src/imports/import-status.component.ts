import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { translate, type ImportRunStatus } from '@hearth/console-core';
import { IMPORTS_TEXT } from './imports.text';

const TONE: Record<ImportRunStatus, string> = { QUEUED: 'waiting', RUNNING: 'waiting', SUCCEEDED: 'good', FAILED: 'bad' };

/** A run's status in words, coloured as well: the colour is never the only sign. */
@Component({
  selector: 'hearth-import-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [class]="tone()" data-testid="run-status">{{ t().statuses[status()] }}</span>`,
  styleUrl: '../shared/_badges.scss',
})
export class ImportStatusComponent {
  readonly status = input.required<ImportRunStatus>();
  protected readonly t = translate(IMPORTS_TEXT);
  protected readonly tone = computed(() => `badge ${TONE[this.status()]}`);
}
