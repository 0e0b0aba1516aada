import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '@hearth/platform-graphql';
import type { AssetEntity } from './asset.entity';

export enum AssetKind {
  ESTATE = 'estate',
  BLOCK = 'block',
  DWELLING = 'dwelling',
  COMMUNAL = 'communal',
  GARAGE = 'garage',
}
registerEnumType(AssetKind, { name: 'AssetKind', description: 'Estate → block → dwelling, plus communal areas and garages.' });

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
  @Field(() => String, { nullable: true }) heating!: string | null;
  @Field(() => Boolean, { nullable: true }) liftAccess!: boolean | null;
  @Field(() => [String]) accessibility!: string[];
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
