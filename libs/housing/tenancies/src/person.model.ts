import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, ErrorResult, enumOf, InputProblem, resultUnion } from '@hearth/platform-graphql';
import {
  COMMUNICATION_NEEDS, PERSON_ALERT_CODES,
  type CommunicationNeedValue, type PersonAlertEntity, type PersonEntity, type PersonReferenceEntity, type TenancyReferenceEntity,
} from './tenancies.entities';

export enum PreferredLanguage {
  EN = 'en',
  CY = 'cy',
}
registerEnumType(PreferredLanguage, { name: 'PreferredLanguage', description: 'The language a person wants letters and calls in: English or Welsh.' });

export const CommunicationNeed = enumOf(COMMUNICATION_NEEDS, { name: 'CommunicationNeed', description: 'How a person needs to be communicated with.' });
export type CommunicationNeed = CommunicationNeedValue;

@ObjectType({ description: 'An id this record has in another system (HACT Reference), kept from the systems a member leaves.' })
export class RegisterReference {
  @Field({ description: 'The system that allocated the id, e.g. "legacy-housing-system".' }) system!: string;
  @Field() reference!: string;
  @Field(() => String, { nullable: true }) description!: string | null;

  static from(entity: PersonReferenceEntity | TenancyReferenceEntity): RegisterReference {
    const { system, reference, description } = entity;
    return Object.assign(new RegisterReference(), { system, reference, description });
  }
}

@ObjectType({ description: 'A HACT person alert. Everyone who reads the register sees its meaning; the note only permitted roles.' })
export class PersonAlert {
  @Field(() => ID) id!: string;
  @Field(() => ID) personId!: string;
  @Field({ description: 'The HACT code, e.g. "20-50".' }) code!: string;
  @Field({ description: 'What the code means, e.g. "Wheelchair user": what operatives are shown.' }) meaning!: string;
  @Field(() => String, { nullable: true, description: 'The private note: null unless the reader holds the alert-notes permission (tenant admins, housing officers).' })
  note!: string | null;
  @Field() raisedOn!: string;
  @Field(() => String, { nullable: true }) endedOn!: string | null;
  @Field({ description: 'Who raised it.' }) raisedBy!: string;

  static from(entity: PersonAlertEntity, showNote: boolean): PersonAlert {
    const { id, personId, code, note, raisedOn, endedOn, raisedBy } = entity;
    return Object.assign(new PersonAlert(), {
      id, personId, code, meaning: PERSON_ALERT_CODES[code], note: showNote ? note : null, raisedOn, endedOn, raisedBy,
    });
  }
}

@ObjectType({ description: 'Someone the member houses or deals with: a tenant, a household member, an applicant.' })
export class Person {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field() givenName!: string;
  @Field() familyName!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) dateOfBirth!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => PreferredLanguage) preferredLanguage!: PreferredLanguage;
  @Field(() => [CommunicationNeed]) communicationNeeds!: CommunicationNeed[];
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;

  static from(entity: PersonEntity): Person {
    const { id, title, givenName, familyName, dateOfBirth, email, phone, communicationNeeds, createdAt, updatedAt } = entity;
    return Object.assign(new Person(), {
      id, title, givenName, familyName, dateOfBirth, email, phone,
      preferredLanguage: entity.preferredLanguage as PreferredLanguage,
      communicationNeeds, createdAt, updatedAt,
    });
  }
}

@ObjectType()
export class PersonConnection extends Connection(Person) {}

@ObjectType({ implements: () => ErrorResult, description: 'No person with that id is visible to this member.' })
export class PersonNotFound implements ErrorResult {
  @Field() code!: 'PERSON_NOT_FOUND';
  @Field() message!: string;
  @Field(() => ID) id!: string;

  static of(id: string): PersonNotFound {
    return Object.assign(new PersonNotFound(), { code: 'PERSON_NOT_FOUND', message: `There is no person ${id}`, id });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'No alert with that id is visible to this member.' })
export class AlertNotFound implements ErrorResult {
  @Field() code!: 'ALERT_NOT_FOUND';
  @Field() message!: string;
  @Field(() => ID) id!: string;

  static of(id: string): AlertNotFound {
    return Object.assign(new AlertNotFound(), { code: 'ALERT_NOT_FOUND', message: `There is no person alert ${id}`, id });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The change breaks a rule of the register; nothing was saved.' })
export class PersonInvalid implements ErrorResult {
  @Field() code!: 'PERSON_INVALID';
  @Field() message!: string;
  @Field(() => [InputProblem]) problems!: InputProblem[];

  static of(problems: InputProblem[]): PersonInvalid {
    return Object.assign(new PersonInvalid(), { code: 'PERSON_INVALID', message: problems.map((p) => p.message).join('; '), problems });
  }
}

export const CreatePersonResult = resultUnion('CreatePersonResult', 'The new person, or why they were not added.', [Person, PersonInvalid]);
export const UpdatePersonResult = resultUnion('UpdatePersonResult', 'The person as changed, or why nothing changed.', [Person, PersonNotFound, PersonInvalid]);
export const RaisePersonAlertResult = resultUnion('RaisePersonAlertResult', 'The raised alert, or why it was not raised.', [PersonAlert, PersonNotFound, PersonInvalid]);
export const EndPersonAlertResult = resultUnion('EndPersonAlertResult', 'The ended alert, or why it was not ended.', [PersonAlert, AlertNotFound, PersonInvalid]);
