import { Role } from '@hearth/platform-auth';
import { HearthModule } from '@hearth/platform-kernel';
import { MemberModulesResolver } from './member-modules.resolver';
import { MemberModulesService } from './member-modules.service';
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
  providers: [MemberService, MemberModulesService, ManifestValidator, OnboardingService, identityDirectoryProvider],
  resolvers: [MemberResolver, MemberModulesResolver, OnboardingResolver],
  console: { routes: [{ path: 'consortium', title: { en: 'Members', cy: 'Aelodau' }, roles: [Role.ConsortiumAdmin] }] },
  // Exported so that commands (`tenants:apply`) and other modules onboard through the one service.
  exports: [MemberService, OnboardingService],
})
export class MembersModule {}
