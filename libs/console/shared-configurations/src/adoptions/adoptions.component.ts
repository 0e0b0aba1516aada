import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, LanguageService, LocaleFormat, PageComponent, PagerComponent, translate } from '@hearth/console-core';
import { SHARED_CONFIGURATIONS_TEXT } from '../shared-configurations.text';
import { kindName, memberName } from '../shared/configuration-view';
import { AdoptionsStore, type AdoptionRow } from './adoptions.store';

/** "Where did this come from": each copy the member made, the version and member it came from, and whether it was adapted. */
@Component({
  selector: 'hearth-configuration-adoptions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, MatProgressBar, PageComponent, PagerComponent, RouterLink],
  providers: [AdoptionsStore],
  templateUrl: './adoptions.component.html',
  styleUrl: './adoptions.component.scss',
})
export class AdoptionsComponent {
  protected readonly store = inject(AdoptionsStore);
  protected readonly format = inject(LocaleFormat);
  private readonly language = inject(LanguageService).language;
  protected readonly t = translate(SHARED_CONFIGURATIONS_TEXT);

  constructor() {
    void this.store.list.first();
  }

  protected kindName(row: AdoptionRow): string {
    return kindName(this.t(), row.kind.key, row.kind.name);
  }

  protected from(row: AdoptionRow): string {
    return this.t().copiedFrom(memberName(row.source.publisher, this.language()), row.source.title, row.source.version);
  }
}
