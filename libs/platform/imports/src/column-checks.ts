import { sqlText as text, sqlTextArray as textArray, type ImportCheck, type ImportColumn } from '@hearth/platform-kernel';

/**
 * The routine checks a column's declaration implies: required, length, format, range and
 * allowed values. They only look at the row itself, so the import runs them all in one pass.
 */
export function columnChecks(column: ImportColumn): ImportCheck[] {
  const value = `r.${column.name}`;
  const quoted = `hearth.import_quote(${value})`;
  const checks: ImportCheck[] = [];
  const check = (failsWhen: string, reason: string) => checks.push({ column: column.name, failsWhen, reason });
  const type = column.type ?? 'text';

  if (column.required) {
    // A list of only separators (";") is as empty as a blank cell.
    check(type === 'list' ? `cardinality(hearth.import_list(${value})) = 0` : `${value} is null`, `'a value is required'`);
  }
  if (type === 'text' && column.maxLength !== undefined) {
    check(`length(${value}) > ${column.maxLength}`, `${quoted} || ' is ' || length(${value}) || ' characters long; the most allowed is ${column.maxLength}'`);
  }
  if (type === 'text' && column.values) {
    check(`${value} <> all(${textArray(column.values)})`, `${quoted} || ${text(` is not one of: ${column.values.join(', ')}`)}`);
  }
  if (type === 'integer') {
    check(`${value} is not null and hearth.import_integer(${value}) is null`, `${quoted} || ' is not a whole number'`);
    const { min, max } = column;
    if (min !== undefined || max !== undefined) {
      const outside = [min !== undefined && `hearth.import_integer(${value}) < ${min}`, max !== undefined && `hearth.import_integer(${value}) > ${max}`];
      const range = min === undefined ? `more than ${max}` : max === undefined ? `less than ${min}` : `not between ${min} and ${max}`;
      check(outside.filter(Boolean).join(' or '), `${quoted} || ' is ${range}'`);
    }
  }
  if (type === 'date') {
    check(`${value} is not null and hearth.import_date(${value}) is null`, `${quoted} || ' is not a date (write 2024-03-31 or 31/03/2024)'`);
  }
  if (type === 'boolean') {
    check(`${value} is not null and hearth.import_boolean(${value}) is null`, `${quoted} || ' is not yes or no'`);
  }
  if (type === 'list' && column.values) {
    const allowed = textArray(column.values);
    const unknown = `array_to_string(array(select item from unnest(hearth.import_list(${value})) as item where item <> all(${allowed})), '; ')`;
    check(`not hearth.import_list(${value}) <@ ${allowed}`, `hearth.import_quote(${unknown}) || ${text(` is not one of: ${column.values.join(', ')}`)}`);
  }
  return checks;
}
