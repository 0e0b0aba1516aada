import 'reflect-metadata';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import type { HearthConfig } from '@hearth/platform-core';
import { ACT_FOR_HEADER } from '@hearth/platform-auth';
import { ApiModule } from './api.module';

/** The committed SDL; `npm run schema` rewrites it and a test fails when it is stale. */
export const SCHEMA_FILE = join(__dirname, '../../../schema.graphql');

export interface ApiOptions {
  /** Write the SDL to schema.graphql (development) or keep it in memory (tests, production). */
  writeSchema?: boolean;
}

/** Builds the API application without listening, so tests and the start command share it. */
export async function createApi(config: HearthConfig, options: ApiOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule.forRoot(config, { schemaFile: options.writeSchema ? SCHEMA_FILE : true }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableCors({
    origin: config.api.corsOrigins,
    allowedHeaders: ['authorization', 'content-type', ACT_FOR_HEADER, 'x-request-id', 'apollo-require-preflight'],
    exposedHeaders: ['x-request-id'],
  });
  app.enableShutdownHooks();
  return app;
}
