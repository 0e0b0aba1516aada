import { JSONObjectScalar } from '@hearth/platform-graphql';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Access, Role } from '@hearth/platform-auth';
import { hearthContext } from '@hearth/platform-database';
import { Member } from '@hearth/platform-kernel';
import { manifestFromInput, MemberManifestInput } from './dto/member-manifest.input';
import { ApplyManifestResult, ManifestApplied, ManifestInvalid } from './onboarding.model';
import type { ManifestProblem } from './onboarding/member-manifest';
import { describeChange } from './onboarding/onboarding-plan';
import { OnboardingService, type ApplyOptions, type OnboardingOutcome } from './onboarding/onboarding.service';

const DRY_RUN = { defaultValue: false, description: 'Work out and report the changes, then roll them back.' };

/** The consortium admins' side of onboarding: the same service, and so the same rules, as `tenants:apply`. */
@Resolver()
@Access({ roles: [Role.ConsortiumAdmin] })
export class OnboardingResolver {
  constructor(private readonly onboarding: OnboardingService) {}

  @Mutation(() => ApplyManifestResult, {
    description: "Creates a member or brings it in line with its manifest. Modules not listed are switched off (their settings kept).",
  })
  async applyMemberManifest(
    @Args('input') input: MemberManifestInput,
    @Args('dryRun', DRY_RUN) dryRun: boolean,
  ): Promise<typeof ApplyManifestResult> {
    const { manifest, problems } = manifestFromInput(input);
    if (problems.length) return invalid(problems);
    return result(await this.onboarding.applyManifest(manifest, options(dryRun)), manifest.slug);
  }

  @Mutation(() => ApplyManifestResult, {
    description: "Switches one module on or off for a member. Switching on without settings keeps the member's stored settings.",
  })
  async setMemberModule(
    @Args('member', { description: "The member's slug." }) member: string,
    @Args('module', { description: 'The module key.' }) module: string,
    @Args('enabled') enabled: boolean,
    @Args('settings', { type: () => JSONObjectScalar, nullable: true }) settings: Record<string, unknown> | null,
    @Args('dryRun', DRY_RUN) dryRun: boolean,
  ): Promise<typeof ApplyManifestResult> {
    return result(await this.onboarding.setModule(member, module, enabled, settings ?? undefined, options(dryRun)), member);
  }
}

/** The consortium admin is recorded as the actor, under this request's id. */
function options(dryRun: boolean): ApplyOptions {
  const { actor, requestId } = hearthContext.require();
  return { dryRun, actor, requestId };
}

function result(outcome: OnboardingOutcome, slug: string): typeof ApplyManifestResult {
  if (outcome.status === 'invalid') return invalid(outcome.problems);
  const plan = outcome.plans.find((p) => p.slug === slug)!;
  return Object.assign(new ManifestApplied(), {
    member: Member.from(outcome.members.get(slug)!),
    changes: plan.changes.map((change) => describeChange(slug, change)),
    applied: outcome.status === 'applied',
    identity: outcome.identity.map((step) => step.detail),
  });
}

function invalid(problems: ManifestProblem[]): ManifestInvalid {
  return Object.assign(new ManifestInvalid(), {
    code: 'MANIFEST_INVALID' as const,
    message: `The manifest has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was changed.`,
    problems: problems.map(({ field, message }) => ({ field: field || '/', message })),
  });
}
