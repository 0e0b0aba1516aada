import { Field, ID, InputType } from '@nestjs/graphql';
import { Trim } from '@hearth/platform-graphql';
import { IsIn, IsOptional, IsUUID, Length } from 'class-validator';
import { PERSON_ALERT_CODES } from '../tenancies.entities';
import { IsCalendarDate } from './validators';

// Sorted: as object keys, the plain numbers would otherwise come before "20-10".
const CODES = Object.keys(PERSON_ALERT_CODES).sort();

@InputType({ description: 'A HACT alert to raise on a person.' })
export class RaisePersonAlertInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'personId must be a UUID' })
  personId!: string;

  @Field({ description: `The HACT code: ${CODES.join(', ')}.` })
  @IsIn(CODES, { message: `code must be a HACT person alert code: ${CODES.join(', ')}` })
  code!: string;

  @Field(() => String, { nullable: true, description: 'Private detail, shown only to roles with the alert-notes permission.' })
  @IsOptional()
  @Trim()
  @Length(1, 2000)
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Defaults to today.' })
  @IsOptional()
  @IsCalendarDate(0)
  raisedOn?: string | null;
}

@InputType({ description: 'An alert to end.' })
export class EndPersonAlertInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'alertId must be a UUID' })
  alertId!: string;

  @Field(() => String, { nullable: true, description: 'Defaults to today.' })
  @IsOptional()
  @IsCalendarDate(0)
  endedOn?: string | null;
}
