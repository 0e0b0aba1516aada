import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { Allow, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { MAX_PAGE_SIZE, PageArgs } from '@hearth/platform-graphql';
import { AssetKind } from '../asset.model';

@InputType({ description: 'Which assets to list; every field given must match.' })
export class AssetFilter {
  @Field(() => AssetKind, { nullable: true }) @Allow() kind?: AssetKind | null;
  @Field(() => ID, { nullable: true, description: 'Assets directly under this estate or block.' }) @Allow() parentId?: string | null;
  @Field(() => String, { nullable: true, description: "A housing officer's patch, exactly as the member names it." }) @Allow() patch?: string | null;
  @Field(() => String, { nullable: true, description: 'A full postcode ("cf10 1aa"), or an outward code ("CF10") for every postcode in that district.' })
  @Allow()
  postcode?: string | null;
  @Field(() => String, { nullable: true }) @Allow() uprn?: string | null;
  @Field(() => String, { nullable: true, description: 'Words from the name, address, postcode or a legacy reference; at least 3 characters.' })
  @Allow()
  search?: string | null;
}

@ArgsType()
export class AssetsArgs extends PageArgs {
  @Field(() => AssetFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AssetFilter)
  filter?: AssetFilter | null;
}

@ArgsType()
export class SearchAssetsArgs {
  @Field({ description: 'Words from the name, address, postcode, UPRN or a legacy reference; at least 3 characters.' })
  @Allow()
  text!: string;

  @Field(() => Int, { nullable: true, description: `How many to return, best first; at most ${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;
}
