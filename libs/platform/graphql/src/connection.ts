import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { Max, Min, IsOptional, IsString } from 'class-validator';
import { HearthError } from '@hearth/platform-core';

export const DEFAULT_PAGE_SIZE = 20;
/** The most rows one page may ask for; the cost limit multiplies child costs by it. */
export const MAX_PAGE_SIZE = 100;

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Rows per page, at most ${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  after?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type for `node`: `XConnection { edges { cursor node } pageInfo totalCount }`. */
export function Connection<T>(node: Type<T>): Type<ConnectionShape<T>> {
  @ObjectType(`${node.name}Edge`)
  class EdgeType {
    @Field() cursor!: string;
    @Field(() => node) node!: T;
  }

  @ObjectType(`${node.name}Connection`, { isAbstract: true })
  class ConnectionType {
    @Field(() => [EdgeType]) edges!: Edge<T>[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int) totalCount!: number;
  }
  return ConnectionType as Type<ConnectionShape<T>>;
}

/**
 * Cursors are opaque to clients but are simply the sort key of the last row seen, so pages
 * are read with an index-backed `where (key, id) > (...)` instead of an OFFSET scan.
 */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): (string | number)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length) return values;
  } catch {
    // fall through to the error below
  }
  throw new HearthError('BAD_USER_INPUT', 'The "after" cursor is not one this API issued', { field: 'after' });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The cursor of a newest-first page keyed on (a timestamp, id), checked before it reaches SQL,
 * so a forged cursor is answered as bad input rather than as a database error.
 */
export function decodeTimeCursor(cursor: string): [at: string, id: string] {
  const [at, id] = decodeCursor(cursor, 2);
  if (!UUID.test(String(id)) || Number.isNaN(Date.parse(String(at)))) {
    throw new HearthError('BAD_USER_INPUT', 'The "after" cursor is not one this API issued', { field: 'after' });
  }
  return [String(at), String(id)];
}

/** Builds a connection from rows fetched with `limit first + 1` (the extra row tells if more follow). */
export function toConnection<T>(
  rows: T[],
  args: PageArgs,
  totalCount: number,
  sortKey: (row: T) => (string | number)[],
): ConnectionShape<T> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(sortKey(node)) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
