import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { connectionCost, IdArg } from '@hearth/platform-graphql';
import {
  AlertNotFound, CreatePersonResult, EndPersonAlertResult, Person, PersonAlert, PersonConnection, PersonInvalid, PersonNotFound,
  RaisePersonAlertResult, RegisterReference, UpdatePersonResult,
} from './person.model';
import { PersonService } from './person.service';
import { RegisterLoaders } from './register.loaders';
import { Tenancy } from './tenancy.model';
import { tenanciesPermissions as can } from './tenancies.permissions';
import { CreatePersonInput } from './dto/create-person.input';
import { EndPersonAlertInput, RaisePersonAlertInput } from './dto/person-alert.input';
import { PeopleArgs } from './dto/register-filters.input';
import { UpdatePersonInput } from './dto/update-person.input';

@Resolver(() => Person)
export class PersonResolver {
  constructor(
    private readonly service: PersonService,
    private readonly loaders: RegisterLoaders,
  ) {}

  @Query(() => PersonConnection, { description: 'People by family then given name; search by name or reference.', complexity: connectionCost })
  @Access(can.read)
  people(@Args() args: PeopleArgs): Promise<PersonConnection> {
    return this.service.list(args);
  }

  @Query(() => Person, { nullable: true })
  @Access(can.read)
  person(@IdArg('id') id: string): Promise<Person | null> {
    return this.service.find(id);
  }

  @Mutation(() => CreatePersonResult)
  @Access(can.write)
  createPerson(@Args('input') input: CreatePersonInput): Promise<Person | PersonInvalid> {
    return this.service.create(input);
  }

  @Mutation(() => UpdatePersonResult)
  @Access(can.write)
  updatePerson(@Args('input') input: UpdatePersonInput): Promise<Person | PersonNotFound | PersonInvalid> {
    return this.service.update(input);
  }

  @Mutation(() => RaisePersonAlertResult)
  @Access(can.write)
  raisePersonAlert(@Args('input') input: RaisePersonAlertInput): Promise<PersonAlert | PersonNotFound | PersonInvalid> {
    return this.service.raiseAlert(input);
  }

  @Mutation(() => EndPersonAlertResult)
  @Access(can.write)
  endPersonAlert(@Args('input') input: EndPersonAlertInput): Promise<PersonAlert | AlertNotFound | PersonInvalid> {
    return this.service.endAlert(input);
  }

  @ResolveField(() => [RegisterReference])
  async references(@Parent() person: Person): Promise<RegisterReference[]> {
    return (await this.loaders.referencesOfPerson().load(person.id)).map(RegisterReference.from);
  }

  @ResolveField(() => [PersonAlert], { description: 'Active alerts, newest first; ended ones too with includeEnded.' })
  async alerts(@Parent() person: Person, @Args('includeEnded', { defaultValue: false }) includeEnded: boolean): Promise<PersonAlert[]> {
    const showNotes = this.service.mayReadAlertNotes();
    return (await this.loaders.alertsOfPerson(includeEnded).load(person.id)).map((alert) => PersonAlert.from(alert, showNotes));
  }

  @ResolveField(() => [Tenancy], { description: 'Tenancies they are or were a tenant or household member of, newest first.' })
  async tenancies(@Parent() person: Person): Promise<Tenancy[]> {
    return (await this.loaders.tenanciesOfPerson().load(person.id)).map(Tenancy.from);
  }
}
