import type { HearthConfig } from '@hearth/platform-core';
import { serveForTest, type TestApi } from '@hearth/platform-testing';
import { createApi } from './bootstrap';

/** The real API, exactly as production builds it, on a free port for a test file. */
export async function startTestApi(config: HearthConfig): Promise<TestApi> {
  return serveForTest(await createApi(config));
}
