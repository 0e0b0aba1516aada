import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ApiErrorComponent, PageComponent, translate } from '@hearth/console-core';
import { ImportKindPipe } from '../import-kind.pipe';
import { IMPORTS_TEXT } from '../imports.text';
import { NewImportStore } from '../new-import.store';

/** Choose a kind (its documented columns shown), choose a CSV file, upload it and start the import. */
@Component({
  selector: 'hearth-new-import',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, ImportKindPipe, MatAnchor, MatButton, MatFormField, MatLabel, MatOption, MatProgressBar, MatSelect, PageComponent, RouterLink],
  providers: [NewImportStore],
  templateUrl: './new-import.component.html',
  styleUrl: './new-import.component.scss',
})
export class NewImportComponent {
  protected readonly store = inject(NewImportStore);
  protected readonly t = translate(IMPORTS_TEXT);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** Why the start was refused, in words, unless it belongs beside a field. */
  protected readonly refusal = computed(() => {
    const problem = this.store.problem();
    if (problem?.kind !== 'refused') return null;
    return this.t().startProblems[problem.code] ?? problem.message;
  });

  constructor() {
    void this.store.loadKinds();
  }

  protected fileChosen(event: Event): void {
    this.store.chooseFile((event.target as HTMLInputElement).files?.[0] ?? null);
  }

  protected async start(): Promise<void> {
    const id = await this.store.start();
    if (id) await this.router.navigate(['..', id], { relativeTo: this.route });
  }
}
