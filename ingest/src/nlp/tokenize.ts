/** Splits text into word and punctuation tokens with exact offsets, the way CoNLL-2003 (Penn Treebank style) does. */

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations whose final period belongs to the word ("Mr.", "Inc."), lower-cased, without the period. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen col lt sgt capt cmdr adm maj sen rep gov pres rev hon st ' +
    'jr sr inc corp co ltd plc llc bros dept univ assn no vs etc approx est fig ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mt ft'
  ).split(' '),
);

const LEADING = /^[(\[{"'`“‘«—–]/;
const TRAILING = /[)\]}"'”’»,;:!?—–]$/;
const POSSESSIVE = /^(.+?)(['’](?:[sS]|re|ve|ll|m|d|RE|VE|LL|M|D))$/;
const NEGATION = /^(.+?)(n['’]t)$/i;

/** Tokens of one whitespace-free chunk, as [start, end] offsets relative to the chunk. */
function splitChunk(chunk: string, out: Array<[number, number]>, base: number): void {
  let s = 0;
  let e = chunk.length;
  const tail: Array<[number, number]> = [];
  // Opening punctuation, one mark at a time; a lone "'s" chunk stays whole.
  while (s < e - 1 && LEADING.test(chunk[s]!) && !/^['’](?:s|re|ve|ll|m|d)$/i.test(chunk.slice(s, e))) {
    out.push([base + s, base + s + 1]);
    s++;
  }
  for (;;) {
    if (e - s <= 1) break;
    const last = chunk[e - 1]!;
    if (TRAILING.test(last)) {
      // Keep an apostrophe that ends a plural possessive as its own token too.
      tail.unshift([base + e - 1, base + e]);
      e--;
      continue;
    }
    if (last === '.') {
      const word = chunk.slice(s, e - 1);
      // "U.S.", "J." and "Inc." keep their period; a sentence-final period is its own token.
      const isAbbrev = /^[A-Za-z]$/.test(word) || /^([A-Za-z]\.)+[A-Za-z]$/.test(word) || ABBREVIATIONS.has(word.toLowerCase());
      if (!isAbbrev) {
        tail.unshift([base + e - 1, base + e]);
        e--;
        // "..." becomes one token.
        while (e - s > 1 && chunk[e - 1] === '.') {
          tail[0]![0]--;
          e--;
        }
        continue;
      }
    }
    break;
  }
  if (e <= s) {
    out.push(...tail);
    return;
  }
  let word = chunk.slice(s, e);
  const poss = POSSESSIVE.exec(word);
  if (poss && poss[1]!.length > 0 && /[A-Za-z0-9.]$/.test(poss[1]!)) {
    pushWord(poss[1]!, base + s, out);
    out.push([base + s + poss[1]!.length, base + e]);
  } else {
    const neg = NEGATION.exec(word);
    if (neg && neg[1]!.length > 0) {
      pushWord(neg[1]!, base + s, out);
      out.push([base + s + neg[1]!.length, base + e]);
    } else {
      word = chunk.slice(s, e);
      pushWord(word, base + s, out);
    }
  }
  out.push(...tail);
}

/** A word, split where text was glued together ("2025Clash") or joined by dashes ("Seoul—Tokyo"). */
function pushWord(word: string, start: number, out: Array<[number, number]>): void {
  const cut = /(?<=\d)(?=[A-Z][a-z])|[—–](?=\S)|(?<=\S)[—–]/g;
  let from = 0;
  for (const m of word.matchAll(cut)) {
    const at = m.index!;
    if (at > from) out.push([start + from, start + at]);
    if (m[0].length > 0) {
      out.push([start + at, start + at + m[0].length]);
      from = at + m[0].length;
    } else {
      from = at;
    }
  }
  if (from < word.length) out.push([start + from, start + word.length]);
}

/** Tokenises `text`; every token is `text.slice(start, end)`. */
export function tokenize(text: string): Token[] {
  const ranges: Array<[number, number]> = [];
  const chunk = /\S+/g;
  for (let m = chunk.exec(text); m; m = chunk.exec(text)) splitChunk(m[0], ranges, m.index);
  return ranges.map(([start, end]) => ({ text: text.slice(start, end), start, end }));
}
