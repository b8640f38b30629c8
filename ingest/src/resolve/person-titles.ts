/**
 * Titles written before people's names: stripped when resolving a person,
 * and read by the relation rules ("U.S. President X" -> X LEADS U.S.).
 */

/** Titles of whoever heads a country or an organisation. */
export const LEADER_TITLES = [
  'president',
  'prime minister',
  'premier',
  'chancellor',
  'king',
  'queen',
  'emperor',
  'supreme leader',
  'leader',
  'chairman',
  'chairwoman',
  'chairperson',
  'chair',
  'head',
  'chief executive',
  'chief',
  'ceo',
  'secretary-general',
  'secretary general',
  'director-general',
  'director general',
  'commander-in-chief',
  'dictator',
  'boss',
  'founder',
  'co-founder',
];

/** Titles of people who work for a country or an organisation without heading it. */
export const STAFF_TITLES = [
  'foreign minister',
  'defence minister',
  'defense minister',
  'finance minister',
  'interior minister',
  'minister',
  'vice president',
  'vice-president',
  'deputy prime minister',
  'secretary of state',
  'secretary',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'ambassador',
  'envoy',
  'official',
  'adviser',
  'advisor',
  'negotiator',
  'general',
  'commander',
  'senator',
  'governor',
  'mp',
  'coach',
  'manager',
  'striker',
  'player',
  'executive',
  'director',
  'economist',
  'analyst',
  'administrator',
  'columnist',
  'reporter',
  'correspondent',
  'editor',
  'researcher',
  'professor',
  'lawyer',
  'attorney',
  'scientist',
  'engineer',
  'consultant',
  'employee',
  'aide',
  'deputy',
  'treasurer',
  'president and chief executive',
];

/** Honorifics and short titles that only ever precede a name. */
export const HONORIFICS = ['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'gen', 'sen', 'rep', 'gov', 'prof', 'rev', 'judge', 'justice', 'pope', 'prince', 'princess', 'sheikh'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/-/g, '[-\\s]');
// Longest first, so "prime minister" wins over "minister".
const alternation = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

/** Matches any leader title as whole words. */
export const LEADER_TITLE = alternation(LEADER_TITLES);
/** Matches any staff title as whole words. */
export const STAFF_TITLE = alternation(STAFF_TITLES);

const LEADING_TITLES = new RegExp(
  `^(?:(?:former|ex-|then-|acting|new|late|u\\.?s\\.?)\\s*)*(?:(?:${alternation([...LEADER_TITLES, ...STAFF_TITLES, ...HONORIFICS])})\\.?\\s+)+`,
  'i',
);

/** "President Lee" -> "Lee", "Mr. Blair" -> "Blair"; a name without title is returned as is. */
export function stripTitles(name: string): string {
  const stripped = name.replace(LEADING_TITLES, '');
  return stripped.length > 0 ? stripped : name;
}

/** Whether a title names the head of something (LEADS) rather than staff (WORKS_FOR). */
export function isLeaderTitle(title: string): boolean {
  return LEADER_ONLY.test(title.trim());
}
const LEADER_ONLY = new RegExp(`^(?:${LEADER_TITLE})$`, 'i');

const TITLE_WORDS = new Set([...LEADER_TITLES, ...STAFF_TITLES, ...HONORIFICS].flatMap((t) => t.split(/[\s-]+/)));

/** Whether a single word is (part of) a title or honorific: "Mr", "President", "Secretary", "Chancellor". */
export function isTitleWord(word: string): boolean {
  return TITLE_WORDS.has(word.toLowerCase().replace(/\.$/, ''));
}

/** Every title as lower-case words, longest first, marked when it is an honorific ("Mr") rather than a job. */
const TITLE_WORD_LISTS = [
  ...[...new Set([...LEADER_TITLES, ...STAFF_TITLES])].map((t) => ({ words: t.split(/\s+/), honorific: false })),
  ...HONORIFICS.map((t) => ({ words: [t], honorific: true })),
].sort((a, b) => b.words.length - a.words.length);
const LONGEST_TITLE = TITLE_WORD_LISTS[0]!.words.length;

/** The titles by their first word, longest first: every token of every text is asked whether a title starts there. */
const TITLES_BY_FIRST_WORD = new Map<string, typeof TITLE_WORD_LISTS>();
for (const title of TITLE_WORD_LISTS) {
  const list = TITLES_BY_FIRST_WORD.get(title.words[0]!) ?? [];
  list.push(title);
  TITLES_BY_FIRST_WORD.set(title.words[0]!, list);
}

/** A title written with a prefix in one word: "co-chairman", "vice-captain", "ex-minister". */
const PREFIXED_TITLE = /^(?:co|vice|joint|deputy|acting|ex)-(\p{L}+)$/u;

const titleWord = (token: { text: string }): string => token.text.toLowerCase().replace(/\.$/, '');

/**
 * The lengths, in tokens, of the titles that start at token `at` ("Secretary of State" → 3 and 1), longest first.
 * A final full stop is ignored ("Gen."); honorifics count only when asked for.
 */
export function titleLengthsAt(tokens: ReadonlyArray<{ text: string }>, at: number, honorifics: boolean): number[] {
  const first = titleWord(tokens[at]!);
  const prefixed = PREFIXED_TITLE.exec(first)?.[1];
  const out: number[] = [];
  const collect = (candidates: typeof TITLE_WORD_LISTS | undefined, allowHonorifics: boolean): void => {
    for (const { words, honorific } of candidates ?? []) {
      if ((honorific && !allowHonorifics) || at + words.length > tokens.length) continue;
      let match = true;
      for (let k = 1; k < words.length && match; k++) match = titleWord(tokens[at + k]!) === words[k];
      if (match) out.push(words.length);
    }
  };
  collect(TITLES_BY_FIRST_WORD.get(first), honorifics);
  // "co-chairman" is a chairman's title; never an honorific ("ex-Mr" is no one's).
  if (prefixed) collect(TITLES_BY_FIRST_WORD.get(prefixed), false);
  return prefixed ? out.sort((a, b) => b - a) : out;
}

/** Whether a job title ends right before token `end` ("the chief executive | of Tesla"). */
export function jobTitleEndsAt(tokens: ReadonlyArray<{ text: string }>, end: number): boolean {
  return titleEndsAt(tokens, end, false);
}

/** Whether a title ends right before token `end`, honorifics counted when asked for ("Senator | Church", "Dr. | Li"). */
export function titleEndsAt(tokens: ReadonlyArray<{ text: string }>, end: number, honorifics = true): boolean {
  for (let at = Math.max(0, end - LONGEST_TITLE); at < end; at++) if (titleLengthsAt(tokens, at, honorifics).includes(end - at)) return true;
  return false;
}
