import { createHash } from 'node:crypto';

/**
 * Deterministic ids for generated rows, in the UUIDv8 layout of RFC 9562 (the "custom"
 * version), shaped like UUIDv7: the leading 48 bits count up (from an offset hashed from the
 * namespace, where UUIDv7 has a timestamp) and the rest is a hash of the namespace (dataset,
 * member, entity). So the same seed always gives the same ids, and:
 *
 * - ids of one entity of one member ascend with their sequence number, so bulk inserts append
 *   at the right edge of each primary-key B-tree instead of touching a random leaf per row;
 * - the counting part leads, because btree_gist ranks uuids by their first 64 bits only: with a
 *   shared prefix in front, every dwelling of a member looked alike to the tenancy table's
 *   exclusion constraint (a GiST index), and each insert searched all of the member's tenancies.
 */
const MAX_SEQUENCE = 2 ** 47 - 1;

export interface IdNamespace {
  /** Added to every sequence number: ids of different namespaces do not start at the same place. */
  offset: number;
  /** The fixed last 20 hex digits: version 8, the RFC variant, and the namespace's hash. */
  suffix: string;
}

export function idNamespace(namespace: string): IdNamespace {
  const digest = createHash('sha256').update(namespace).digest();
  const hex = digest.toString('hex');
  const variant = ((parseInt(hex[3], 16) & 0x3) | 0x8).toString(16);
  return {
    offset: Number(digest.readBigUInt64BE(8) >> 17n), // 47 bits: offset + sequence stays within 48
    suffix: `8${hex.slice(0, 3)}${variant}${hex.slice(4, 19)}`,
  };
}

/** The id of the `sequence`-th row of `namespace`. */
export function seededUuid(namespace: string, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`An id sequence must be a whole number from 0 to 2^47 - 1 (got ${sequence})`);
  }
  const { offset, suffix } = idNamespace(namespace);
  const hex = (offset + sequence).toString(16).padStart(12, '0') + suffix;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The same id in SQL, for set-based inserts: `offset` and `suffix` are parameters holding the
 * namespace's parts, `sequence` an integer expression. PostgreSQL reads 32 hex digits without
 * hyphens as a uuid.
 */
export function sqlSeededUuid(offset: string, suffix: string, sequence: string): string {
  return `(lpad(to_hex(${offset} + ${sequence}), 12, '0') || ${suffix})::uuid`;
}
