import { HearthModule } from '@hearth/platform-kernel';
import { MemberResolver } from './member.resolver';
import { MemberService } from './member.service';
import { OnboardingResolver } from './onboarding.resolver';
import { identityDirectoryProvider } from './onboarding/identity-directory';
import { ManifestValidator } from './onboarding/manifest-validation';
import { OnboardingService } from './onboarding/onboarding.service';

/** The member directory and onboarding: core, so it is on for every member. */
@HearthModule({
  key: 'members',
  name: 'Members',
  description: "The consortium's member directory and onboarding of new members.",
  version: '1.0.0',
  core: true,
  providers: [MemberService, ManifestValidator, OnboardingService, identityDirectoryProvider],
  resolvers: [MemberResolver, OnboardingResolver],
  // Exported so that commands (`tenants:apply`) and other modules onboard through the one service.
  exports: [MemberService, OnboardingService],
})
export class MembersModule {}
