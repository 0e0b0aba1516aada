import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { connectionCost, IdArg, JSONObjectScalar, PageArgs, requestLoader } from '@hearth/platform-graphql';
import { ConfigurationAdoptionService } from './configuration-adoption.service';
import {
  ConfigurationAdoption,
  ConfigurationAdoptionConnection,
  ConfigurationAdoptionResult,
  ConfigurationKind,
  SharedConfiguration,
  SharedConfigurationPreviewResult,
} from './shared-configuration.model';
import { SharedConfigurationService } from './shared-configuration.service';
import { ConfigurationAdoptionInput } from './dto/shared-configuration.input';
import { sharedConfigurationsPermissions as can } from './shared-configurations.permissions';

@Resolver(() => ConfigurationAdoption)
export class ConfigurationAdoptionResolver {
  constructor(
    private readonly adoptions: ConfigurationAdoptionService,
    private readonly library: SharedConfigurationService,
  ) {}

  @Query(() => SharedConfigurationPreviewResult, {
    description: "What copying a shared configuration (or the adaptation given) would change in the member's own, item by item, and what the owning module would refuse. Nothing is changed.",
  })
  @Access(can.read)
  sharedConfigurationPreview(
    @IdArg('id') id: string,
    @Args('content', { type: () => JSONObjectScalar, nullable: true, description: "An adaptation, in the kind's shape; the published content when omitted." })
    content?: Record<string, unknown>,
    @Args('target', { type: () => String, nullable: true, description: 'Where it would go (a letter template code); the published one when omitted.' })
    target?: string,
  ): Promise<typeof SharedConfigurationPreviewResult> {
    return this.adoptions.preview(id, content ?? undefined, target ?? undefined);
  }

  @Query(() => ConfigurationAdoptionConnection, { description: 'What the member has copied from the library, newest first.', complexity: connectionCost })
  @Access(can.read)
  configurationAdoptions(@Args() args: PageArgs): Promise<ConfigurationAdoptionConnection> {
    return this.adoptions.list(args);
  }

  @Mutation(() => ConfigurationAdoptionResult, {
    description: "Copies a shared configuration, or the member's adaptation of it, into the member's own settings, all or nothing, and records where it came from.",
  })
  @Access(can.adopt)
  adoptSharedConfiguration(@Args('input') input: ConfigurationAdoptionInput): Promise<typeof ConfigurationAdoptionResult> {
    return this.adoptions.adopt(input);
  }

  @ResolveField(() => ConfigurationKind)
  kind(@Parent() adoption: ConfigurationAdoption): ConfigurationKind {
    return this.library.kindModelOf(adoption.kindKey);
  }

  @ResolveField(() => SharedConfiguration, { description: 'The version it was copied from (withdrawn since, perhaps).' })
  async source(@Parent() adoption: ConfigurationAdoption): Promise<SharedConfiguration> {
    return (await requestLoader<string, SharedConfiguration | null>('sharedConfigurationsById', (ids) => this.library.findMany(ids)).load(adoption.sourceId))!;
  }

  @ResolveField(() => Boolean, { description: "Whether the member's configuration has changed since it was copied (it no longer holds what was applied)." })
  adaptedSince(@Parent() adoption: ConfigurationAdoption): Promise<boolean> {
    return this.adoptions.adaptedSince(adoption);
  }
}
