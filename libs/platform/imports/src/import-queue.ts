import { Inject, Injectable } from '@nestjs/common';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { QueueOnEvent, TenantJobQueue } from '@hearth/platform-jobs';
import { IMPORTS_QUEUE } from './imports.permissions';

/** Import runs for the worker: `{ tenantId, ids: [runId] }`, the run id as job id. */
@Injectable()
export class ImportQueue extends TenantJobQueue {
  constructor(@Inject(HEARTH_CONFIG) config: HearthConfig) {
    super(config, IMPORTS_QUEUE, 'import');
  }
}

/** Queues a run once the transaction that started it has committed (the event comes through the outbox). */
@Injectable()
export class ImportQueuedHandler extends QueueOnEvent {
  constructor(queue: ImportQueue) {
    super(queue);
  }
}
