import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, enumOf, ErrorResult, InputProblem, resultUnion } from '@hearth/platform-graphql';
import { ACCOUNT_FREQUENCIES, RENT_RUN_STATUSES, type AccountFrequency, type ChargeType as ChargeTypeValue, type RentRunStatus } from '../rent.entities';
import { ChargeType } from '../accounts/accounts.model';

export const RentFrequency = enumOf(ACCOUNT_FREQUENCIES, { name: 'RentFrequency', description: 'How often an account is charged.' });
export const RentRunStatusValue = enumOf(RENT_RUN_STATUSES, { name: 'RentRunStatus', description: 'Where a rent run has got to.' });

@ObjectType({ description: 'A charge a dry run would post.' })
export class RentRunLine {
  @Field(() => ID) accountId!: string;
  @Field() paymentReference!: string;
  @Field(() => ChargeType) chargeType!: ChargeTypeValue;
  @Field(() => Int) amountPence!: number;
  @Field({ description: "As it would read on the account's statement." }) description!: string;
}

@ObjectType({
  description:
    "One period's charges posted for every live tenancy's open account of a frequency (or, for a dry run, counted). The counts grow as the run goes, a chunk of accounts at a time.",
})
export class RentRun {
  @Field(() => ID) id!: string;
  @Field(() => RentFrequency) frequency!: AccountFrequency;
  @Field({ description: 'The first day of the period, YYYY-MM-DD: a Monday for weekly runs, the 1st for monthly ones.' }) periodStart!: string;
  @Field({ description: 'The last day of the period, inclusive.' }) periodEnd!: string;
  @Field({ description: 'A dry run counts what it would post and writes nothing to the ledger.' }) dryRun!: boolean;
  @Field(() => RentRunStatusValue) status!: RentRunStatus;
  @Field(() => Int, { nullable: true, description: 'Accounts with a charge due in the period (so far, while running).' }) accounts!: number | null;
  @Field(() => Int, { nullable: true, description: 'Charges this run posted (a dry run: would post).' }) chargesPosted!: number | null;
  @Field(() => Int, { nullable: true, description: 'Charges due that an earlier run had posted already, so were not posted again.' })
  chargesAlreadyPosted!: number | null;
  @Field(() => Float, { nullable: true, description: 'Pence this run posted (a dry run: would post).' }) totalPence!: number | null;
  @Field(() => String, { nullable: true, description: 'Why the run failed.' }) error!: string | null;
  @Field() startedBy!: string;
  @Field() queuedAt!: Date;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
}

@ObjectType()
export class RentRunConnection extends Connection(RentRun) {}

@ObjectType({ description: 'The run was queued; the worker posts it. Follow it with rentRun(id).' })
export class RentRunStarted {
  @Field(() => RentRun) run!: RentRun;
}

@ObjectType({ implements: () => ErrorResult, description: 'The period is not one the accounts are charged for; nothing was queued.' })
export class RentRunInvalid implements ErrorResult {
  @Field() code!: 'RENT_RUN_INVALID';
  @Field() message!: string;
  @Field(() => [InputProblem]) problems!: InputProblem[];

  static of(problems: InputProblem[]): RentRunInvalid {
    return Object.assign(new RentRunInvalid(), { code: 'RENT_RUN_INVALID', message: problems.map((p) => p.message).join('; '), problems });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The member has no rent accounts of that frequency to charge; nothing was queued.' })
export class NoRentAccounts implements ErrorResult {
  @Field() code!: 'NO_RENT_ACCOUNTS';
  @Field() message!: string;
  @Field(() => RentFrequency) frequency!: AccountFrequency;

  static of(frequency: AccountFrequency): NoRentAccounts {
    return Object.assign(new NoRentAccounts(), {
      code: 'NO_RENT_ACCOUNTS',
      message: `There are no ${frequency} rent accounts to charge: open accounts for tenancies first`,
      frequency,
    });
  }
}

export type RentRunRefusal = RentRunInvalid | NoRentAccounts;

export const StartRentRunResult = resultUnion('StartRentRunResult', 'The queued run, or why it was not queued.', [RentRunStarted, RentRunInvalid, NoRentAccounts]);
