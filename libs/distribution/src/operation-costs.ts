import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import { operationCostTable, withCostTable } from '@hearth/platform-graphql';
import { ModuleRegistry, ModulesResolver, ViewerResolver } from '@hearth/platform-kernel';
import { INSTALLED_MODULES } from './index';

/** The partner guide's page of limits, whose operation-cost table is generated. */
export const LIMITS_DOC = join(__dirname, '../../../docs/partners/limits.md');

/** The API's schema as the server builds it (each field with its cost rule), without a database. */
export async function installedSchema(): Promise<GraphQLSchema> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const registry = new ModuleRegistry(INSTALLED_MODULES);
    return await app.get(GraphQLSchemaFactory).create([ViewerResolver, ModulesResolver, ...registry.all().flatMap((m) => m.resolvers ?? [])]);
  } finally {
    await app.close();
  }
}

/** docs/partners/limits.md as it should be: its operation-cost table regenerated from the installed schema. */
export async function limitsDocument(): Promise<string> {
  return withCostTable(readFileSync(LIMITS_DOC, 'utf8'), operationCostTable(await installedSchema()));
}
