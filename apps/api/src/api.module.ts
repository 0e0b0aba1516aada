import { Module, type DynamicModule } from '@nestjs/common';
import type { HearthConfig } from '@hearth/platform-core';
import { HearthPlatformModule } from '@hearth/platform-kernel';
import { HearthGraphQLModule } from '@hearth/platform-graphql';
import { RedisModule } from '@hearth/platform-jobs';
import { INSTALLED_MODULES } from '@hearth/distribution';
import { HealthController } from './health.controller';

@Module({})
export class ApiModule {
  static forRoot(config: HearthConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        HearthPlatformModule.forRoot({ config, modules: INSTALLED_MODULES, process: 'api' }),
        // The SDL is built in memory; schema.graphql is written by `npm run schema` (see printHearthSchema).
        HearthGraphQLModule.forRoot(),
        RedisModule,
      ],
      controllers: [HealthController],
    };
  }
}
