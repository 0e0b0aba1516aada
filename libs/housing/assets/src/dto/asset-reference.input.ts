import { Field, ID, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';

@InputType({ description: 'An id the asset has in another system, e.g. the one the member is leaving (HACT Reference).' })
export class AddAssetReferenceInput {
  @Field(() => ID) @Allow() assetId!: string;
  @Field({ description: 'The system that allocated the id.' }) @Allow() system!: string;
  @Field() @Allow() reference!: string;
  @Field(() => String, { nullable: true }) @Allow() description?: string | null;
}

@InputType()
export class RemoveAssetReferenceInput {
  @Field(() => ID) @Allow() assetId!: string;
  @Field() @Allow() system!: string;
  @Field() @Allow() reference!: string;
}
