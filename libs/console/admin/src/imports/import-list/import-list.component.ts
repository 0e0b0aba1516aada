import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, FORMAT_PIPES, LocaleFormat, PageComponent, PagerComponent, translate } from '@hearth/console-core';
import { ImportKindPipe } from '../import-kind.pipe';
import { ImportRunsStore } from '../import-runs.store';
import { IMPORTS_TEXT } from '../imports.text';
import { ImportStatusComponent } from '../import-status.component';

/** Every import the member has run, newest first, and the way to start another. */
@Component({
  selector: 'hearth-import-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, FORMAT_PIPES, ImportKindPipe, ImportStatusComponent, MatAnchor, MatProgressBar, PageComponent, PagerComponent, RouterLink],
  providers: [ImportRunsStore],
  templateUrl: './import-list.component.html',
  styleUrl: './import-list.component.scss',
})
export class ImportListComponent {
  protected readonly store = inject(ImportRunsStore);
  protected readonly runs = this.store.runs;
  protected readonly format = inject(LocaleFormat);
  protected readonly t = translate(IMPORTS_TEXT);

  constructor() {
    void this.runs.first();
  }
}
