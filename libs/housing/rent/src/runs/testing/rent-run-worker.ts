import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@hearth/platform-core';
import { HearthPlatformModule } from '@hearth/platform-kernel';
import { CalendarModule } from '@hearth/platform-calendar';
import { ImportsModule } from '@hearth/platform-imports';
import { AssetsModule } from '@hearth/housing-assets';
import { TenanciesModule } from '@hearth/housing-tenancies';
import { RentModule } from '../../rent.module';
import { RentRunProcessor } from '../rent-run.processor';

/**
 * A worker process that runs rent runs, booted as apps/worker boots (the kernel in its worker
 * role, configured from the environment), for the test that kills one mid-run with SIGKILL.
 * RENT_RUN_CHUNK sets the chunk size, so a small run is still many chunks; the short job lock
 * hands a dead worker's run to the next worker within seconds rather than half a minute.
 */
const config = loadConfig();

@Module({ imports: [HearthPlatformModule.forRoot({ config, modules: [ImportsModule, CalendarModule, AssetsModule, TenanciesModule, RentModule], process: 'worker' })] })
class RentRunWorkerModule {}

NestFactory.createApplicationContext(RentRunWorkerModule, { logger: ['error', 'warn'] })
  .then((app) => {
    app.enableShutdownHooks();
    app.get(RentRunProcessor).start({ chunkAccounts: Number(process.env.RENT_RUN_CHUNK), lockDurationMs: 2_000 });
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
