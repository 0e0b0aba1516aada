import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, LocaleFormat, PageComponent, PagerComponent, translate } from '@hearth/console-core';
import { DeliveryStatusComponent } from '../delivery-status/delivery-status.component';
import { EndpointListStore } from '../webhook-endpoints.store';
import { WEBHOOKS_TEXT } from '../webhooks.text';

/** The member's webhook endpoints, with the way to add another. */
@Component({
  selector: 'hearth-endpoint-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, DeliveryStatusComponent, MatAnchor, MatProgressBar, PageComponent, PagerComponent, RouterLink],
  providers: [EndpointListStore],
  templateUrl: './endpoint-list.component.html',
  styleUrl: './endpoint-list.component.scss',
})
export class EndpointListComponent {
  protected readonly endpoints = inject(EndpointListStore).endpoints;
  protected readonly t = translate(WEBHOOKS_TEXT);
  protected readonly format = inject(LocaleFormat);

  constructor() {
    void this.endpoints.first();
  }
}
