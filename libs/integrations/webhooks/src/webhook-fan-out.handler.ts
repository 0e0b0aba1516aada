import { Injectable } from '@nestjs/common';
import type { DeliveredEvent, EventHandler } from '@hearth/platform-kernel';
import { WebhookDeliveries } from './webhook-deliveries.service';

/** Receives every event (`handles: { '*': ... }`) and makes a delivery per subscribed endpoint. */
@Injectable()
export class WebhookFanOutHandler implements EventHandler {
  constructor(private readonly deliveries: WebhookDeliveries) {}

  async handle(event: DeliveredEvent): Promise<void> {
    await this.deliveries.fanOut(event);
  }
}
