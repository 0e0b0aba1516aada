import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { connectionCost } from '@hearth/platform-graphql';
import { repairsPermissions as can } from '../repairs.permissions';
import { SaveSorCodeResult, SorCode, SorCodeConnection, type SorCodeInvalid } from './repairs.model';
import { SorCodeService } from './sor-codes.service';
import { SaveSorCodeInput, SorCodesArgs } from './dto/sor-code.input';

@Resolver(() => SorCode)
export class SorCodeResolver {
  constructor(private readonly service: SorCodeService) {}

  @Query(() => SorCodeConnection, { description: 'The schedule of rates, by code.', complexity: connectionCost })
  @Access(can.read)
  sorCodes(@Args() args: SorCodesArgs): Promise<SorCodeConnection> {
    return this.service.list(args.filter ?? {}, args);
  }

  @Mutation(() => SaveSorCodeResult, { description: 'Adds a SOR code, or changes the one with that code. Files of them: import sor-codes.' })
  @Access(can.configure)
  saveSorCode(@Args('input') input: SaveSorCodeInput): Promise<SorCode | SorCodeInvalid> {
    return this.service.save(input);
  }
}
