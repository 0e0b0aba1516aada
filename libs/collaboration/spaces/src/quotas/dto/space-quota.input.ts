import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';

@InputType({ description: 'A quota to set: with no organisationId, the default for every organisation without its own.' })
export class SpaceQuotaInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string | null;

  @Field(() => Float)
  @IsNumber({ maxDecimalPlaces: 1 }, { message: 'hoursPerWeek must be a number of hours, to a tenth' })
  @Min(0.5, { message: 'hoursPerWeek must be at least 0.5' })
  @Max(168, { message: 'hoursPerWeek must be at most 168' })
  hoursPerWeek!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'openBookingsPerPerson must be at least 1' })
  @Max(100, { message: 'openBookingsPerPerson must be at most 100' })
  openBookingsPerPerson!: number;
}
