import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection, enumOf, ErrorResult, InputProblem, JSONObjectScalar, resultUnion } from '@hearth/platform-graphql';
import type { ItemChange } from './content';
import type { ConfigurationKindHandler as Kind, ConfigurationProblem, ConfigurationWarning } from './kinds/configuration-kind';
import { PRIVATE_DATA_WORDS, type PrivateDataKind } from './privacy/private-data';

@ObjectType({ description: 'A kind of configuration a member can publish to the shared library and others can copy.' })
export class ConfigurationKind {
  @Field({ description: 'Stable key, e.g. "repair-priorities", "sor-set", "letter-template", "arrears-stage-plan".' }) key!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field({ description: 'The module whose configuration it is; publishing and copying need it switched on.' }) module!: string;
  @Field({ description: "That module's name." }) moduleName!: string;
  @Field(() => String, { nullable: true, description: 'What one of several is called (e.g. "letter template"), when a member publishes them one at a time.' })
  subjectName!: string | null;
  @Field(() => JSONObjectScalar, { description: 'JSON Schema (draft 2020-12) of the content of this kind.' }) contentSchema!: Record<string, unknown>;

  static from(kind: Kind, moduleName: string): ConfigurationKind {
    return Object.assign(new ConfigurationKind(), {
      key: kind.key,
      name: kind.name,
      description: kind.description,
      module: kind.module,
      moduleName,
      subjectName: kind.subjectName ?? null,
      contentSchema: kind.contentSchema(),
    });
  }
}

/** A row of hearth.shared_configuration as the service reads it. */
export interface SharedConfigurationRow {
  id: string;
  organisation_id: string;
  lineage_id: string;
  kind: string;
  subject: string | null;
  title: string;
  description: string;
  version: string;
  content: Record<string, unknown>;
  content_hash: string;
  published_by: string;
  published_at: Date;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  /** Whether it is the newest version of its piece (withdrawn ones included). */
  latest: boolean;
}

@ObjectType({ description: "One version of a piece of a member's configuration in the shared library. Every member can read it; guests cannot." })
export class SharedConfiguration {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The id of its first version: every version of one piece shares it.' }) lineageId!: string;
  /** The kind's key; the field resolver gives the kind. */
  kindKey!: string;
  /** The publishing member's id; the field resolver gives the member. */
  publisherId!: string;
  @Field(() => String, { nullable: true, description: 'Which of several it is (a letter template code), for kinds a member has several of.' }) subject!: string | null;
  @Field() title!: string;
  @Field() description!: string;
  @Field({ description: 'Semantic version, e.g. "1.2" or "1.2.0"; a new version of a piece is always higher.' }) version!: string;
  @Field(() => JSONObjectScalar, { description: "The configuration, shaped by its kind's contentSchema." }) content!: Record<string, unknown>;
  @Field({ description: 'Who published it.' }) publishedBy!: string;
  @Field() publishedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Withdrawn versions stay readable (copies name them) but cannot be copied.' }) withdrawnAt!: Date | null;
  @Field({ description: 'Whether this is the newest version of its piece.' }) latest!: boolean;
  contentHash!: string;

  static from(row: SharedConfigurationRow): SharedConfiguration {
    return Object.assign(new SharedConfiguration(), {
      id: row.id,
      lineageId: row.lineage_id,
      kindKey: row.kind,
      publisherId: row.organisation_id,
      subject: row.subject,
      title: row.title,
      description: row.description,
      version: row.version,
      content: row.content,
      publishedBy: row.published_by,
      publishedAt: row.published_at,
      withdrawnAt: row.withdrawn_at,
      latest: row.latest,
      contentHash: row.content_hash,
    });
  }
}

@ObjectType()
export class SharedConfigurationConnection extends Connection(SharedConfiguration) {}

export const SharedConfigurationChangeKind = enumOf(['added', 'changed', 'removed'] as const, {
  name: 'SharedConfigurationChangeKind',
  description: 'How copying a shared configuration changes one item of the member\'s own.',
});

@ObjectType({ description: "One item of the member's configuration that copying would change (a priority, a SOR code, a letter's English text)." })
export class SharedConfigurationChange {
  @Field({ description: 'The item: "priority:emergency", "stage:reminder", "letter:contact", a SOR code, "en", "cy", "approachingWithinHours".' }) item!: string;
  @Field(() => SharedConfigurationChangeKind) change!: ItemChange['change'];
  @Field(() => [String], { description: 'The fields that differ; every field for an added or removed item.' }) fields!: string[];
}

@ObjectType({ description: 'Something to know before copying that does not stop it.' })
export class SharedConfigurationWarning {
  @Field({ description: 'PRIORITY_REMOVED or STAGE_REMOVED.' }) code!: string;
  @Field() message!: string;
  @Field(() => [String]) items!: string[];

  static of(warning: ConfigurationWarning): SharedConfigurationWarning {
    return Object.assign(new SharedConfigurationWarning(), warning);
  }
}

@ObjectType({ description: "What copying a shared configuration would do to the member's own, checked by the owning module's rules. Nothing is changed." })
export class SharedConfigurationPreview {
  @Field(() => SharedConfiguration) source!: SharedConfiguration;
  @Field(() => String, { nullable: true, description: 'Where it would go, for kinds a member has several of (the letter template code).' }) target!: string | null;
  @Field(() => JSONObjectScalar, { nullable: true, description: "The member's configuration now, in the content's shape; null when it has none." })
  before!: Record<string, unknown> | null;
  @Field(() => JSONObjectScalar, { description: 'What would be applied: the published content, or the adaptation given.' }) after!: Record<string, unknown>;
  @Field({ description: 'Whether `after` differs from the published content.' }) adapted!: boolean;
  @Field(() => [SharedConfigurationChange], { description: 'Each item that would change; empty when copying would change nothing.' }) changes!: SharedConfigurationChange[];
  @Field(() => [SharedConfigurationWarning]) warnings!: SharedConfigurationWarning[];
  @Field(() => [InputProblem], { description: "What the owning module's rules refuse, with the field a JSON pointer into `after`; copying is refused while there are any." })
  problems!: InputProblem[];
}

@ObjectType({ description: 'Content shaped for publishing, taken from the member\'s configuration, before it is published.' })
export class SharedConfigurationDraft {
  @Field(() => ConfigurationKind) kind!: ConfigurationKind;
  @Field(() => String, { nullable: true }) subject!: string | null;
  @Field(() => JSONObjectScalar) content!: Record<string, unknown>;
}

@ObjectType({ description: "The member's record of a shared configuration it copied into its own settings." })
export class ConfigurationAdoption {
  @Field(() => ID) id!: string;
  kindKey!: string;
  sourceId!: string;
  @Field(() => String, { nullable: true, description: 'Where it went, for kinds a member has several of (the letter template code).' }) target!: string | null;
  @Field(() => JSONObjectScalar, { description: 'What was applied.' }) content!: Record<string, unknown>;
  @Field({ description: 'Whether it was changed in the copy dialog before it was applied.' }) adaptedOnCopy!: boolean;
  @Field() adoptedBy!: string;
  @Field() adoptedAt!: Date;
  appliedHash!: string;
}

@ObjectType()
export class ConfigurationAdoptionConnection extends Connection(ConfigurationAdoption) {}

// Typed failures.

@ObjectType({ implements: () => ErrorResult })
export class SharedConfigurationNotFound implements ErrorResult {
  @Field() code!: 'SHARED_CONFIGURATION_NOT_FOUND';
  @Field() message!: string;

  static of(message: string): SharedConfigurationNotFound {
    return Object.assign(new SharedConfigurationNotFound(), { code: 'SHARED_CONFIGURATION_NOT_FOUND', message });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The version was withdrawn by its publisher, so it cannot be copied or withdrawn again.' })
export class SharedConfigurationWithdrawn implements ErrorResult {
  @Field() code!: 'SHARED_CONFIGURATION_WITHDRAWN';
  @Field() message!: string;
  @Field() withdrawnAt!: Date;

  static of(withdrawnAt: Date): SharedConfigurationWithdrawn {
    return Object.assign(new SharedConfigurationWithdrawn(), {
      code: 'SHARED_CONFIGURATION_WITHDRAWN',
      message: 'That version has been withdrawn by its publisher',
      withdrawnAt,
    });
  }
}

@ObjectType({ implements: () => ErrorResult, description: "The configuration belongs to a module the member has switched off." })
export class SharedConfigurationModuleOff implements ErrorResult {
  @Field() code!: 'SHARED_CONFIGURATION_MODULE_OFF';
  @Field() message!: string;
  @Field({ description: "The module's key." }) module!: string;

  static of(module: string, moduleName: string, doing: string): SharedConfigurationModuleOff {
    return Object.assign(new SharedConfigurationModuleOff(), {
      code: 'SHARED_CONFIGURATION_MODULE_OFF',
      message: `${doing} needs the ${moduleName} module, which is switched off for your organisation. A consortium admin can switch it on.`,
      module,
    });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'Only the member that published a piece may withdraw it or publish new versions of it.' })
export class SharedConfigurationNotPublisher implements ErrorResult {
  @Field() code!: 'SHARED_CONFIGURATION_NOT_PUBLISHER';
  @Field() message!: string;

  static of(): SharedConfigurationNotPublisher {
    return Object.assign(new SharedConfigurationNotPublisher(), {
      code: 'SHARED_CONFIGURATION_NOT_PUBLISHER',
      message: 'Only the member that published it may withdraw it or publish a new version of it',
    });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'A new version must be higher than every version of the piece so far.' })
export class SharedConfigurationVersionConflict implements ErrorResult {
  @Field() code!: 'SHARED_CONFIGURATION_VERSION_CONFLICT';
  @Field() message!: string;
  @Field({ description: 'The highest version so far.' }) latestVersion!: string;

  static of(version: string, latestVersion: string): SharedConfigurationVersionConflict {
    return Object.assign(new SharedConfigurationVersionConflict(), {
      code: 'SHARED_CONFIGURATION_VERSION_CONFLICT',
      message: `Version ${version} is not higher than ${latestVersion}, the latest so far`,
      latestVersion,
    });
  }
}

@ObjectType({ implements: () => ErrorResult, description: "The content breaks its kind's shape or the owning module's rules; nothing was changed." })
export class SharedConfigurationInvalid implements ErrorResult {
  @Field() code!: 'SHARED_CONFIGURATION_INVALID';
  @Field() message!: string;
  @Field(() => [InputProblem], { description: 'Each problem, its field a JSON pointer into the content (or "subject").' }) problems!: InputProblem[];

  static of(problems: readonly ConfigurationProblem[]): SharedConfigurationInvalid {
    return Object.assign(new SharedConfigurationInvalid(), {
      code: 'SHARED_CONFIGURATION_INVALID',
      message: problems.map((p) => (p.path === '/' ? p.message : `${p.path}: ${p.message}`)).join('; '),
      problems: problems.map((p) => InputProblem.of(p.path, p.message)),
    });
  }
}

export const SharedConfigurationPrivateData = enumOf(
  Object.keys(PRIVATE_DATA_WORDS) as PrivateDataKind[],
  { name: 'SharedConfigurationPrivateData', description: 'A kind of private data that may never be published.' },
);

@ObjectType({
  implements: () => ErrorResult,
  description: 'Publishing was refused because the configuration, title or description holds data about people, tenancies, accounts or homes.',
})
export class SharedConfigurationRefused implements ErrorResult {
  @Field() code!: 'SHARED_CONFIGURATION_REFUSED';
  @Field() message!: string;
  @Field({ description: 'Where: "title", "description", or a JSON pointer into the content, e.g. "/en/body".' }) path!: string;
  @Field(() => SharedConfigurationPrivateData) dataKind!: PrivateDataKind;
  @Field({ description: 'What was found there, so the publisher can take it out.' }) found!: string;
}

export const SharedConfigurationDraftResult = resultUnion(
  'SharedConfigurationDraftResult',
  'Content ready to publish, or why it cannot be published.',
  [SharedConfigurationDraft, SharedConfigurationModuleOff, SharedConfigurationInvalid, SharedConfigurationRefused],
);

export const SharedConfigurationPublishResult = resultUnion(
  'SharedConfigurationPublishResult',
  'The published version, or why it was not published.',
  [SharedConfiguration, SharedConfigurationModuleOff, SharedConfigurationInvalid, SharedConfigurationRefused, SharedConfigurationNotFound, SharedConfigurationNotPublisher, SharedConfigurationVersionConflict],
);

export const SharedConfigurationWithdrawResult = resultUnion(
  'SharedConfigurationWithdrawResult',
  'The withdrawn version, or why it was not withdrawn.',
  [SharedConfiguration, SharedConfigurationNotFound, SharedConfigurationNotPublisher, SharedConfigurationWithdrawn],
);

export const SharedConfigurationPreviewResult = resultUnion(
  'SharedConfigurationPreviewResult',
  'What copying would change, or why it cannot be copied.',
  [SharedConfigurationPreview, SharedConfigurationNotFound, SharedConfigurationWithdrawn, SharedConfigurationModuleOff, SharedConfigurationInvalid],
);

export const ConfigurationAdoptionResult = resultUnion(
  'ConfigurationAdoptionResult',
  "The member's record of the copy, or why nothing was copied.",
  [ConfigurationAdoption, SharedConfigurationNotFound, SharedConfigurationWithdrawn, SharedConfigurationModuleOff, SharedConfigurationInvalid],
);
