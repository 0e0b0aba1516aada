import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { connectionCost, IdArg } from '@hearth/platform-graphql';
import { repairsPermissions as can } from '../repairs.permissions';
import { Contractor, ContractorConnection, ContractorResult, type ContractorFailure } from './contractor.model';
import { ContractorService } from './contractors.service';
import { ContractorsArgs, CreateContractorInput, UpdateContractorInput } from './dto/contractor.input';

type Changed = Promise<Contractor | ContractorFailure>;

@Resolver(() => Contractor)
export class ContractorResolver {
  constructor(private readonly service: ContractorService) {}

  @Query(() => ContractorConnection, { description: 'Contractors by name.', complexity: connectionCost })
  @Access(can.read)
  contractors(@Args() args: ContractorsArgs): Promise<ContractorConnection> {
    return this.service.list(args.filter ?? {}, args);
  }

  @Query(() => Contractor, { nullable: true })
  @Access(can.read)
  async contractor(@IdArg('id') id: string): Promise<Contractor | null> {
    const entity = await this.service.find(id);
    return entity ? Contractor.from(entity) : null;
  }

  @Mutation(() => ContractorResult)
  @Access(can.configure)
  createContractor(@Args('input') input: CreateContractorInput): Changed {
    return this.service.create(input);
  }

  @Mutation(() => ContractorResult)
  @Access(can.configure)
  updateContractor(@Args('input') input: UpdateContractorInput): Changed {
    return this.service.update(input);
  }

  @Mutation(() => ContractorResult, { description: 'It keeps its work orders but is given no new ones; updateContractor(active: true) brings it back.' })
  @Access(can.configure)
  deactivateContractor(@IdArg('id') id: string): Changed {
    return this.service.deactivate(id);
  }
}
