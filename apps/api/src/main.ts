import { ConfigError, loadConfig } from '@hearth/platform-core';
import { createApi } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApi(config);
  await app.listen(config.api.port);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
