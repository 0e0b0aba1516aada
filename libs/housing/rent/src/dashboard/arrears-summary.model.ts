import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

// Totals are Float: a large member's arrears in pence can pass GraphQL Int's 2^31 (£21m).

@ObjectType({ description: "Arrears at the end of one UK day: the positive balances of the accounts open that day, counting transactions effective by then." })
export class ArrearsPoint {
  @Field({ description: 'The UK day, YYYY-MM-DD.' }) on!: string;
  @Field(() => Float, { description: 'Sum of the positive balances, in pence.' }) totalPence!: number;
  @Field(() => Int) accountsInArrears!: number;
}

@ObjectType({ description: 'Current arrears and their trend over the last weeks: the console dashboard (see docs/rent.md, "Arrears summary").' })
export class ArrearsSummary {
  @Field({ description: 'Today, the UK day the summary was made on, YYYY-MM-DD.' }) asOf!: string;
  @Field(() => Float, { description: 'Sum of the positive balances of open accounts now, in pence (as rentAccounts(filter: {inArrears: true}) lists them).' })
  totalPence!: number;
  @Field(() => Int, { description: 'Open accounts with a balance above zero now.' }) accountsInArrears!: number;
  @Field(() => Int, { description: 'Open accounts.' }) openAccounts!: number;
  @Field(() => [ArrearsPoint], { description: 'Arrears on each of the last `weeks` weeks\' closing days, a week apart, oldest first and today last.' })
  weeks!: ArrearsPoint[];
}
