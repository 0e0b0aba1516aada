import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, enumOf } from '@hearth/platform-graphql';
import { INCOME_TASK_STATUSES, type IncomeTaskEntity, type IncomeTaskStatus as IncomeTaskStatusValue, type RentLetterEntity } from '../rent.entities';
import { RentLanguage } from '../statements/statement.model';

export const IncomeTaskStatus = enumOf(INCOME_TASK_STATUSES, { name: 'IncomeTaskStatus' });
export type IncomeTaskStatus = IncomeTaskStatusValue;

@ObjectType({ description: 'An account at a recovery stage: entered when its arrears reached it, left when it moved on or out.' })
export class ArrearsStageEntry {
  @Field(() => ID) id!: string;
  @Field(() => ID) accountId!: string;
  @Field({ description: "The stage's code in the member's settings." }) stage!: string;
  @Field(() => String, { nullable: true, description: "The stage's name, or null if the member's settings no longer have it." }) name!: string | null;
  @Field() enteredAt!: Date;
  @Field(() => Date, { nullable: true }) leftAt!: Date | null;
  @Field(() => Int, { description: 'The balance when it was entered.' }) balancePence!: number;
  @Field() enteredBy!: string;
}

@ObjectType({ description: 'A letter recovery wrote, kept as rendered, in the contract-holder\'s language.' })
export class RentLetter {
  @Field(() => ID) id!: string;
  @Field(() => ID) accountId!: string;
  @Field(() => ID, { nullable: true }) stageEntryId!: string | null;
  @Field({ description: "The member's template it was written from." }) template!: string;
  @Field(() => RentLanguage) language!: RentLanguage;
  @Field() addressee!: string;
  @Field() subject!: string;
  @Field() body!: string;
  @Field() createdAt!: Date;

  static from(entity: RentLetterEntity): RentLetter {
    const { id, accountId, stageEntryId, template, language, addressee, subject, body, createdAt } = entity;
    return Object.assign(new RentLetter(), { id, accountId, stageEntryId, template, language, addressee, subject, body, createdAt });
  }
}

@ObjectType({ description: 'Work for the income officer: from a recovery stage or a broken arrangement.' })
export class IncomeTask {
  @Field(() => ID) id!: string;
  @Field(() => ID) accountId!: string;
  @Field(() => ID, { nullable: true }) stageEntryId!: string | null;
  @Field(() => ID, { nullable: true }) arrangementId!: string | null;
  @Field({ description: 'recovery_stage or arrangement_broken.' }) kind!: string;
  @Field() description!: string;
  @Field({ description: 'YYYY-MM-DD, a working day of the member.' }) dueOn!: string;
  @Field(() => IncomeTaskStatus) status!: IncomeTaskStatus;
  @Field(() => Date, { nullable: true }) doneAt!: Date | null;
  @Field(() => String, { nullable: true }) doneBy!: string | null;
  @Field() createdAt!: Date;

  static from(entity: IncomeTaskEntity): IncomeTask {
    const { id, accountId, stageEntryId, arrangementId, kind, description, dueOn, status, doneAt, doneBy, createdAt } = entity;
    return Object.assign(new IncomeTask(), { id, accountId, stageEntryId, arrangementId, kind, description, dueOn, status, doneAt, doneBy, createdAt });
  }
}

@ObjectType()
export class IncomeTaskConnection extends Connection(IncomeTask) {}
