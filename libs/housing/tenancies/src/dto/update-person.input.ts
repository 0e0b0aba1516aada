import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CreatePersonInput } from './create-person.input';

/**
 * The fields to change, with the creation rules: an omitted field stays as it is, and null
 * clears an optional one. Null is checked, not skipped, so a name cannot be cleared.
 */
@InputType({ description: "Changes to a person's details; omitted fields stay as they are, null clears an optional one." })
export class UpdatePersonInput extends PartialType(OmitType(CreatePersonInput, ['references'] as const), {
  omitDefaultValues: true,
  skipNullProperties: false,
}) {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}
