import { Module } from '@nestjs/common';
import { RedisModule } from './redis.module';
import { OutboxRelay } from './outbox-relay';
import { EventDispatcher } from './event-dispatcher';
import { ScheduledJobs } from './scheduled-jobs';

/** The outbox relay, the event dispatcher and modules' scheduled jobs; the worker process starts them. */
@Module({
  imports: [RedisModule],
  providers: [OutboxRelay, EventDispatcher, ScheduledJobs],
  exports: [OutboxRelay, EventDispatcher, ScheduledJobs],
})
export class JobsModule {}
