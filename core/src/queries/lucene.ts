/**
 * Turns what an analyst types into a safe Lucene query for the full-text
 * index: every special character escaped, each word matched exactly, as a
 * prefix (autocomplete) and fuzzily (typos), the whole phrase ranked first.
 */

// Lucene's query syntax characters; each is escaped with a backslash.
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(word: string): string {
  return word.replace(SPECIAL, (c) => `\\${c}`);
}

/**
 * @example toLuceneQuery('Kim Jong-un') // '("kim jong un"^4) AND ((kim^2 OR kim* OR kim~1) ...)'
 * @returns undefined when nothing searchable is left (only punctuation)
 */
export function toLuceneQuery(input: string): string | undefined {
  // Split on what the standard analyzer splits on, so terms line up with the index.
  const words = input
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  if (words.length === 0) return undefined;
  const clauses = words.map((word) => {
    const w = escapeLucene(word);
    // Fuzzy on one- or two-letter words matches half the index; allow one edit from 4 letters, two from 8.
    const fuzzy = word.length >= 8 ? ` OR ${w}~2` : word.length >= 4 ? ` OR ${w}~1` : '';
    return `(${w}^2 OR ${w}*${fuzzy})`;
  });
  const phrase = `"${words.map(escapeLucene).join(' ')}"^4`;
  return `${phrase} OR (${clauses.join(' AND ')})`;
}
