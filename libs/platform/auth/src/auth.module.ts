import { Global, Module } from '@nestjs/common';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { AccessGuard } from './access.guard';
import { AccessTokenVerifier, KeycloakAccessTokenVerifier } from './access-token-verifier';
import { MemberResolution } from './member-resolution';

/** Token validation and access control; the kernel installs AccessGuard as the first global guard. */
@Global()
@Module({
  providers: [
    {
      provide: AccessTokenVerifier,
      inject: [HEARTH_CONFIG],
      useFactory: (config: HearthConfig) => new KeycloakAccessTokenVerifier(config.auth),
    },
    MemberResolution,
    AccessGuard,
  ],
  exports: [AccessTokenVerifier, MemberResolution, AccessGuard],
})
export class AuthModule {}
