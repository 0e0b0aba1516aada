import { HearthModule } from '@hearth/platform-kernel';
import { MemberResolver } from './member.resolver';
import { MemberService } from './member.service';

/** The member directory and onboarding: core, so it is on for every member. */
@HearthModule({
  key: 'members',
  name: 'Members',
  description: "The consortium's member directory and onboarding of new members.",
  version: '1.0.0',
  core: true,
  providers: [MemberService],
  resolvers: [MemberResolver],
  exports: [MemberService],
})
export class MembersModule {}
