import { Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { AccessibilityFeature, AssetKind, HeatingType } from '../asset.model';

// These inputs give GraphQL the asset's shape and nothing more: every rule lives in
// asset.rules.ts, so the API and the bulk import check the same things in the same words.
// `@Allow()` lets the global whitelisting ValidationPipe pass each field through.

@InputType({ description: 'A new asset. The rules it must keep are in docs/register/assets.md.' })
export class CreateAssetInput {
  @Field(() => AssetKind) @Allow() kind!: AssetKind;
  @Field(() => ID, { nullable: true, description: 'The estate or block it is part of.' }) @Allow() parentId?: string | null;
  @Field(() => String, { nullable: true, description: 'Needed for an estate or a block.' }) @Allow() name?: string | null;
  @Field(() => String, { nullable: true, description: 'Needed for a dwelling.' }) @Allow() addressLine1?: string | null;
  @Field(() => String, { nullable: true }) @Allow() addressLine2?: string | null;
  @Field(() => String, { nullable: true }) @Allow() town?: string | null;
  @Field(() => String, { nullable: true, description: 'Any spacing or case: " cf10 1aa " is stored as "CF10 1AA". Needed for a dwelling.' })
  @Allow()
  postcode?: string | null;
  @Field(() => String, { nullable: true, description: 'Unique Property Reference Number: 1 to 12 digits.' }) @Allow() uprn?: string | null;
  @Field(() => Int, { nullable: true, description: 'Dwellings only.' }) @Allow() bedrooms?: number | null;
  @Field(() => Int, { nullable: true, description: 'Dwellings and communal areas: 0 is the ground floor, negative is below it.' })
  @Allow()
  floor?: number | null;
  @Field(() => Int, { nullable: true }) @Allow() builtYear?: number | null;
  @Field(() => HeatingType, { nullable: true }) @Allow() heating?: HeatingType | null;
  @Field(() => Boolean, { nullable: true }) @Allow() liftAccess?: boolean | null;
  @Field(() => [AccessibilityFeature], { nullable: true }) @Allow() accessibility?: AccessibilityFeature[] | null;
  @Field(() => String, { nullable: true, description: "The housing officer's area." }) @Allow() patch?: string | null;
}

@InputType({ description: 'Changes to an asset: a field left out stays as it is; null clears it. The kind cannot change.' })
export class UpdateAssetInput extends PartialType(OmitType(CreateAssetInput, ['kind'] as const)) {}
