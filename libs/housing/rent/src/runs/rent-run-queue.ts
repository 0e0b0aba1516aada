import { Inject, Injectable } from '@nestjs/common';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { QueueOnEvent, TenantJobQueue } from '@hearth/platform-jobs';

/** BullMQ queue of rent runs: `{ tenantId, ids: [runId] }`, the run id as job id. */
export const RENT_RUNS_QUEUE = 'hearth-rent-runs';

@Injectable()
export class RentRunQueue extends TenantJobQueue {
  constructor(@Inject(HEARTH_CONFIG) config: HearthConfig) {
    super(config, RENT_RUNS_QUEUE, 'rent-run');
  }
}

/** Queues a run once the transaction that started it has committed. */
@Injectable()
export class RentRunQueuedHandler extends QueueOnEvent {
  constructor(queue: RentRunQueue) {
    super(queue);
  }
}
