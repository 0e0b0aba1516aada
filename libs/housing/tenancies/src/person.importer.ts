import { Injectable } from '@nestjs/common';
import { TransactionManager } from '@hearth/platform-database';
import {
  duplicateReferenceCheck,
  referenceColumns,
  resolveReferences,
  type ImportCheck,
  type ImportColumn,
  type ImportCounts,
  type Importer,
  upsertByReference,
} from '@hearth/platform-kernel';
import { COMMUNICATION_NEEDS } from './tenancies.entities';

const COLUMNS: ImportColumn[] = [
  ...referenceColumns('person'),
  { name: 'title', maxLength: 20, description: 'Mr, Mrs, Ms, Mx, Dr, ...' },
  { name: 'given_name', required: true, maxLength: 100, description: 'Letters, spaces, hyphens, apostrophes and full stops.' },
  { name: 'family_name', required: true, maxLength: 100, description: 'Letters, spaces, hyphens, apostrophes and full stops.' },
  { name: 'date_of_birth', type: 'date', description: 'From 1900 to today.' },
  { name: 'email', maxLength: 254, description: 'An e-mail address.' },
  { name: 'phone', maxLength: 30, description: 'A UK number, or an international one starting with +.' },
  { name: 'preferred_language', values: ['en', 'cy'], description: 'en (English, when blank) or cy (Welsh).' },
  { name: 'communication_needs', type: 'list', values: COMMUNICATION_NEEDS, description: 'How to communicate with them.' },
];

/** The API's rule for names (dto/validators.ts PERSON_NAME), as a PostgreSQL regular expression. */
const PERSON_NAME = `'^[[:alpha:]][[:alpha:][:space:]''’.-]*$'`;
const UK_TODAY = `(now() at time zone 'Europe/London')::date`;

const CHECKS: ImportCheck[] = [
  duplicateReferenceCheck('p'),
  ...(['given_name', 'family_name'] as const).map((column) => ({
    column,
    failsWhen: `r.${column} !~ ${PERSON_NAME}`,
    reason: `hearth.import_quote(r.${column}) || ' may hold letters, spaces, hyphens, apostrophes and full stops only'`,
  })),
  { column: 'date_of_birth', failsWhen: `hearth.import_date(r.date_of_birth) < date '1900-01-01'`, reason: `hearth.import_quote(r.date_of_birth) || ' is before 1900'` },
  { column: 'date_of_birth', failsWhen: `hearth.import_date(r.date_of_birth) > ${UK_TODAY}`, reason: `hearth.import_quote(r.date_of_birth) || ' is in the future'` },
  { column: 'email', failsWhen: `r.email !~ '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$'`, reason: `hearth.import_quote(r.email) || ' is not an e-mail address'` },
  {
    column: 'phone',
    failsWhen: `regexp_replace(r.phone, '[[:space:]()-]', '', 'g') !~ '^(\\+[1-9][0-9]{6,14}|0[0-9]{9,10})$'`,
    reason: `hearth.import_quote(r.phone) || ' is not a UK phone number, or an international one starting with +'`,
  },
];

/**
 * People (tenants and household members) from a CSV file, keyed by their reference in the
 * system they come from (person_reference). Alerts are not imported: they are raised in Hearth,
 * where who may read their notes is controlled.
 */
@Injectable()
export class PersonImporter implements Importer {
  readonly kind = 'people';
  readonly description = 'People: tenants and members of their households.';
  readonly columns = COLUMNS;
  readonly checksFrom = 'import_rows r join import_person p on p.line = r.line';
  readonly checks = CHECKS;

  constructor(private readonly transactions: TransactionManager) {}

  async prepare(): Promise<void> {
    await this.transactions.query(
      `create temporary table import_person on commit drop as ${resolveReferences('hearth.person_reference', 'person_id')}`,
    );
  }

  apply(): Promise<ImportCounts> {
    return this.transactions.query<ImportCounts>(
      upsertByReference({
        table: 'hearth.person',
        referenceTable: 'hearth.person_reference',
        referenceColumn: 'person_id',
        resolved: 'import_person',
        values: {
          title: 'r.title',
          given_name: 'r.given_name',
          family_name: 'r.family_name',
          date_of_birth: 'hearth.import_date(r.date_of_birth)',
          email: 'r.email',
          phone: 'r.phone',
          preferred_language: `coalesce(r.preferred_language, 'en')`,
          communication_needs: 'hearth.import_list(r.communication_needs)',
        },
      }),
    ).then(([counts]) => counts);
  }
}
