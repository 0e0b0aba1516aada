import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { hearthContext } from '@hearth/platform-database';
import { connectionCost, IdArg, requestLoader } from '@hearth/platform-graphql';
import { Member } from '@hearth/platform-kernel';
import { ConfigurationAdoptionService } from './configuration-adoption.service';
import {
  ConfigurationAdoption,
  ConfigurationKind,
  SharedConfiguration,
  SharedConfigurationConnection,
  SharedConfigurationDraftResult,
  SharedConfigurationPublishResult,
  SharedConfigurationWithdrawResult,
} from './shared-configuration.model';
import { SharedConfigurationService } from './shared-configuration.service';
import { SharedConfigurationPublishInput, SharedConfigurationsArgs } from './dto/shared-configuration.input';
import { sharedConfigurationsPermissions as can } from './shared-configurations.permissions';

@Resolver(() => SharedConfiguration)
export class SharedConfigurationResolver {
  constructor(
    private readonly library: SharedConfigurationService,
    private readonly adoptions: ConfigurationAdoptionService,
  ) {}

  @Query(() => [ConfigurationKind], { description: 'The kinds of configuration the library holds, in the order the console offers them.' })
  @Access(can.read)
  configurationKinds(): ConfigurationKind[] {
    return this.library.kindModels();
  }

  @Query(() => SharedConfigurationConnection, {
    description: 'The shared configuration library: each piece at its newest version not withdrawn, newest publication first. Members only.',
    complexity: connectionCost,
  })
  @Access(can.read)
  sharedConfigurations(@Args() args: SharedConfigurationsArgs): Promise<SharedConfigurationConnection> {
    return this.library.list(args.filter ?? {}, args);
  }

  @Query(() => SharedConfiguration, { nullable: true, description: 'One version, withdrawn or not.' })
  @Access(can.read)
  sharedConfiguration(@IdArg('id') id: string): Promise<SharedConfiguration | null> {
    return this.library.find(id);
  }

  @Query(() => SharedConfigurationDraftResult, {
    description: "What publishing a kind would publish, taken from the member's configuration and checked for private data; nothing is published.",
  })
  @Access(can.publish)
  sharedConfigurationDraft(
    @Args('kind') kind: string,
    @Args('subject', { type: () => String, nullable: true }) subject?: string,
  ): Promise<typeof SharedConfigurationDraftResult> {
    return this.library.draft(kind, subject ?? undefined);
  }

  @Mutation(() => SharedConfigurationPublishResult, {
    description: "Publishes a piece of the member's configuration, or a new version of one, to every member. Refused if it holds data about people, tenancies, accounts or homes.",
  })
  @Access(can.publish)
  publishSharedConfiguration(@Args('input') input: SharedConfigurationPublishInput): Promise<typeof SharedConfigurationPublishResult> {
    return this.library.publish(input);
  }

  @Mutation(() => SharedConfigurationWithdrawResult, { description: 'Withdraws a version the member published: it stays readable, for the copies that name it, but can no longer be copied.' })
  @Access(can.publish)
  withdrawSharedConfiguration(@IdArg('id') id: string): Promise<typeof SharedConfigurationWithdrawResult> {
    return this.library.withdraw(id);
  }

  @ResolveField(() => ConfigurationKind)
  kind(@Parent() row: SharedConfiguration): ConfigurationKind {
    return this.library.kindModelOf(row.kindKey);
  }

  @ResolveField(() => Member, { description: 'The member that published it.' })
  async publisher(@Parent() row: SharedConfiguration): Promise<Member> {
    return (await requestLoader<string, Member | null>('sharedConfigurationPublishers', (ids) => this.library.publishers(ids)).load(row.publisherId))!;
  }

  @ResolveField(() => Boolean, { description: 'Whether the current member published it.' })
  mine(@Parent() row: SharedConfiguration): boolean {
    return row.publisherId === hearthContext.require().tenantId;
  }

  @ResolveField(() => [SharedConfiguration], { description: 'Every version of this piece, newest first, withdrawn ones included.' })
  versions(@Parent() row: SharedConfiguration): Promise<SharedConfiguration[]> {
    return requestLoader<string, SharedConfiguration[]>('sharedConfigurationVersions', (ids) => this.library.versionsOf(ids)).load(row.lineageId);
  }

  @ResolveField(() => ConfigurationAdoption, { nullable: true, description: "The current member's newest copy of this piece (of any version), if it made one." })
  myAdoption(@Parent() row: SharedConfiguration): Promise<ConfigurationAdoption | null> {
    return requestLoader<string, ConfigurationAdoption | null>('sharedConfigurationAdoptions', (ids) => this.adoptions.latestOf(ids)).load(row.lineageId);
  }
}

@Resolver(() => ConfigurationKind)
export class ConfigurationKindResolver {
  constructor(private readonly library: SharedConfigurationService) {}

  @ResolveField(() => Boolean, { description: 'Whether the current member has the owning module on, so it can publish and copy this kind.' })
  async available(@Parent() model: ConfigurationKind): Promise<boolean> {
    const kind = this.library.kindOf(model.key);
    return kind ? this.library.available(kind) : false;
  }

  @ResolveField(() => [String], { description: "The current member's things of this kind it can publish one at a time (letter template codes); empty for kinds it has one of." })
  async subjects(@Parent() model: ConfigurationKind): Promise<string[]> {
    const kind = this.library.kindOf(model.key);
    return kind && (await this.library.available(kind)) ? kind.subjects() : [];
  }
}
