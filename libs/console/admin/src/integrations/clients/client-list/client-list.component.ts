import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, LocaleFormat, PageComponent, translate } from '@hearth/console-core';
import { CLIENTS_TEXT } from '../clients.text';
import { PartnerClientListStore } from '../partner-clients.store';

/** The member's partner clients, with the way to register another. */
@Component({
  selector: 'hearth-client-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, MatAnchor, MatProgressBar, PageComponent, RouterLink],
  providers: [PartnerClientListStore],
  templateUrl: './client-list.component.html',
  styleUrl: './client-list.component.scss',
})
export class ClientListComponent {
  protected readonly store = inject(PartnerClientListStore);
  protected readonly t = translate(CLIENTS_TEXT);
  protected readonly format = inject(LocaleFormat);

  constructor() {
    void this.store.load();
  }
}
