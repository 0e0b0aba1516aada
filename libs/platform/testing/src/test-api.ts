import { Module, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { HearthConfig } from '@hearth/platform-core';
import { HearthGraphQLModule } from '@hearth/platform-graphql';
import { HearthPlatformModule } from '@hearth/platform-kernel';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

export interface TestApi {
  url: string;
  app: INestApplication;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; actFor?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** Serves an application (the API's own createApi, in its tests) on a free loopback port. */
export async function serveForTest(app: INestApplication): Promise<TestApi> {
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    url,
    app,
    async gql(query, variables, options = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.actFor ? { 'x-hearth-act-for': options.actFor } : {}),
          ...options.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLResponse;
      return { ...body, status: response.status } as never;
    },
    async close() {
      await app.close();
    },
  };
}

/**
 * The API's GraphQL stack with only `modules` installed, served on a free loopback port: how a
 * library tests its own operations (the app that serves every module is in a scope libraries may
 * not import).
 */
export async function serveModulesForTest(config: HearthConfig, modules: readonly Type[]): Promise<TestApi> {
  @Module({ imports: [HearthPlatformModule.forRoot({ config, modules, process: 'test' }), HearthGraphQLModule.forRoot()] })
  class ModulesApi {}
  return serveForTest(await NestFactory.create(ModulesApi, { logger: false }));
}
