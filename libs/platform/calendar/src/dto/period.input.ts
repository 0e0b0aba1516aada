import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Ten years either way: longer is a typing mistake, and bounds the work a single question can ask for. */
const MAX_HOURS = 87_600;
const MAX_WORKING_DAYS = 2_600;
const MAX_CALENDAR_DAYS = 3_660;

@InputType({ description: 'A period on the calendar: exactly one of hours, workingDays or calendarDays.' })
export class PeriodInput {
  @Field(() => Int, { nullable: true, description: 'Clock hours: 24 hours across a clock change is 23 or 25 on the wall clock.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_HOURS)
  hours?: number;

  @Field(() => Int, { nullable: true, description: "Working days on the member's calendar, not counting the starting day." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_WORKING_DAYS)
  workingDays?: number;

  @Field(() => Int, { nullable: true, description: 'Calendar days, not counting the starting day (12 weeks is 84).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CALENDAR_DAYS)
  calendarDays?: number;
}
