import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, LocaleFormat, PageComponent, PagerComponent, translate } from '@hearth/console-core';
import { injectImportKindName } from '../import-kind.pipe';
import { ImportRunStore } from '../import-run.store';
import { ImportStatusComponent } from '../import-status.component';
import { IMPORTS_TEXT } from '../imports.text';

/** One import: its progress while it runs, then what it changed or every problem in the file. */
@Component({
  selector: 'hearth-import-run',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, ImportStatusComponent, MatAnchor, MatProgressBar, PageComponent, PagerComponent, RouterLink],
  providers: [ImportRunStore],
  templateUrl: './import-run.component.html',
  styleUrl: './import-run.component.scss',
})
export class ImportRunComponent {
  readonly id = input.required<string>();

  protected readonly store = inject(ImportRunStore);
  protected readonly format = inject(LocaleFormat);
  protected readonly t = translate(IMPORTS_TEXT);
  private readonly kindName = injectImportKindName();

  protected readonly heading = computed(() => {
    const run = this.store.run();
    return run ? this.t().runTitle(run.file.name) : this.t().title;
  });

  protected readonly intro = computed(() => {
    const run = this.store.run();
    return run ? this.t().runIntro(this.kindName(run.kind), run.startedBy, this.format.dateTime(run.createdAt)) : null;
  });

  protected readonly progressText = computed(() => {
    const run = this.store.run();
    if (!run || run.status === 'QUEUED') return this.t().queued;
    const { rowsStaged, rowsValidated, rowsApplied } = run.progress;
    return this.t().progress(this.format.number(rowsStaged), this.format.number(rowsValidated), this.format.number(rowsApplied));
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.open(id));
    });
  }
}
