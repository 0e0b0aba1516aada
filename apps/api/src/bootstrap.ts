import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import type { HearthConfig } from '@hearth/platform-core';
import { ACT_FOR_HEADER } from '@hearth/platform-auth';
import { ApiModule } from './api.module';

/** Builds the API application without listening, so tests and the start command share it. */
export async function createApi(config: HearthConfig): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule.forRoot(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableCors({
    origin: config.api.corsOrigins,
    allowedHeaders: ['authorization', 'content-type', ACT_FOR_HEADER, 'x-request-id', 'apollo-require-preflight'],
    // Browser clients read the rate limit's headers to pace themselves.
    exposedHeaders: ['x-request-id', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After'],
  });
  app.enableShutdownHooks();
  return app;
}
