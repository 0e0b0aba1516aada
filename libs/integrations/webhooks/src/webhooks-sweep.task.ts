import { Injectable } from '@nestjs/common';
import type { ScheduledTask } from '@hearth/platform-kernel';
import { WebhookDeliveries } from './webhook-deliveries.service';

export const SWEEP_EVERY_MS = 60_000;

/** `webhooks.webhooks-sweep`, every minute per member: the database's due deliveries back in the queue (see WebhookDeliveries.sweep). */
@Injectable()
export class WebhooksSweepTask implements ScheduledTask {
  constructor(private readonly deliveries: WebhookDeliveries) {}

  run(): Promise<{ requeued: number; disabled: number }> {
    return this.deliveries.sweep();
  }
}
