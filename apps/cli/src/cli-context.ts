import { Module, type DynamicModule, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { HearthConfig } from '@hearth/platform-core';
import { HearthPlatformModule } from '@hearth/platform-kernel';
import { INSTALLED_MODULES } from '@hearth/distribution';

@Module({})
class CliModule {
  static forRoot(config: HearthConfig, imports: Type[]): DynamicModule {
    return {
      module: CliModule,
      imports: [HearthPlatformModule.forRoot({ config, modules: INSTALLED_MODULES, process: 'cli' }), ...imports],
    };
  }
}

/** Boots the kernel without HTTP, runs `fn` with it, and always shuts it down. */
export async function withPlatform<T>(
  config: HearthConfig,
  fn: (app: INestApplicationContext) => Promise<T>,
  imports: Type[] = [],
): Promise<T> {
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config, imports), { logger: ['error', 'warn'] });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}
