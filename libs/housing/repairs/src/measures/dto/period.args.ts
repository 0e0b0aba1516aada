import { ArgsType, Field } from '@nestjs/graphql';
import { Matches } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
export class PeriodArgs {
  @Field({ description: 'First UK day of the period, YYYY-MM-DD.' })
  @Matches(DAY, { message: 'from must be a date, YYYY-MM-DD' })
  from!: string;

  @Field({ description: 'Last UK day of the period (inclusive), YYYY-MM-DD.' })
  @Matches(DAY, { message: 'to must be a date, YYYY-MM-DD' })
  to!: string;
}
