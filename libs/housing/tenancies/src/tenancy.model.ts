import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection, ErrorResult, enumOf, InputProblem, resultUnion } from '@hearth/platform-graphql';
import type { Country } from '@hearth/platform-database';
import { CountryCode } from '@hearth/platform-kernel';
import {
  PARTY_ROLES, RELATIONSHIPS, TENANCY_END_REASONS, TENANCY_EVENT_KINDS, TENURE_TYPES,
  type PartyRoleValue, type RelationshipValue, type TenancyEndReasonValue, type TenancyEntity, type TenancyEventEntity,
  type TenancyEventKindValue, type TenancyPartyEntity, type TenureType as TenureTypeValue,
} from './tenancies.entities';
import { terminologyFor } from './tenure-rules';
import { ukToday } from './uk-date';

export const TenureType = enumOf(TENURE_TYPES, {
  name: 'TenureType',
  description: 'The legal form of a tenancy. SECURE_CONTRACT and STANDARD_CONTRACT are the Welsh occupation contracts.',
});
export type TenureType = TenureTypeValue;

export const TenancyEndReason = enumOf(TENANCY_END_REASONS, { name: 'TenancyEndReason' });
export type TenancyEndReason = TenancyEndReasonValue;

export const PartyRole = enumOf(PARTY_ROLES, { name: 'PartyRole', description: 'A tenant (joint tenants when more than one) or a member of the household.' });
export type PartyRole = PartyRoleValue;

export const Relationship = enumOf(RELATIONSHIPS, { name: 'Relationship', description: "A household member's relationship to the tenant." });
export type Relationship = RelationshipValue;

export const TenancyEventKind = enumOf(TENANCY_EVENT_KINDS, { name: 'TenancyEventKind' });
export type TenancyEventKind = TenancyEventKindValue;

@ObjectType({ description: "What the member's staff call a tenancy and its tenants: the law of the member's country decides." })
export class Terminology {
  @Field(() => CountryCode) country!: CountryCode;
  @Field({ description: '"tenancy", or "occupation contract" in Wales.' }) tenancy!: string;
  @Field() tenancies!: string;
  @Field({ description: '"tenant", or "contract-holder" in Wales.' }) tenant!: string;
  @Field() tenants!: string;

  static of(country: Country): Terminology {
    return Object.assign(new Terminology(), { country: country as CountryCode, ...terminologyFor(country) });
  }
}

@ObjectType({ description: 'A tenure type with its name.' })
export class TenureTypeOption {
  @Field(() => TenureType) tenureType!: TenureType;
  @Field({ description: 'e.g. "Secure occupation contract".' }) label!: string;
}

@ObjectType({ description: "The member's words for tenancies, and the tenures it may grant." })
export class TenancyTerms {
  @Field(() => Terminology) terminology!: Terminology;
  @Field(() => [TenureTypeOption], { description: 'Tenures a new tenancy starting on the given date may have.' }) tenureTypes!: TenureTypeOption[];
}

@ObjectType({ description: 'A tenant or household member of a tenancy.' })
export class TenancyParty {
  @Field(() => ID) personId!: string;
  @Field(() => PartyRole) role!: PartyRole;
  @Field(() => Relationship, { nullable: true, description: "A household member's relationship to the tenant." }) relationship!: Relationship | null;
  @Field(() => String, { nullable: true }) joinedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Set once they have left; null while they are part of it.' }) leftOn!: string | null;

  static from(entity: TenancyPartyEntity): TenancyParty {
    const { personId, role, relationship, joinedOn, leftOn } = entity;
    return Object.assign(new TenancyParty(), { personId, role, relationship, joinedOn, leftOn });
  }
}

/** What a tenancy event's details hold; every field is optional because each kind uses some. */
export interface TenancyEventDetails {
  personIds?: string[];
  formerTenantIds?: string[];
  relatedTenancyId?: string;
  endReason?: TenancyEndReason;
}

@ObjectType({ description: 'Something that happened to a tenancy: its start, end, a succession, an exchange, someone joining or leaving.' })
export class TenancyEvent {
  @Field(() => ID) id!: string;
  @Field(() => ID) tenancyId!: string;
  @Field(() => TenancyEventKind) kind!: TenancyEventKind;
  @Field() occurredOn!: string;
  @Field(() => [ID], { description: 'Who it concerns: the tenants at the start, the successor, who joined or left.' }) personIds!: string[];
  @Field(() => [ID], { description: 'Tenants who left in a succession.' }) formerTenantIds!: string[];
  @Field(() => ID, { nullable: true, description: 'The tenancy on the other side of a mutual exchange.' }) relatedTenancyId!: string | null;
  @Field(() => TenancyEndReason, { nullable: true }) endReason!: TenancyEndReason | null;
  @Field() recordedAt!: Date;
  @Field() recordedBy!: string;

  static from(entity: TenancyEventEntity): TenancyEvent {
    const details = entity.details as TenancyEventDetails;
    const { id, tenancyId, kind, occurredOn, recordedAt, recordedBy } = entity;
    return Object.assign(new TenancyEvent(), {
      id, tenancyId, kind, occurredOn, recordedAt, recordedBy,
      personIds: details.personIds ?? [],
      formerTenantIds: details.formerTenantIds ?? [],
      relatedTenancyId: details.relatedTenancyId ?? null,
      endReason: details.endReason ?? null,
    });
  }
}

@ObjectType({ description: 'A tenancy of a dwelling (an occupation contract in Wales): its tenure, term, parties and history.' })
export class Tenancy {
  @Field(() => ID) id!: string;
  @Field(() => ID) dwellingId!: string;
  @Field(() => TenureType) tenureType!: TenureType;
  @Field({ description: 'The first day, YYYY-MM-DD.' }) startDate!: string;
  @Field(() => String, { nullable: true, description: 'The last day, inclusive; null while no end is set.' }) endDate!: string | null;
  @Field(() => TenancyEndReason, { nullable: true }) endReason!: TenancyEndReason | null;
  @Field({ description: 'True when today (in the UK) falls within the tenancy.' }) live!: boolean;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;

  static from(entity: TenancyEntity): Tenancy {
    return Tenancy.asOf(entity, ukToday());
  }

  /** As `from`, with `live` judged on `today` (YYYY-MM-DD in the UK): a caller mapping many rows works the day out once. */
  static asOf(entity: TenancyEntity, today: string): Tenancy {
    const { id, dwellingId, tenureType, startDate, endDate, endReason, createdAt, updatedAt } = entity;
    const live = startDate <= today && (endDate === null || endDate >= today);
    return Object.assign(new Tenancy(), { id, dwellingId, tenureType, startDate, endDate, endReason, live, createdAt, updatedAt });
  }
}

@ObjectType()
export class TenancyConnection extends Connection(Tenancy) {}

@ObjectType({ description: 'Both households of a mutual exchange: the tenancies that ended and the ones that began.' })
export class MutualExchangeRecorded {
  @Field(() => [Tenancy], { description: 'The two tenancies the households left, ended the day before the exchange.' }) ended!: Tenancy[];
  @Field(() => [Tenancy], { description: "The two tenancies they took up, each on the other's home, from the exchange date." }) started!: Tenancy[];
}

@ObjectType({ implements: () => ErrorResult, description: 'No tenancy with that id is visible to this member.' })
export class TenancyNotFound implements ErrorResult {
  @Field() code!: 'TENANCY_NOT_FOUND';
  @Field() message!: string;
  @Field(() => ID) id!: string;

  static of(id: string): TenancyNotFound {
    return Object.assign(new TenancyNotFound(), { code: 'TENANCY_NOT_FOUND', message: `There is no tenancy ${id}`, id });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The asset is not one of this member\'s dwellings: missing, another member\'s, or an estate, block, communal area or garage.' })
export class DwellingNotFound implements ErrorResult {
  @Field() code!: 'DWELLING_NOT_FOUND';
  @Field() message!: string;
  @Field(() => ID) dwellingId!: string;

  static of(dwellingId: string, kind?: string): DwellingNotFound {
    const message = kind ? `Asset ${dwellingId} is a ${kind}, not a dwelling` : `There is no dwelling ${dwellingId}`;
    return Object.assign(new DwellingNotFound(), { code: 'DWELLING_NOT_FOUND', message, dwellingId });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The dwelling already has a tenancy on some of those days; nothing was saved.' })
export class TenancyOverlaps implements ErrorResult {
  @Field() code!: 'TENANCY_OVERLAPS';
  @Field() message!: string;
  @Field(() => Tenancy, { description: 'The tenancy it would overlap.' }) clashingTenancy!: Tenancy;

  static of(clashing: Tenancy): TenancyOverlaps {
    const until = clashing.endDate ? `to ${clashing.endDate}` : 'with no end date';
    return Object.assign(new TenancyOverlaps(), {
      code: 'TENANCY_OVERLAPS',
      message: `Dwelling ${clashing.dwellingId} already has tenancy ${clashing.id} from ${clashing.startDate} ${until}`,
      clashingTenancy: clashing,
    });
  }
}

@ObjectType({ implements: () => ErrorResult, description: "The member's country does not allow that tenure for a tenancy starting then." })
export class TenureNotAllowed implements ErrorResult {
  @Field() code!: 'TENURE_NOT_ALLOWED';
  @Field() message!: string;
  @Field(() => TenureType) tenureType!: TenureType;
  @Field(() => CountryCode) country!: CountryCode;
  @Field(() => [TenureType]) allowed!: TenureType[];

  static of(tenureType: TenureType, country: Country, asAt: string, allowed: readonly TenureType[]): TenureNotAllowed {
    return Object.assign(new TenureNotAllowed(), {
      code: 'TENURE_NOT_ALLOWED',
      message: `In ${country.replace('_', ' ')} a tenancy running on ${asAt} cannot be ${tenureType}; it may be ${allowed.join(', ')}`,
      tenureType,
      country: country as CountryCode,
      allowed: [...allowed],
    });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The change breaks a rule of tenancies; nothing was saved.' })
export class TenancyInvalid implements ErrorResult {
  @Field() code!: 'TENANCY_INVALID';
  @Field() message!: string;
  @Field(() => [InputProblem]) problems!: InputProblem[];

  static of(problems: InputProblem[]): TenancyInvalid {
    return Object.assign(new TenancyInvalid(), { code: 'TENANCY_INVALID', message: problems.map((p) => p.message).join('; '), problems });
  }
}

export type TenancyFailure = TenancyNotFound | DwellingNotFound | TenureNotAllowed | TenancyOverlaps | TenancyInvalid;

export const StartTenancyResult = resultUnion('StartTenancyResult', 'The new tenancy, or why it was not started.', [
  Tenancy, DwellingNotFound, TenureNotAllowed, TenancyOverlaps, TenancyInvalid,
]);
export const ChangeTenancyResult = resultUnion('ChangeTenancyResult', 'The tenancy as changed, or why nothing changed.', [
  Tenancy, TenancyNotFound, TenancyInvalid,
]);
export const RecordMutualExchangeResult = resultUnion('RecordMutualExchangeResult', 'The exchange as recorded, or why nothing changed.', [
  MutualExchangeRecorded, TenancyNotFound, TenureNotAllowed, TenancyOverlaps, TenancyInvalid,
]);
