import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { connectionCost, IdArg } from '@hearth/platform-graphql';
import { Asset } from '@hearth/housing-assets';
import { Person, RegisterReference } from './person.model';
import { RegisterLoaders } from './register.loaders';
import {
  ChangeTenancyResult, MutualExchangeRecorded, RecordMutualExchangeResult, StartTenancyResult, Tenancy, TenancyConnection, TenancyEvent,
  TenancyParty, TenancyTerms, Terminology, type TenancyFailure,
} from './tenancy.model';
import { TenancyService } from './tenancy.service';
import { tenanciesPermissions as can } from './tenancies.permissions';
import { TENURE_LABELS } from './tenure-rules';
import { ukToday } from './uk-date';
import {
  AddHouseholdMemberInput, EndTenancyInput, RecordMutualExchangeInput, RecordSuccessionInput, RemoveHouseholdMemberInput,
} from './dto/change-tenancy.input';
import { TenanciesArgs, TenancyTermsArgs } from './dto/register-filters.input';
import { StartTenancyInput } from './dto/start-tenancy.input';

type Changed = Promise<Tenancy | TenancyFailure>;

@Resolver(() => Tenancy)
export class TenancyResolver {
  constructor(
    private readonly service: TenancyService,
    private readonly loaders: RegisterLoaders,
  ) {}

  @Query(() => TenancyConnection, { description: 'Tenancies, newest start first.', complexity: connectionCost })
  @Access(can.read)
  tenancies(@Args() args: TenanciesArgs): Promise<TenancyConnection> {
    return this.service.list(args.filter ?? {}, args);
  }

  @Query(() => Tenancy, { nullable: true })
  @Access(can.read)
  tenancy(@IdArg('id') id: string): Promise<Tenancy | null> {
    return this.service.find(id);
  }

  @Query(() => TenancyTerms, { description: "The member's words for tenancies (by its country's law) and the tenures it may grant." })
  @Access(can.read)
  tenancyTerms(@Args() args: TenancyTermsArgs): Promise<TenancyTerms> {
    return this.service.terms(args.startDate ?? ukToday());
  }

  @Mutation(() => StartTenancyResult, { description: 'PostgreSQL refuses a second live tenancy on a dwelling: that answers TenancyOverlaps.' })
  @Access(can.write)
  startTenancy(@Args('input') input: StartTenancyInput): Changed {
    return this.service.start(input);
  }

  @Mutation(() => ChangeTenancyResult)
  @Access(can.write)
  endTenancy(@Args('input') input: EndTenancyInput): Changed {
    return this.service.end(input);
  }

  @Mutation(() => ChangeTenancyResult)
  @Access(can.write)
  recordSuccession(@Args('input') input: RecordSuccessionInput): Changed {
    return this.service.recordSuccession(input);
  }

  @Mutation(() => RecordMutualExchangeResult)
  @Access(can.write)
  recordMutualExchange(@Args('input') input: RecordMutualExchangeInput): Promise<MutualExchangeRecorded | TenancyFailure> {
    return this.service.recordMutualExchange(input);
  }

  @Mutation(() => ChangeTenancyResult)
  @Access(can.write)
  addHouseholdMember(@Args('input') input: AddHouseholdMemberInput): Changed {
    return this.service.addHouseholdMember(input);
  }

  @Mutation(() => ChangeTenancyResult)
  @Access(can.write)
  removeHouseholdMember(@Args('input') input: RemoveHouseholdMemberInput): Changed {
    return this.service.removeHouseholdMember(input);
  }

  @ResolveField(() => Terminology, { description: "What the member's staff call it: \"occupation contract\" and \"contract-holder\" in Wales." })
  terminology(): Promise<Terminology> {
    return this.service.terminology();
  }

  @ResolveField(() => String, { description: 'e.g. "Standard occupation contract".' })
  tenureLabel(@Parent() tenancy: Tenancy): string {
    return TENURE_LABELS[tenancy.tenureType];
  }

  @ResolveField(() => Asset, { nullable: true, description: 'The home; null only if the asset is no longer visible.' })
  async dwelling(@Parent() tenancy: Tenancy): Promise<Asset | null> {
    const entity = await this.loaders.dwelling().load(tenancy.dwellingId);
    return entity ? Asset.from(entity) : null;
  }

  @ResolveField(() => [TenancyParty], { description: 'Tenants first, then household members; those who left too with includePast.' })
  async parties(@Parent() tenancy: Tenancy, @Args('includePast', { defaultValue: false }) includePast: boolean): Promise<TenancyParty[]> {
    const parties = await this.loaders.partiesOf().load(tenancy.id);
    return parties.filter((party) => includePast || party.leftOn === null).map(TenancyParty.from);
  }

  @ResolveField(() => Boolean, { description: 'More than one current tenant: a joint tenancy.' })
  async joint(@Parent() tenancy: Tenancy): Promise<boolean> {
    const parties = await this.loaders.partiesOf().load(tenancy.id);
    return parties.filter((party) => party.role === 'tenant' && party.leftOn === null).length > 1;
  }

  @ResolveField(() => [TenancyEvent], { description: 'Its history, oldest first.' })
  async events(@Parent() tenancy: Tenancy): Promise<TenancyEvent[]> {
    return (await this.loaders.eventsOf().load(tenancy.id)).map(TenancyEvent.from);
  }

  @ResolveField(() => [RegisterReference])
  async references(@Parent() tenancy: Tenancy): Promise<RegisterReference[]> {
    return (await this.loaders.referencesOfTenancy().load(tenancy.id)).map(RegisterReference.from);
  }
}

@Resolver(() => TenancyParty)
export class TenancyPartyResolver {
  constructor(private readonly loaders: RegisterLoaders) {}

  @ResolveField(() => Person)
  async person(@Parent() party: TenancyParty): Promise<Person> {
    // The foreign key guarantees the person exists, and RLS shows it: same member as the party.
    return Person.from((await this.loaders.person().load(party.personId))!);
  }
}

@Resolver(() => TenancyEvent)
export class TenancyEventResolver {
  constructor(private readonly loaders: RegisterLoaders) {}

  @ResolveField(() => [Person], { description: 'The people personIds name.' })
  async people(@Parent() event: TenancyEvent): Promise<Person[]> {
    const people = await this.loaders.person().loadMany(event.personIds);
    return people.flatMap((person) => (person && !(person instanceof Error) ? [Person.from(person)] : []));
  }

  @ResolveField(() => Tenancy, { nullable: true, description: 'The tenancy relatedTenancyId names.' })
  async relatedTenancy(@Parent() event: TenancyEvent): Promise<Tenancy | null> {
    const entity = event.relatedTenancyId ? await this.loaders.tenancy().load(event.relatedTenancyId) : null;
    return entity ? Tenancy.from(entity) : null;
  }
}
