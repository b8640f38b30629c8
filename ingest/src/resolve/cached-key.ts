/**
 * surfaceKey with a bounded memo: resolution keys the same few spellings
 * again and again (every "Seoul", every "Mr Blair"), and Unicode
 * normalisation is its biggest cost.
 */
import { surfaceKey } from '../../../core/src/entity-keys.js';

const cache = new Map<string, string>();
const LIMIT = 20_000;

export function cachedKey(text: string): string {
  let key = cache.get(text);
  if (key === undefined) {
    if (cache.size >= LIMIT) cache.clear();
    key = surfaceKey(text);
    cache.set(text, key);
  }
  return key;
}
