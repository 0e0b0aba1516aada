import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { translate, type WebhookDeliveryStatus } from '@hearth/console-core';
import { WEBHOOKS_TEXT } from '../webhooks.text';

const TONE: Record<WebhookDeliveryStatus, string> = { SUCCEEDED: 'good', FAILED: 'bad', PENDING: 'waiting' };

/** A delivery's status as a badge: in words, the colour only a second sign. */
@Component({
  selector: 'hearth-delivery-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="'badge ' + tone[status()]" data-testid="delivery-status">{{ t().deliveryStatuses[status()] }}</span>`,
  styleUrl: './delivery-status.component.scss',
})
export class DeliveryStatusComponent {
  readonly status = input.required<WebhookDeliveryStatus>();
  protected readonly t = translate(WEBHOOKS_TEXT);
  protected readonly tone = TONE;
}
