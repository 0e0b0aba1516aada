import { Module } from '@nestjs/common';
import { RedisModule } from './redis.module';
import { OutboxRelay } from './outbox-relay';
import { EventDispatcher } from './event-dispatcher';

/** The outbox relay and the event dispatcher; the worker process starts them. */
@Module({
  imports: [RedisModule],
  providers: [OutboxRelay, EventDispatcher],
  exports: [OutboxRelay, EventDispatcher],
})
export class JobsModule {}
