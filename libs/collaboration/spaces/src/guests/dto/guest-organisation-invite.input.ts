import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, Length, Matches } from 'class-validator';
import { Trim } from '@hearth/platform-graphql';
import { GuestOrganisationKind } from '@hearth/platform-kernel';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

@InputType({ description: 'A council, health board or charity to invite to the shared spaces and events.' })
export class GuestOrganisationInviteInput {
  @Field({ description: 'Lower-case words joined by hyphens, e.g. cardiff-council; unique across members and guests.' })
  @Trim()
  @Length(2, 63, { message: 'slug must be 2 to 63 characters' })
  @Matches(SLUG, { message: 'slug must be lower-case letters and digits joined by hyphens' })
  slug!: string;

  @Field()
  @Trim()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name!: string;

  @Field(() => GuestOrganisationKind)
  @IsEnum(GuestOrganisationKind)
  kind!: GuestOrganisationKind;

  @Field(() => String, { nullable: true, description: 'Its Keycloak organisation’s alias, which its people’s tokens name; the slug when not given.' })
  @IsOptional()
  @Trim()
  @Length(2, 255, { message: 'keycloakOrganization must be 2 to 255 characters' })
  keycloakOrganization?: string | null;

  @Field(() => [String], { defaultValue: [], description: 'Its e-mail domains, for Keycloak to recognise its people.' })
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(DOMAIN, { each: true, message: 'domains must be domain names such as cardiff.gov.uk' })
  domains!: string[];
}
