import { isPhoneNumber, ValidateBy, type ValidationOptions } from 'class-validator';
import { addDays, isCalendarDate, ukToday } from '../uk-date';

/** The earliest date the register accepts anywhere: older ones are typing mistakes. */
export const EARLIEST_DATE = '1900-01-01';

/**
 * A calendar date (`YYYY-MM-DD`) from EARLIEST_DATE up to `daysAhead` days after today in the
 * UK: 0 for things that have happened (a birth, a death), more for what may be booked ahead.
 */
export function IsCalendarDate(daysAhead: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isCalendarDate(value) && value >= EARLIEST_DATE && value <= addDays(ukToday(), daysAhead),
        defaultMessage: (args) => {
          const { property, value } = args!;
          if (!isCalendarDate(value)) return `${property} must be a date written YYYY-MM-DD`;
          if (value < EARLIEST_DATE) return `${property} must not be before ${EARLIEST_DATE}`;
          return daysAhead === 0 ? `${property} must not be in the future` : `${property} must be at most ${daysAhead} days ahead`;
        },
      },
    },
    options,
  );
}

/** Letters (any alphabet, with accents such as Welsh ŵ and ŷ), spaces, hyphens, apostrophes and full stops. */
export const PERSON_NAME = /^[\p{L}\p{M}][\p{L}\p{M}\s'’.-]*$/u;

/**
 * A UK number written as people do ("029 2087 2087", "07911 123456"), or any country's number
 * starting with + (class-validator's IsPhoneNumber('GB') would refuse a +353 one).
 */
export const IsPhone = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isPhone',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && (value.startsWith('+') ? isPhoneNumber(value) : isPhoneNumber(value, 'GB')),
        defaultMessage: (args) => `${args!.property} must be a UK phone number, or an international one starting with +`,
      },
    },
    options,
  );
