import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '@hearth/platform-graphql';
import { Asset } from '@hearth/housing-assets';
import { Tenancy } from './tenancy.model';

export enum Occupancy {
  OCCUPIED = 'occupied',
  VOID = 'void',
}
registerEnumType(Occupancy, { name: 'Occupancy', description: 'OCCUPIED: a tenancy is live today. VOID: none is.' });

@ObjectType({ description: 'A row of the dwelling register: the home and the tenancy live in it today.' })
export class Dwelling {
  @Field(() => ID, { description: "The dwelling's asset id." }) id!: string;
  @Field(() => Asset) asset!: Asset;
  @Field(() => Tenancy, { nullable: true, description: 'The tenancy live today; null for a void.' }) currentTenancy!: Tenancy | null;
}

@ObjectType()
export class DwellingConnection extends Connection(Dwelling) {}
