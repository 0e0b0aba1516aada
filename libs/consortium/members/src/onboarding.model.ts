import { createUnionType, Field, ObjectType } from '@nestjs/graphql';
import { ErrorResult } from '@hearth/platform-graphql';
import { Member } from '@hearth/platform-kernel';

@ObjectType({ description: 'One thing wrong with a manifest.' })
export class ManifestProblem {
  @Field({ description: 'JSON pointer into the manifest, e.g. /modules/noticeboard/settings/defaultExpiryDays; / for the whole.' })
  field!: string;

  @Field({ description: 'What is wrong and, where it can say, how to fix it.' })
  message!: string;
}

@ObjectType({ implements: () => ErrorResult, description: 'The manifest was refused; nothing was changed.' })
export class ManifestInvalid implements ErrorResult {
  @Field() code!: 'MANIFEST_INVALID';
  @Field() message!: string;
  @Field(() => [ManifestProblem]) problems!: ManifestProblem[];
}

@ObjectType({ description: 'The manifest was applied, or (in a dry run) would be.' })
export class ManifestApplied {
  @Field(() => Member, { description: "The member as it now stands; after a dry run, as it would (a new member's id is then provisional)." })
  member!: Member;

  @Field(() => [String], { description: 'One line per change, e.g. "~ millbrook-homes: module noticeboard on"; empty when nothing needed changing.' })
  changes!: string[];

  @Field({ description: 'False for a dry run: the changes were worked out and rolled back.' })
  applied!: boolean;

  @Field(() => [String], { description: 'What was done in Keycloak after the changes were saved, or why it was skipped.' })
  identity!: string[];
}

export const ApplyManifestResult = createUnionType({
  name: 'ApplyManifestResult',
  types: () => [ManifestApplied, ManifestInvalid] as const,
  resolveType: (value) => (value instanceof ManifestApplied ? ManifestApplied : ManifestInvalid),
});
