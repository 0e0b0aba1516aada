import { Field, InputType } from '@nestjs/graphql';
import { IsDate, IsNotEmpty, IsOptional, MaxLength, MinDate } from 'class-validator';
import { Type } from 'class-transformer';

@InputType()
export class PostNoticeInput {
  @Field()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title!: string;

  @Field()
  @IsNotEmpty({ message: 'body must not be empty' })
  @MaxLength(10_000)
  body!: string;

  @Field(() => Date, { nullable: true, description: "Defaults to the member's defaultExpiryDays setting." })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @MinDate(() => new Date(), { message: 'expiresAt must be in the future' })
  expiresAt?: Date;
}
