import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@hearth/platform-core';
import { systemActor, TransactionManager } from '@hearth/platform-database';
import { HearthPlatformModule } from '@hearth/platform-kernel';
import { EventDispatcher, JobsModule, OutboxRelay } from '@hearth/platform-jobs';
import { WebhookDeliveries } from '../webhook-deliveries.service';
import { WebhookProcessor } from '../webhook.processor';
import { WebhooksModule } from '../webhooks.module';
import { ProbeModule } from './probe.module';

/**
 * A worker process as apps/worker boots one (relay, dispatcher, the webhook processor, the sweep),
 * for the test that kills one with SIGKILL mid-delivery. The short job lock hands a dead worker's
 * jobs to the next worker within a few seconds; the sweep runs every second rather than every
 * minute, for SWEEP_MEMBER_ID, so a delivery whose job died with the worker (or was failed as
 * stalled on a busy machine) is back in the queue as soon as production's would be, scaled down.
 */
const config = loadConfig();

NestFactory.createApplicationContext(
  { module: class WebhookWorkerModule {}, imports: [HearthPlatformModule.forRoot({ config, modules: [ProbeModule, WebhooksModule], process: 'worker' }), JobsModule] },
  { logger: ['error', 'warn'] },
)
  .then(async (app) => {
    app.enableShutdownHooks();
    await app.get(OutboxRelay).start();
    app.get(EventDispatcher).start();
    app.get(WebhookProcessor).start({ lockDurationMs: 2_000 });
    const tenantId = process.env['SWEEP_MEMBER_ID'];
    const transactions = app.get(TransactionManager);
    const deliveries = app.get(WebhookDeliveries);
    if (tenantId) {
      setInterval(() => void transactions.run({ actor: systemActor('webhooks-sweep'), tenantId }, () => deliveries.sweep(1_000)).catch(() => undefined), 1_000);
    }
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
