import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { HearthError } from '@hearth/platform-core';
import { decodeCursor } from '@hearth/platform-graphql';
import { isCalendarDate } from './uk-date';

/**
 * Small helpers for the register's hand-written SQL, which exists because its list queries must
 * be shaped for their indexes (see docs/register/tenancies.md, "Why the SQL looks like this").
 */

/** SQL: tenancy `alias` is live on the day in parameter `day`; end_date is its last day, inclusive. */
export function liveOn(alias: string, day: string): string {
  return `${alias}.start_date <= ${day}::date and (${alias}.end_date is null or ${alias}.end_date >= ${day}::date)`;
}

/** Collects positional parameters while a statement is built: `where x = ${params.add(value)}`. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Builds an entity from a raw row (or a `to_jsonb` object) by column name, converting values as TypeORM's own loads do. */
export function hydrate<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, row: Record<string, unknown>): E {
  const metadata = manager.connection.getMetadata(entity);
  const hydrated = metadata.create() as E;
  for (const column of metadata.columns) {
    if (column.databaseName in row) {
      column.setEntityValue(hydrated, manager.connection.driver.prepareHydratedValue(row[column.databaseName], column));
    }
  }
  return hydrated;
}

/**
 * Under row-level security an index serves only leakproof operators. LIKE is not one, so a
 * prefix is matched as a range in byte order ("C"), whose comparisons are: [prefix, upper).
 */
export function prefixRange(prefix: string): [string, string] {
  const last = prefix.charCodeAt(prefix.length - 1);
  return [prefix, prefix.slice(0, -1) + String.fromCharCode(last + 1)];
}

/**
 * SQL: `column` (a search text) resembles the search: pg_trgm word similarity, which forgives
 * typing slips and word order, and which the GIN trigram indexes serve under row-level security
 * because db:setup marks its operator leakproof (ADR 10).
 */
export function resembles(column: string, search: string, params: SqlParams): string {
  return `${params.add(search)} <% ${column}`;
}

/**
 * SQL: `column` (a reference) starts with the search as typed or in capitals, as ranges that an
 * index on `(column collate "C")` serves under RLS. Capitals because legacy references mostly are.
 */
export function startsWithReference(column: string, search: string, params: SqlParams): string {
  return [...new Set([search, search.toUpperCase()])]
    .map((variant) => prefixRange(variant).map((bound) => params.add(bound)))
    .map(([from, to]) => `(${column} collate "C" >= ${from} and ${column} collate "C" < ${to})`)
    .join(' or ');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR_CHECKS = {
  text: (value: unknown) => typeof value === 'string',
  uuid: (value: unknown) => typeof value === 'string' && UUID.test(value),
  date: (value: unknown) => isCalendarDate(value),
};

/** The sort key an `after` cursor carries, each value checked to be of its kind before it reaches SQL. */
export function cursorValues(after: string, kinds: readonly (keyof typeof CURSOR_CHECKS)[]): string[] {
  const values = decodeCursor(after, kinds.length);
  if (!kinds.every((kind, i) => CURSOR_CHECKS[kind](values[i]))) {
    throw new HearthError('BAD_USER_INPUT', 'The "after" cursor is not one this API issued', { field: 'after' });
  }
  return values as string[];
}
