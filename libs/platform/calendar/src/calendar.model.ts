import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ErrorResult, InputProblem, resultUnion } from '@hearth/platform-graphql';
import type { Holiday } from './bank-holidays';
import type { CalendarRegion } from './calendar-region';
import type { ClosureDayEntity } from './closure-day.entity';

/** GraphQL names cannot hold hyphens, so the enum is written out rather than made with enumOf. */
export const CalendarRegionEnum: Record<string, CalendarRegion> = {
  ENGLAND_AND_WALES: 'england-and-wales',
  SCOTLAND: 'scotland',
  NORTHERN_IRELAND: 'northern-ireland',
};
registerEnumType(CalendarRegionEnum, { name: 'CalendarRegion', description: 'A set of UK bank holidays: Wales keeps those of England.' });

@ObjectType('Holiday', { description: 'A bank holiday: the day off, which is the substitute day when the holiday falls at a weekend.' })
export class BankHoliday implements Holiday {
  @Field({ description: 'YYYY-MM-DD.' }) date!: string;
  @Field({ description: 'As gov.uk names it, e.g. "Christmas Day (substitute day)".' }) name!: string;

  static from({ date, name }: Holiday): BankHoliday {
    return Object.assign(new BankHoliday(), { date, name });
  }
}

@ObjectType({ description: "A day the member's offices are shut: not a working day for its deadlines." })
export class ClosureDay {
  @Field({ description: 'YYYY-MM-DD.' }) day!: string;
  @Field() description!: string;
  @Field({ description: 'Who added it (their name, or their subject if the token had none).' }) createdBy!: string;
  @Field() createdAt!: Date;

  static from(entity: ClosureDayEntity): ClosureDay {
    const { day, description, createdBy, createdAt } = entity;
    return Object.assign(new ClosureDay(), { day, description, createdBy, createdAt });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The closure day or its description is not acceptable; nothing was changed.' })
export class ClosureDayInvalid implements ErrorResult {
  @Field() code!: 'CLOSURE_DAY_INVALID';
  @Field() message!: string;
  @Field(() => [InputProblem]) problems!: InputProblem[];

  static of(problems: InputProblem[]): ClosureDayInvalid {
    return Object.assign(new ClosureDayInvalid(), {
      code: 'CLOSURE_DAY_INVALID',
      message: problems.map((problem) => problem.message).join('; '),
      problems,
    });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The member already has that closure day; nothing was changed.' })
export class ClosureDayTaken implements ErrorResult {
  @Field() code!: 'CLOSURE_DAY_TAKEN';
  @Field() message!: string;
  @Field(() => ClosureDay) existing!: ClosureDay;

  static of(existing: ClosureDay): ClosureDayTaken {
    return Object.assign(new ClosureDayTaken(), {
      code: 'CLOSURE_DAY_TAKEN',
      message: `${existing.day} is already a closure day (${existing.description})`,
      existing,
    });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The member has no closure day on that day; nothing was changed.' })
export class ClosureDayNotFound implements ErrorResult {
  @Field() code!: 'CLOSURE_DAY_NOT_FOUND';
  @Field() message!: string;
  @Field() day!: string;

  static of(day: string): ClosureDayNotFound {
    return Object.assign(new ClosureDayNotFound(), { code: 'CLOSURE_DAY_NOT_FOUND', message: `${day} is not a closure day`, day });
  }
}

export const AddClosureDayResult = resultUnion('AddClosureDayResult', 'The closure day added, or why it was not.', [
  ClosureDay, ClosureDayInvalid, ClosureDayTaken,
]);

export const RemoveClosureDayResult = resultUnion('RemoveClosureDayResult', 'The closure day removed, or why none was.', [
  ClosureDay, ClosureDayInvalid, ClosureDayNotFound,
]);
