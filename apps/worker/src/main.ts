import { ConfigError, loadConfig } from '@hearth/platform-core';
import { startWorker } from './bootstrap';

startWorker(loadConfig()).catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
