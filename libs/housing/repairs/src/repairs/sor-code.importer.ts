import { Injectable } from '@nestjs/common';
import { TransactionManager } from '@hearth/platform-database';
import { type ImportCheck, type ImportColumn, type ImportCounts, type Importer } from '@hearth/platform-kernel';
import { TRADES } from '../repairs.entities';
import { RepairPriorities } from './repair-priorities';
import { MAX_COST_PENCE, MAX_STANDARD_MINUTES } from './dto/sor-code.input';

const COLUMNS: ImportColumn[] = [
  { name: 'code', required: true, maxLength: 20, description: 'The SOR code, e.g. 603011: letters, digits, . _ / -; how a later import finds the same code again.' },
  { name: 'description', required: true, maxLength: 500, description: 'What the task is.' },
  { name: 'trade', required: true, values: TRADES, description: 'The trade that does it.' },
  { name: 'default_priority', required: true, maxLength: 40, description: "One of the member's priority codes (repairs settings), e.g. routine." },
  { name: 'cost', required: true, description: 'Price of one unit in pounds, with up to two decimals (12.50); stored in pence.' },
  { name: 'standard_minutes', required: true, type: 'integer', min: 0, max: MAX_STANDARD_MINUTES, description: 'Minutes one unit usually takes.' },
  { name: 'active', type: 'boolean', description: 'yes or no; yes when empty. Inactive codes cannot be put on new work orders.' },
];

/** Pounds with up to two decimals, as pence; null for anything else. */
const COST_PENCE = `case when r.cost ~ '^[0-9]{1,9}(\\.[0-9]{1,2})?$' then round(r.cost::numeric * 100)::bigint end`;

const CHECKS: ImportCheck[] = [
  {
    column: 'code',
    failsWhen: `r.code !~ '^[A-Za-z0-9][A-Za-z0-9._/-]*$'`,
    reason: `hearth.import_quote(r.code) || ' is not a SOR code: letters, digits, dots, underscores, slashes and hyphens, starting with a letter or digit'`,
  },
  { column: 'code', failsWhen: 's.first_line < r.line', reason: `hearth.import_quote(r.code) || ' is already on line ' || s.first_line` },
  {
    column: 'default_priority',
    failsWhen: 'r.default_priority is not null and not s.known_priority',
    reason: `hearth.import_quote(r.default_priority) || ' is not one of this member''s priorities: ' || (select string_agg(code, ', ' order by ordinal) from import_sor_priority)`,
  },
  { column: 'cost', failsWhen: `r.cost ~ '^-'`, reason: `hearth.import_quote(r.cost) || ' is negative; a cost is 0 or more'` },
  {
    column: 'cost',
    failsWhen: `r.cost !~ '^-' and s.cost_pence is null`,
    reason: `hearth.import_quote(r.cost) || ' is not an amount in pounds (write 12.50, with at most two decimals and no £ sign)'`,
  },
  {
    column: 'cost',
    failsWhen: `s.cost_pence > ${MAX_COST_PENCE}`,
    reason: `hearth.import_quote(r.cost) || ' is more than ${MAX_COST_PENCE / 100}'`,
  },
];

/**
 * The member's schedule of rates from a CSV file, keyed by code (a SOR code is its own id in
 * every system, so there are no reference columns): new codes are added, changed ones updated,
 * and the rest left alone, so importing the same file twice changes nothing.
 */
@Injectable()
export class SorCodeImporter implements Importer {
  readonly kind = 'sor-codes';
  readonly description = 'The schedule of rates: SOR codes with their trade, default priority, price and standard time.';
  readonly columns = COLUMNS;
  readonly checksFrom = 'import_rows r join import_sor s on s.line = r.line';
  readonly checks = CHECKS;

  constructor(
    private readonly transactions: TransactionManager,
    private readonly priorities: RepairPriorities,
  ) {}

  /** The member's priority codes, and per line its cost in pence, whether its priority is known, and the first line with its code. */
  async prepare(): Promise<void> {
    await this.transactions.query(
      `create temporary table import_sor_priority on commit drop as
       select code, ordinal from unnest($1::text[]) with ordinality as p (code, ordinal)`,
      [await this.priorities.codes()],
    );
    await this.transactions.query(`
      create temporary table import_sor on commit drop as
      select r.line, ${COST_PENCE} as cost_pence,
             exists (select from import_sor_priority p where p.code = r.default_priority) as known_priority,
             min(r.line) over (partition by r.code) as first_line
      from import_rows r`);
  }

  apply(): Promise<ImportCounts> {
    const columns = ['description', 'trade', 'default_priority', 'cost_pence', 'standard_minutes', 'active'];
    const list = (alias: string) => columns.map((c) => `${alias}.${c}`).join(', ');
    return this.transactions.query<ImportCounts>(`
      with incoming as (
        select r.code, r.description, r.trade, r.default_priority, s.cost_pence,
               hearth.import_integer(r.standard_minutes) as standard_minutes, coalesce(hearth.import_boolean(r.active), true) as active,
               not exists (select from hearth.sor_code e where e.code = r.code) as is_new
        from import_rows r join import_sor s on s.line = r.line
      ),
      inserted as (
        insert into hearth.sor_code (tenant_id, code, ${columns.join(', ')})
        select (select hearth.current_tenant_id()), i.code, ${list('i')} from incoming i where i.is_new
        returning 1
      ),
      updated as (
        update hearth.sor_code t set ${columns.map((c) => `${c} = i.${c}`).join(', ')}, updated_at = now()
        from incoming i
        where t.code = i.code and not i.is_new and (${list('t')}) is distinct from (${list('i')})
        returning 1
      )
      select (select count(*) from inserted)::int as inserted, (select count(*) from updated)::int as updated,
             (select count(*) from incoming where not is_new)::int - (select count(*) from updated)::int as unchanged`,
    ).then(([counts]) => counts);
  }
}
