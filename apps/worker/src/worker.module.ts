import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { HearthConfig } from '@hearth/platform-core';
import { HearthPlatformModule } from '@hearth/platform-kernel';
import { JobsModule } from '@hearth/platform-jobs';
import { INSTALLED_MODULES } from '@hearth/distribution';

@Module({})
export class WorkerModule {
  static forRoot(config: HearthConfig, modules: readonly Type[] = INSTALLED_MODULES): DynamicModule {
    return {
      module: WorkerModule,
      imports: [HearthPlatformModule.forRoot({ config, modules, process: 'worker' }), JobsModule],
    };
  }
}
