/** The content hash that identifies an article's text regardless of file name or whitespace. */
import { createHash } from 'node:crypto';

/** NFC, whitespace runs collapsed to one space, trimmed; case is kept (it carries meaning in names). */
export function normaliseForHash(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * sha256 hex of the normalised text.
 * @example contentHash('a  b\n') === contentHash('a b')
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(normaliseForHash(text), 'utf8').digest('hex');
}
