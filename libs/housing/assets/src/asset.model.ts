import { createUnionType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, ErrorResult, enumOf } from '@hearth/platform-graphql';
import { ACCESSIBILITY_FEATURES, HEATING_TYPES, type AssetEntity } from './asset.entity';

export enum AssetKind {
  ESTATE = 'estate',
  BLOCK = 'block',
  DWELLING = 'dwelling',
  COMMUNAL = 'communal',
  GARAGE = 'garage',
}
registerEnumType(AssetKind, { name: 'AssetKind', description: 'Estate → block → dwelling, plus communal areas and garages.' });

export const HeatingType = enumOf(HEATING_TYPES, { name: 'HeatingType', description: "A home's main heating." });
export type HeatingType = (typeof HEATING_TYPES)[number];

export const AccessibilityFeature = enumOf(ACCESSIBILITY_FEATURES, { name: 'AccessibilityFeature', description: 'An adaptation or feature that makes a place accessible.' });
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];

@ObjectType({ description: 'An id this asset has in another system (HACT Reference).' })
export class AssetReference {
  @Field({ description: 'The system that allocated the id, e.g. "legacy-housing-system".' }) system!: string;
  @Field() reference!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
}

@ObjectType({ description: 'A place the member manages: an estate, block, dwelling, communal area or garage.' })
export class Asset {
  @Field(() => ID) id!: string;
  @Field(() => AssetKind) kind!: AssetKind;
  @Field(() => ID, { nullable: true, description: 'The estate or block this asset is part of.' }) parentId!: string | null;
  @Field(() => String, { nullable: true, description: 'Estate or block name.' }) name!: string | null;
  @Field(() => String, { nullable: true }) addressLine1!: string | null;
  @Field(() => String, { nullable: true }) addressLine2!: string | null;
  @Field(() => String, { nullable: true }) town!: string | null;
  @Field(() => String, { nullable: true, description: 'Normalised: upper case, one space before the inward code.' }) postcode!: string | null;
  @Field(() => String, { nullable: true, description: 'Unique Property Reference Number (up to 12 digits).' }) uprn!: string | null;
  @Field(() => Int, { nullable: true }) bedrooms!: number | null;
  @Field(() => Int, { nullable: true }) floor!: number | null;
  @Field(() => Int, { nullable: true }) builtYear!: number | null;
  @Field(() => HeatingType, { nullable: true }) heating!: HeatingType | null;
  @Field(() => Boolean, { nullable: true }) liftAccess!: boolean | null;
  @Field(() => [AccessibilityFeature]) accessibility!: AccessibilityFeature[];
  @Field(() => String, { nullable: true, description: "The housing officer's area." }) patch!: string | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;

  static from(entity: AssetEntity): Asset {
    return Object.assign(new Asset(), {
      id: entity.id,
      kind: entity.kind as AssetKind,
      parentId: entity.parentId,
      name: entity.name,
      addressLine1: entity.addressLine1,
      addressLine2: entity.addressLine2,
      town: entity.town,
      postcode: entity.postcode,
      uprn: entity.uprn === null ? null : String(entity.uprn),
      bedrooms: entity.bedrooms,
      floor: entity.floor,
      builtYear: entity.builtYear,
      heating: entity.heating,
      liftAccess: entity.liftAccess,
      accessibility: entity.accessibility,
      patch: entity.patch,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    });
  }
}

@ObjectType()
export class AssetConnection extends Connection(Asset) {}

@ObjectType({ description: 'What is wrong with one field of an asset.' })
export class AssetFieldProblem {
  @Field({ description: 'The input field, e.g. "postcode".' }) field!: string;
  @Field() message!: string;
}

@ObjectType({ implements: () => ErrorResult, description: 'The asset breaks a rule; nothing was saved.' })
export class AssetInvalid implements ErrorResult {
  @Field() code!: 'ASSET_INVALID';
  @Field() message!: string;
  @Field(() => [AssetFieldProblem]) problems!: AssetFieldProblem[];

  static of(problems: AssetFieldProblem[]): AssetInvalid {
    const message = problems.length === 1 ? problems[0].message : `The asset has ${problems.length} problems: ${problems.map((p) => p.message).join('; ')}`;
    return Object.assign(new AssetInvalid(), { code: 'ASSET_INVALID', message, problems });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'No asset with that id is visible to this member.' })
export class AssetNotFound implements ErrorResult {
  @Field() code!: 'ASSET_NOT_FOUND';
  @Field() message!: string;
  @Field(() => ID) id!: string;

  static of(id: string, role: 'asset' | 'parent' = 'asset'): AssetNotFound {
    const message = role === 'parent' ? `There is no asset ${id} to be the parent` : `There is no asset ${id}`;
    return Object.assign(new AssetNotFound(), { code: 'ASSET_NOT_FOUND', message, id });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'Another asset of this member already has the UPRN.' })
export class DuplicateUprn implements ErrorResult {
  @Field() code!: 'DUPLICATE_UPRN';
  @Field() message!: string;
  @Field() uprn!: string;
  @Field(() => ID, { description: 'The asset that has it.' }) assetId!: string;

  static of(uprn: string, assetId: string): DuplicateUprn {
    return Object.assign(new DuplicateUprn(), { code: 'DUPLICATE_UPRN', message: `UPRN ${uprn} is already recorded on asset ${assetId}`, uprn, assetId });
  }
}

@ObjectType({ implements: () => ErrorResult, description: "The system's reference already names an asset of this member." })
export class DuplicateReference implements ErrorResult {
  @Field() code!: 'DUPLICATE_REFERENCE';
  @Field() message!: string;
  @Field() system!: string;
  @Field() reference!: string;
  @Field(() => ID, { description: 'The asset that has it.' }) assetId!: string;

  static of(system: string, reference: string, assetId: string): DuplicateReference {
    return Object.assign(new DuplicateReference(), {
      code: 'DUPLICATE_REFERENCE',
      message: `Reference ${reference} of ${system} already names asset ${assetId}`,
      system,
      reference,
      assetId,
    });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The asset has no such reference.' })
export class AssetReferenceNotFound implements ErrorResult {
  @Field() code!: 'ASSET_REFERENCE_NOT_FOUND';
  @Field() message!: string;

  static of(assetId: string, system: string, reference: string): AssetReferenceNotFound {
    return Object.assign(new AssetReferenceNotFound(), {
      code: 'ASSET_REFERENCE_NOT_FOUND',
      message: `Asset ${assetId} has no reference ${reference} of ${system}`,
    });
  }
}

const FAILURES = {
  ASSET_INVALID: AssetInvalid,
  ASSET_NOT_FOUND: AssetNotFound,
  DUPLICATE_UPRN: DuplicateUprn,
  DUPLICATE_REFERENCE: DuplicateReference,
  ASSET_REFERENCE_NOT_FOUND: AssetReferenceNotFound,
};
type Failure = InstanceType<(typeof FAILURES)[keyof typeof FAILURES]>;

/** A mutation's result: the asset as it now is, or one of the failures it can have. */
function assetResult<T extends readonly (typeof FAILURES)[keyof typeof FAILURES][]>(name: string, description: string, failures: T) {
  return createUnionType({
    name,
    description,
    types: () => [Asset, ...failures] as const,
    resolveType: (value: Asset | Failure) => (value instanceof Asset ? Asset : FAILURES[value.code]),
  });
}

export const CreateAssetResult = assetResult('CreateAssetResult', 'The new asset, or why it was not created.', [AssetInvalid, AssetNotFound, DuplicateUprn]);
export const UpdateAssetResult = assetResult('UpdateAssetResult', 'The changed asset, or why it was not changed.', [AssetInvalid, AssetNotFound, DuplicateUprn]);
export const AddAssetReferenceResult = assetResult('AddAssetReferenceResult', 'The asset with its new reference, or why it was not added.', [AssetInvalid, AssetNotFound, DuplicateReference]);
export const RemoveAssetReferenceResult = assetResult('RemoveAssetReferenceResult', 'The asset without the reference, or why it was not removed.', [AssetNotFound, AssetReferenceNotFound]);
