/** The content hash that identifies an article's text regardless of file name or whitespace. */
import { createHash } from 'node:crypto';

/** NFC, whitespace runs collapsed to one space, trimmed; case is kept (it carries meaning in names). */
export function normaliseForHash(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * sha256 hex of the normalised title and text: an exact copy has both the
 * same. The same body under another headline is a different article.
 * @example contentHash('a  b\n', 'T') === contentHash('a b', 'T')
 */
export function contentHash(text: string, title = ''): string {
  return createHash('sha256').update(`${normaliseForHash(title)}\n\n${normaliseForHash(text)}`, 'utf8').digest('hex');
}
