import { Injectable } from '@nestjs/common';
import { TransactionManager } from '@hearth/platform-database';
import { ModuleRegistry } from '@hearth/platform-kernel';
import type { PrivateDataFinding, PrivateDataKind, Text } from './private-data';

/** Words as the probe compares them: lower case, split at spaces and punctuation. */
const WORDS = (sql: string) => `regexp_split_to_array(btrim(lower(regexp_replace(${sql}, '[[:space:][:punct:]]+', ' ', 'g'))), ' ')`;
const PHRASE = (sql: string) => `btrim(lower(regexp_replace(${sql}, '[[:space:][:punct:]]+', ' ', 'g')))`;

/**
 * The member's own people, accounts and occupied homes, looked for in text about to be
 * published: the names and addresses a letter template could carry from a real case. Each probe
 * reads a module's table (only while that module is installed) under the member's row-level
 * security, so it sees this member's register and nobody else's.
 *
 * Set-based: the texts are cut into runs of two to six words (and into tokens, for payment
 * references), and each probe is one hash join of those against the register, so a SOR set of
 * thousands of lines is checked against tens of thousands of people in one statement.
 */
const PROBES: { modules: string[]; kind: PrivateDataKind; sql: string }[] = [
  {
    modules: ['tenancies'],
    kind: 'person_name',
    sql: `select g.ord, g.path, p.found from grams g join (
            select ${PHRASE(`given_name || ' ' || family_name`)} as gram, given_name || ' ' || family_name as found from hearth.person
            union all
            select ${PHRASE(`title || ' ' || family_name`)}, title || ' ' || family_name from hearth.person where title is not null
          ) p on p.gram = g.gram`,
  },
  {
    modules: ['assets', 'tenancies'],
    kind: 'address',
    sql: `select g.ord, g.path, h.found from grams g join (
            select ${PHRASE('a.address_line_1')} as gram, a.address_line_1 as found from occupied a where length(a.address_line_1) >= 8
            union all
            select ${PHRASE('a.postcode')}, a.postcode from occupied a where a.postcode is not null
          ) h on h.gram = g.gram`,
  },
  {
    modules: ['rent'],
    kind: 'payment_reference',
    sql: `select t.ord, t.path, r.payment_reference from tokens t join hearth.rent_account r on r.payment_reference = t.token`,
  },
];

@Injectable()
export class RegisterProbe {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly registry: ModuleRegistry,
  ) {}

  /** The first of `texts` (in their order) that names one of the member's people, accounts or occupied homes. */
  async find(texts: readonly Text[]): Promise<PrivateDataFinding | undefined> {
    const probes = PROBES.filter((probe) => probe.modules.every((key) => this.registry.get(key)));
    if (!probes.length || !texts.length) return undefined;
    const occupied = probes.some((probe) => probe.kind === 'address')
      ? `, occupied as (
           select a.address_line_1, a.postcode from hearth.asset a
           where a.kind = 'dwelling' and exists (
             select 1 from hearth.tenancy y where y.dwelling_id = a.id and y.start_date <= current_date and (y.end_date is null or y.end_date >= current_date)))`
      : '';
    const [finding] = await this.transactions.query<{ path: string; kind: PrivateDataKind; found: string }>(
      `with texts as (
         select t.path, t.ord, t.text from unnest($1::text[], $2::text[]) with ordinality as t (path, text, ord)
       ),
       words as (select path, ord, ${WORDS('text')} as w from texts),
       grams as (
         select path, ord, array_to_string(w[i:i + n - 1], ' ') as gram
         from words cross join lateral generate_series(2, 6) n cross join lateral generate_series(1, cardinality(w) - n + 1) i
       ),
       tokens as (
         select path, ord, token from texts cross join lateral regexp_split_to_table(upper(text), '[^A-Z0-9/-]+') token where token <> ''
       )${occupied}
       select path, kind, found from (
         ${probes.map((probe) => `select f.ord, f.path, '${probe.kind}' as kind, f.found from (${probe.sql}) f (ord, path, found)`).join(' union all ')}
       ) findings
       order by ord
       limit 1`,
      [texts.map((t) => t.path), texts.map((t) => t.text)],
    );
    return finding;
  }
}
