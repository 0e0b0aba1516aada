import DataLoader from 'dataloader';
import { hearthContext } from '@hearth/platform-database';

/**
 * The DataLoader for `key` in the current unit of work, created on first use. Loaders live in
 * the request's context, so batching and caching never cross requests or members.
 */
export function requestLoader<K, V>(key: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
  return hearthContext.require().memoize(`dataloader:${key}`, () => new DataLoader<K, V>(batch));
}
