import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { TenantEntity } from '@hearth/platform-database';

export enum CountryCode {
  ENGLAND = 'england',
  WALES = 'wales',
  SCOTLAND = 'scotland',
  NORTHERN_IRELAND = 'northern_ireland',
}
registerEnumType(CountryCode, { name: 'Country', description: 'The UK nation whose housing law applies to a member.' });

export enum MemberStatus {
  ACTIVE = 'active',
  SUSPENDED = 'suspended',
}
registerEnumType(MemberStatus, { name: 'MemberStatus' });

@ObjectType({ description: 'A member association of the consortium.' })
export class Member {
  @Field(() => ID) id!: string;
  @Field({ description: 'Stable identifier used in manifests and the act-for header.' }) slug!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'The name in Welsh, where the member has one.' }) nameCy!: string | null;
  @Field({ description: "The regulator's registration number." }) registrationNumber!: string;
  @Field(() => CountryCode) country!: CountryCode;
  @Field(() => [String], { description: 'Languages the member works in, its default first (en, cy).' }) languages!: string[];
  @Field(() => MemberStatus) status!: MemberStatus;

  static from(entity: TenantEntity): Member {
    return Object.assign(new Member(), {
      id: entity.id,
      slug: entity.slug,
      name: entity.name,
      nameCy: entity.nameCy,
      registrationNumber: entity.registrationNumber,
      country: entity.country as CountryCode,
      languages: entity.languages,
      status: entity.status as MemberStatus,
    });
  }
}
