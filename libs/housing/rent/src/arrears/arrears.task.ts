import { Injectable } from '@nestjs/common';
import type { ScheduledTask } from '@hearth/platform-kernel';
import { ArrangementService, type ArrangementCheckOutcome } from './arrangement.service';
import { RecoveryService, type RecoveryOutcome } from './recovery.service';

/** How often the worker runs arrears recovery for each member with rent on: balances move with every payment. */
export const ARREARS_EVERY_MS = 3_600_000;

export type ArrearsOutcome = ArrangementCheckOutcome & RecoveryOutcome;

/**
 * The hourly arrears work for one member (ADR 12): arrangements first, so one broken in this run
 * lets recovery move its account on at once, then recovery stages. Every step is a set-based
 * claim, so two workers racing never complete, break or enter anything twice.
 */
@Injectable()
export class ArrearsTask implements ScheduledTask {
  constructor(
    private readonly arrangements: ArrangementService,
    private readonly recovery: RecoveryService,
  ) {}

  async run(): Promise<ArrearsOutcome> {
    const arrangements = await this.arrangements.check();
    return { ...arrangements, ...(await this.recovery.run()) };
  }
}
