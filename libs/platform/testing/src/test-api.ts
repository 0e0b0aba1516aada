import type { INestApplication } from '@nestjs/common';
import type { HearthConfig } from '@hearth/platform-core';

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

/** Boots the real API (the same createApi as production) on a free port. */
export async function startTestApi(config: HearthConfig): Promise<TestApi> {
  // Required lazily so that libraries' unit tests do not load the whole API.
  const { createApi } = await import('../../../../apps/api/src/bootstrap');
  const app = await createApi(config);
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
