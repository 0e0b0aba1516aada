import { createHash } from 'node:crypto';
import type { ConfigurationItem } from './kinds/configuration-kind';

/** JSON with every object's keys in order, so equal content always has equal text (and hash). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The SHA-256 of content's canonical JSON: how a copy is compared with what it came from and what became of it. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export type ChangeKind = 'added' | 'changed' | 'removed';

export interface ItemChange {
  item: string;
  change: ChangeKind;
  /** The fields that differ (for `changed`), or every field (for `added` and `removed`). */
  fields: string[];
}

/**
 * What replacing `before` with `after` changes, item by item, in `after`'s order followed by the
 * items it takes away. Items that stay the same are left out.
 */
export function diffItems(before: readonly ConfigurationItem[], after: readonly ConfigurationItem[]): ItemChange[] {
  const old = new Map(before.map((item) => [item.key, item.fields]));
  const kept = new Set(after.map((item) => item.key));
  const changes: ItemChange[] = [];
  for (const { key, fields } of after) {
    const previous = old.get(key);
    if (!previous) {
      changes.push({ item: key, change: 'added', fields: Object.keys(fields) });
      continue;
    }
    const names = [...new Set([...Object.keys(previous), ...Object.keys(fields)])];
    const differing = names.filter((name) => canonicalJson(previous[name]) !== canonicalJson(fields[name]));
    if (differing.length) changes.push({ item: key, change: 'changed', fields: differing });
  }
  for (const { key, fields } of before) {
    if (!kept.has(key)) changes.push({ item: key, change: 'removed', fields: Object.keys(fields) });
  }
  return changes;
}

/** Compares semver-ish versions (`1.2`, `1.2.3`); a missing part counts as 0, so `1.2` and `1.2.0` are the same. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = (x[i] ?? 0) - (y[i] ?? 0);
    if (difference) return Math.sign(difference);
  }
  return 0;
}

/** Escapes one key for a JSON pointer (RFC 6901); the platform's, which kinds use too. */
export { pointerKey } from '@hearth/platform-kernel';
