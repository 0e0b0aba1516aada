import type { Weighted } from './register-profile';

/** Collects a statement's parameters as its text is written: `${params.add(value)}` becomes `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, type?: string): string {
    this.values.push(value);
    return `$${this.values.length}${type ? `::${type}` : ''}`;
  }
}

/** A SQL literal for a value the generator itself chose (never for outside input). */
export function sqlLiteral(value: string | number | null): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
    return String(value);
  }
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Uniform draws in [0, 1) for set-based generation: the same key and stream give the same
 * number on every run, and different streams are independent. `hashint8extended` is
 * PostgreSQL's own 64-bit hash (the one hash partitioning relies on), so it is fast, built in
 * and stable across runs; the member's salt keeps members from mirroring each other.
 */
export class SqlDraws {
  constructor(private readonly salt: string) {}

  of(key: string, stream: number): string {
    return `((hashint8extended(${key}, ${this.salt} + ${stream}) & 2147483647)::float8 / 2147483648)`;
  }
}

/** One of the weighted values, chosen by a draw: `case when draw < 0.42 then 1 when ... else 5 end`. */
export function chooseSql<T extends string | number | null>(draw: string, choices: Weighted<T>): string {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let cumulative = 0;
  const branches = choices.slice(0, -1).map(([value, weight]) => {
    cumulative += weight / total;
    return `when ${draw} < ${cumulative.toFixed(6)} then ${sqlLiteral(value)}`;
  });
  return `case ${branches.join(' ')} else ${sqlLiteral(choices[choices.length - 1][0])} end`;
}
