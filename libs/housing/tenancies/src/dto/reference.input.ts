import { Field, InputType } from '@nestjs/graphql';
import { Trim } from '@hearth/platform-graphql';
import { IsOptional, Length, MaxLength } from 'class-validator';

@InputType({ description: 'An id the record has in another system (HACT Reference), e.g. the legacy system a member leaves.' })
export class ReferenceInput {
  @Field({ description: 'The system that allocated the id, e.g. "legacy-housing-system".' })
  @Trim()
  @Length(1, 100)
  system!: string;

  @Field()
  @Trim()
  @Length(1, 100)
  reference!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @MaxLength(200)
  description?: string | null;
}

/** Two references of one input may not name the same id of the same system. */
export const referenceKey = (reference: ReferenceInput) => `${reference.system}\u0000${reference.reference}`;
