import { Args, Query, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { IdArg } from '@hearth/platform-graphql';
import { rentPermissions as can } from '../rent.permissions';
import { RentStatement, RentStatementResult, RentLanguage, type StatementFailure } from './statement.model';
import { StatementService } from './statement.service';

@Resolver(() => RentStatement)
export class StatementResolver {
  constructor(private readonly service: StatementService) {}

  @Query(() => RentStatementResult, {
    description: "A rent account between two days (inclusive), in English or Welsh: the contract-holder's preferred language when not given.",
  })
  @Access(can.read)
  rentStatement(
    @IdArg('accountId') accountId: string,
    @Args('from', { description: 'YYYY-MM-DD' }) from: string,
    @Args('to', { description: 'YYYY-MM-DD' }) to: string,
    @Args('language', { type: () => RentLanguage, nullable: true }) language?: RentLanguage,
  ): Promise<RentStatement | StatementFailure> {
    return this.service.statement({ accountId, from, to, language: language ?? undefined });
  }
}
