import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, ErrorResult, enumOf, InputProblem, resultUnion } from '@hearth/platform-graphql';
import {
  ARRANGEMENT_FREQUENCIES, ARRANGEMENT_STATUSES, type ArrangementFrequency as ArrangementFrequencyValue,
  type ArrangementStatus as ArrangementStatusValue, type PaymentArrangementEntity,
} from '../rent.entities';
import { RentAccountNotFound } from '../accounts/accounts.model';

export const ArrangementFrequency = enumOf(ARRANGEMENT_FREQUENCIES, { name: 'ArrangementFrequency', description: 'How often an instalment falls due.' });
export type ArrangementFrequency = ArrangementFrequencyValue;

export const ArrangementStatus = enumOf(ARRANGEMENT_STATUSES, {
  name: 'ArrangementStatus',
  description: 'Active until it completes (the arrears are cleared), breaks (it fell behind) or is cancelled.',
});
export type ArrangementStatus = ArrangementStatusValue;

@ObjectType({ description: 'One instalment of an arrangement: paid on top of the rent.' })
export class ArrangementInstalment {
  @Field({ description: 'YYYY-MM-DD' }) dueOn!: string;
  @Field(() => Int) amountPence!: number;
}

@ObjectType({ description: 'An agreement to clear arrears by instalments paid on top of the rent.' })
export class PaymentArrangement {
  @Field(() => ID) id!: string;
  @Field(() => ID) accountId!: string;
  @Field(() => Int) instalmentPence!: number;
  @Field(() => ArrangementFrequency) frequency!: ArrangementFrequency;
  @Field({ description: 'YYYY-MM-DD: the first instalment is due on this day.' }) startsOn!: string;
  @Field(() => Int, { description: 'The arrears it was made to clear.' }) arrearsPence!: number;
  @Field(() => ArrangementStatus) status!: ArrangementStatus;
  @Field(() => Date, { nullable: true, description: 'When the daily check found it had fallen behind.' }) brokenAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it stopped being active: completed, broken or cancelled.' }) endedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was cancelled, or a note made with it.' }) note!: string | null;
  @Field() createdAt!: Date;
  @Field() createdBy!: string;

  static from(entity: PaymentArrangementEntity): PaymentArrangement {
    const { id, accountId, instalmentPence, frequency, startsOn, arrearsPence, status, brokenAt, endedAt, note, createdAt, createdBy } = entity;
    return Object.assign(new PaymentArrangement(), { id, accountId, instalmentPence, frequency, startsOn, arrearsPence, status, brokenAt, endedAt, note, createdAt, createdBy });
  }
}

@ObjectType()
export class PaymentArrangementConnection extends Connection(PaymentArrangement) {}

@ObjectType({ implements: () => ErrorResult, description: 'The account already has an active arrangement; cancel it first. Nothing was saved.' })
export class ArrangementAlreadyActive implements ErrorResult {
  @Field() code!: 'ARRANGEMENT_ALREADY_ACTIVE';
  @Field() message!: string;
  @Field(() => PaymentArrangement) existing!: PaymentArrangement;

  static of(existing: PaymentArrangement): ArrangementAlreadyActive {
    return Object.assign(new ArrangementAlreadyActive(), {
      code: 'ARRANGEMENT_ALREADY_ACTIVE', message: `The account already has an active arrangement (${existing.id}), starting ${existing.startsOn}: cancel it first`, existing,
    });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The arrangement breaks a rule; nothing was saved.' })
export class ArrangementInvalid implements ErrorResult {
  @Field() code!: 'ARRANGEMENT_INVALID';
  @Field() message!: string;
  @Field(() => [InputProblem]) problems!: InputProblem[];

  static of(problems: InputProblem[]): ArrangementInvalid {
    return Object.assign(new ArrangementInvalid(), { code: 'ARRANGEMENT_INVALID', message: problems.map((p) => p.message).join('; '), problems });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'No arrangement with that id is visible to this member.' })
export class ArrangementNotFound implements ErrorResult {
  @Field() code!: 'ARRANGEMENT_NOT_FOUND';
  @Field() message!: string;
  @Field(() => ID) id!: string;

  static of(id: string): ArrangementNotFound {
    return Object.assign(new ArrangementNotFound(), { code: 'ARRANGEMENT_NOT_FOUND', message: `There is no payment arrangement ${id}`, id });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'Only an active arrangement can be cancelled; nothing was changed.' })
export class ArrangementNotActive implements ErrorResult {
  @Field() code!: 'ARRANGEMENT_NOT_ACTIVE';
  @Field() message!: string;
  @Field(() => PaymentArrangement) arrangement!: PaymentArrangement;

  static of(arrangement: PaymentArrangement): ArrangementNotActive {
    return Object.assign(new ArrangementNotActive(), {
      code: 'ARRANGEMENT_NOT_ACTIVE', message: `The arrangement is already ${arrangement.status}, so it cannot be cancelled`, arrangement,
    });
  }
}

export type ArrangementFailure = RentAccountNotFound | ArrangementAlreadyActive | ArrangementInvalid | ArrangementNotFound | ArrangementNotActive;

export const PaymentArrangementResult = resultUnion('PaymentArrangementResult', 'The arrangement after the change, or why not.', [
  PaymentArrangement, RentAccountNotFound, ArrangementAlreadyActive, ArrangementInvalid, ArrangementNotFound, ArrangementNotActive,
]);
