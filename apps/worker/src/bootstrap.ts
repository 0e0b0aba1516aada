import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext, Type } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import type { HearthConfig } from '@hearth/platform-core';
import { assertNoEviction, EventDispatcher, OutboxRelay, Readiness, REDIS, ScheduledJobs } from '@hearth/platform-jobs';
import { ModuleRegistry } from '@hearth/platform-kernel';
import { WorkerModule } from './worker.module';
import { serveHealth } from './health-server';

/**
 * Starts the worker: the outbox relay, the event dispatcher, modules' queue processors (imports,
 * rent runs) and their scheduled jobs. On SIGTERM Nest's shutdown hooks stop taking work, let
 * running jobs finish, and close connections, so a deploy never cuts a job in half (BullMQ
 * would redeliver it anyway; handlers are idempotent).
 */
export async function startWorker(config: HearthConfig, modules?: readonly Type[]): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, modules), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await assertNoEviction(app.get(REDIS), (message) => app.get(Logger).warn(message));
  await app.get(OutboxRelay).start();
  app.get(EventDispatcher).start();
  for (const definition of app.get(ModuleRegistry).all()) {
    for (const processor of definition.processors ?? []) app.get(processor, { strict: false }).start();
  }
  await app.get(ScheduledJobs).start();
  if (config.worker.healthPort !== undefined) {
    const server = await serveHealth(app.get(Readiness), config.worker.healthPort);
    // Closed first on shutdown, so the orchestrator stops routing to a worker that is leaving.
    process.once('SIGTERM', () => server.close());
  }
  return app;
}
