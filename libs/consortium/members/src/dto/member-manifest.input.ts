import { JSONObjectScalar } from '@hearth/platform-graphql';
import { Field, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { CountryCode } from '@hearth/platform-kernel';
import type { Language } from '@hearth/platform-database';
import { pointerOf, type ManifestProblem, type MemberManifest } from '../onboarding/member-manifest';

// These inputs give GraphQL the manifest's shape and nothing more: every rule lives in the
// manifest schema and ManifestValidator, so a file and a mutation get the same checks and the
// same messages. `@Allow()` lets the global whitelisting ValidationPipe pass the fields through.

@InputType({ description: "The member's organisation in the consortium's Keycloak realm." })
export class KeycloakOrganizationInput {
  @Field({ description: 'The Keycloak organization alias; unique across members, usually the slug.' })
  organization!: string;

  @Field(() => [String], { defaultValue: [], description: "E-mail domains of the member's staff." })
  domains!: string[];
}

@InputType({ description: 'A module the member has switched on.' })
export class MemberModuleInput {
  @Field({ description: 'The installed module key, e.g. noticeboard.' })
  key!: string;

  @Field(() => JSONObjectScalar, { nullable: true, description: "Settings, checked against the module's settings schema; omitted ones take its defaults." })
  settings?: Record<string, unknown> | null;
}

@InputType({ description: 'One of the first administrators invited to the member organisation.' })
export class MemberAdminInput {
  @Field() email!: string;
  @Field() firstName!: string;
  @Field() lastName!: string;
}

@InputType({ description: "A member's manifest: the same content as its tenants/<slug>.yaml file." })
export class MemberManifestInput {
  @Field({ description: 'Stable identifier: lower-case words joined by hyphens.' })
  @Allow()
  slug!: string;

  @Field()
  @Allow()
  name!: string;

  @Field(() => String, { nullable: true, description: 'The name in Welsh, where the member has one.' })
  @Allow()
  nameCy?: string | null;

  @Field({ description: "The regulator's registration number, e.g. L4921." })
  @Allow()
  registrationNumber!: string;

  @Field(() => CountryCode)
  @Allow()
  country!: CountryCode;

  @Field(() => [String], { description: 'en and/or cy, the default first.' })
  @Allow()
  languages!: string[];

  @Field(() => KeycloakOrganizationInput)
  @Allow()
  keycloak!: KeycloakOrganizationInput;

  @Field(() => [MemberModuleInput], { defaultValue: [], description: 'Modules switched on; every other module is switched off.' })
  @Allow()
  modules!: MemberModuleInput[];

  @Field(() => [MemberAdminInput])
  @Allow()
  admins!: MemberAdminInput[];
}

/** The manifest an input describes; a module listed twice is the one thing only this form can get wrong. */
export function manifestFromInput(input: MemberManifestInput): { manifest: MemberManifest; problems: ManifestProblem[] } {
  const modules: NonNullable<MemberManifest['modules']> = {};
  const problems: ManifestProblem[] = [];
  for (const { key, settings } of input.modules) {
    if (key in modules) problems.push({ field: pointerOf(['modules', key]), message: `module "${key}" is listed twice` });
    modules[key] = settings ? { settings } : {};
  }
  const manifest: MemberManifest = {
    slug: input.slug,
    name: input.name,
    ...(input.nameCy == null ? {} : { nameCy: input.nameCy }),
    registrationNumber: input.registrationNumber,
    country: input.country,
    languages: input.languages as Language[],
    keycloak: { organization: input.keycloak.organization, domains: input.keycloak.domains },
    modules,
    admins: input.admins.map(({ email, firstName, lastName }) => ({ email, firstName, lastName })),
  };
  return { manifest, problems };
}
