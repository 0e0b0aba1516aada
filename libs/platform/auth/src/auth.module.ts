import { Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { AccessGuard } from './access.guard';
import { AccessTokenVerifier, CachingAccessTokenVerifier, KeycloakAccessTokenVerifier } from './access-token-verifier';
import { MemberResolution } from './member-resolution';
import { RateLimiter } from './rate-limiter';

/** Token validation and access control; the kernel installs AccessGuard as the first global guard. */
@Global()
@Module({
  providers: [
    {
      provide: AccessTokenVerifier,
      inject: [HEARTH_CONFIG],
      // A client sends the same token with every request: its signature is checked once, then
      // the verdict is reused until the token expires (see CachingAccessTokenVerifier).
      useFactory: (config: HearthConfig) => new CachingAccessTokenVerifier(new KeycloakAccessTokenVerifier(config.auth)),
    },
    {
      provide: RateLimiter,
      inject: [HEARTH_CONFIG],
      useFactory: (config: HearthConfig) => new RateLimiter(config.redis.url, config.redis.prefix),
    },
    MemberResolution,
    AccessGuard,
  ],
  exports: [AccessTokenVerifier, MemberResolution, AccessGuard, RateLimiter],
})
export class AuthModule implements OnApplicationShutdown {
  constructor(private readonly limiter: RateLimiter) {}

  async onApplicationShutdown(): Promise<void> {
    await this.limiter.close();
  }
}
