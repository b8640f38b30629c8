/**
 * Institutions named by what they are: "Suffolk University", "the U.S. Army", "the Catholic Church", "the County
 * of Maui", "the Newfoundland and Labrador Court of Appeal", "the Ninth Circuit". The tagger reads a name from its
 * words, so the place or people inside such a name often win: "Suffolk/LOC University/LOC", "Catholic/MISC
 * Church/O", "Collins/PER College/O". The head noun says what the whole is: an organisation.
 *
 * Six repairs, on the tags, before names are harmonised across the text:
 * 1. a place or miscellaneous span holding an institutional head becomes an organisation;
 * 2. a span followed at once by a capitalised head the tagger left out grows to take it in ("Catholic Church");
 * 3. "Head of [the] Name" ("County of Maui", "Office of the Mayor", "Corps of Engineers") is one organisation;
 * 4. untagged capitalised words ending in a head are an organisation ("Time Magazine", "the District Court");
 * 5. once a school is named in full, the place it is named for alone is the school ("sent to Harrow" after "Harrow
 *    School", "At Suffolk" after "Suffolk University"), except after "in", "near" or "outside", which keep a place,
 *    and for a city compromise knows ("Boston" beside "Boston University").
 * 6. "the Church" after "the Catholic Church": a head alone after "the", where the text names exactly one
 *    organisation with that head, is that organisation named short (resolution joins them);
 * A person's span with a head inside is an organisation too ("Circuit/PER Court/PER", "Charles/PER Foundation/PER"),
 * unless the head is also a surname and compromise knows a word of the span as a given name ("Charlotte Church") or
 * a title precedes it ("Senator Frank Church").
 */
import { hasTag } from './compromise-tags.js';
import type { Token } from './tokenize.js';
import { isFunctionWord } from './word-classes.js';
import { titleEndsAt, titleLengthsAt } from '../resolve/person-titles.js';

/**
 * Words that make a capitalised name an organisation wherever they stand in it. Narrower than refine's ORG_HEADS:
 * each must name an institution even after a place ("Harrow School", "the U.S. Army"), so no "Union" (Soviet
 * Union), "Office" (Oval Office), "Bank" (West Bank), "County" (Orange County) or "State".
 */
const HEADS = new Set(
  (
    'University College School Academy Conservatory Conservatoire Institute Polytechnic Seminary Church Party League ' +
    'Corporation Company Court Congress Parliament Senate Assembly Army Navy Corps Council Commission Committee Ministry ' +
    'Department Agency Bureau Foundation Association Society Federation Club Authority Board Police Guard Brotherhood ' +
    'Airlines Airways Inc Inc. Ltd Ltd. plc PLC Broadcasting Media Entertainment Records Studios Pictures Gaming Sports ' +
    'Magazine Newspaper Press Holdings'
  ).split(' '),
);

/**
 * Heads that start "Head of [the] Name" organisations: "of" rules the place reading out, so "County", "Office" and
 * "Bank" join; company suffixes do not ("Daniels Pharmaceuticals Inc of St. Petersburg" is a company and a place).
 */
const HEADS_BEFORE_OF = new Set(
  (
    'University College School Academy Conservatory Institute Church Party League Court Congress Parliament Senate ' +
    'Assembly Army Corps Council Commission Committee Ministry Department Agency Bureau Foundation Association Society ' +
    'Federation Board Brotherhood County Office Bank Secretariat'
  ).split(' '),
);

/**
 * Heads that do not retype a miscellaneous name: a sports league is a competition in CoNLL-2003's convention
 * ("the American League" is MISC) and reads as one in match reports.
 */
const NOT_FOR_MISC = new Set(['League']);

const ORDINALS = new Set('First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Federal'.split(' '));

const CAPITALISED = /^\p{Lu}/u;

/** Whether token `i` is an institutional head here: "Air Force", or "Circuit" after an ordinal ("Ninth Circuit"). */
function isHead(tokens: Token[], i: number): boolean {
  const word = tokens[i]!.text;
  if (HEADS.has(word)) {
    // A church named for a saint is a building: "St Mary's Church".
    return word !== 'Church' || !/^(St\.?|Saint)$|['’]s$/.test(tokens[i - 1]?.text ?? '');
  }
  if (word === 'Force' || word === 'Forces') return tokens[i - 1]?.text === 'Air' || tokens[i - 1]?.text === 'Armed';
  if (word === 'Circuit') return ORDINALS.has(tokens[i - 1]?.text ?? '');
  return false;
}

function label(tags: string[], from: number, to: number, type: string): void {
  for (let i = from; i < to; i++) tags[i] = type === 'O' ? 'O' : (i === from ? 'B-' : 'I-') + type;
}

/** The end (exclusive) of the tagged span that starts at `from`. */
function spanEnd(tags: string[], from: number): number {
  const inside = `I-${tags[from]!.slice(2)}`;
  let end = from + 1;
  while (end < tags.length && tags[end] === inside) end++;
  return end;
}

/** "of", an optional "the", then capitalised words: the end of the name after a head, or -1. */
function ofNameEnd(tokens: Token[], tags: string[], at: number): number {
  if (tokens[at]?.text !== 'of') return -1;
  let i = at + 1;
  if (tokens[i]?.text === 'the') i++;
  const start = i;
  // Capitalised words, with "and" between two of them ("Ministry of Trade and Industry").
  while (i < tokens.length && (CAPITALISED.test(tokens[i]!.text) || (tokens[i]!.text === 'and' && i > start && CAPITALISED.test(tokens[i + 1]?.text ?? '')))) {
    if (tags[i]!.endsWith('PER')) return -1;
    i++;
  }
  return i > start ? i : -1;
}

/** Whether a word alone is an institution's head noun: "Church", "University", "Sports". */
export function isInstitutionHead(word: string): boolean {
  return HEADS.has(word);
}

/** Heads that are surnames too: "Charlotte Church", "Margaret Court", "Senator Church". */
const SURNAME_HEADS = new Set(['Church', 'Court', 'Press', 'Guard']);

/** Whether compromise knows a word of tokens [from, to) as a given name. */
function holdsGivenName(compromiseTags: string[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (hasTag(compromiseTags[k], 'FirstName')) return true;
  return false;
}

/** Heads of a school named for its place, which the place's name alone goes on to stand for. */
const SCHOOL_HEADS = new Set(['University', 'College', 'School', 'Academy']);

/** Whether a word is the head of a school named for its place, in any case: "School", "college". */
export function isSchoolHead(word: string): boolean {
  return SCHOOL_HEADS.has(word.charAt(0).toUpperCase() + word.slice(1).toLowerCase());
}

/**
 * An institution's kind alone ("the Court", "the Circuit", "the Committee") names whichever one the text means: it
 * is an actor only where the article names exactly one such institution in full (see group-organizations). Narrower
 * than HEADS: a legislature, an army or a church alone ("Parliament", "the Army") names the one the text is about.
 */
const INSTITUTION_KINDS = new Set(
  (
    'court courts circuit university college school academy institute party league council committee commission ' +
    'ministry department agency bureau foundation association society federation club authority board company corporation'
  ).split(' '),
);

/** Whether `name` is an institution's kind alone: "Court", "the Committee". */
export function isInstitutionKind(name: string): boolean {
  return INSTITUTION_KINDS.has(name.trim().replace(/^the\s+/i, '').toLowerCase());
}

const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside']);

/** 5. The place a school is named for, alone, once the school is named in full: "Harrow" after "Harrow School". */
function tagSchoolShortNames(tokens: Token[], tags: string[], compromiseTags: string[]): void {
  const schoolPlaces = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tags[i] === 'B-ORG' && tags[i + 1] === 'I-ORG' && SCHOOL_HEADS.has(tokens[i + 1]!.text) && tags[i + 2] !== 'I-ORG') schoolPlaces.add(tokens[i]!.text);
  }
  if (schoolPlaces.size === 0) return;
  for (let i = 0; i < tokens.length; i++) {
    if (!schoolPlaces.has(tokens[i]!.text) || !/^(O|B-LOC)$/.test(tags[i]!) || tags[i + 1]?.startsWith('I-')) continue;
    // A city compromise knows ("moved to Boston" beside "Boston University") is more often the city.
    if (hasTag(compromiseTags[i], 'City', 'Country')) continue;
    // Part of a longer capitalised name ("Harrow Road"), or a place by its preposition ("in Harrow").
    if (/^\p{Lu}/u.test(tokens[i + 1]?.text ?? '') || PLACE_PREPOSITIONS.has(tokens[i - 1]?.text.toLowerCase() ?? '')) continue;
    tags[i] = 'B-ORG';
  }
}

/** Where the untagged capitalised words before token `at` start ("News Agency" before "of Nigeria"). */
function untaggedNameStart(tokens: Token[], tags: string[], at: number): number {
  let from = at;
  while (from > 0 && tags[from - 1] === 'O' && CAPITALISED.test(tokens[from - 1]!.text) && !isFunctionWord(tokens[from - 1]!.text)) from--;
  return from;
}

/** 6. A head alone after "the" names the one organisation of the text that ends in it: "the Church", "the Army". */
function tagHeadsNamedShort(tokens: Token[], tags: string[]): void {
  const namesByHead = new Map<string, Set<string>>();
  for (let i = 0; i < tokens.length; i++) {
    if (tags[i] !== 'B-ORG') continue;
    const end = spanEnd(tags, i);
    const head = tokens[end - 1]!.text;
    if (end - i >= 2 && (HEADS.has(head) || head === 'Government')) {
      const names = namesByHead.get(head) ?? new Set<string>();
      namesByHead.set(head, names.add(tokens.slice(i, end).map((t) => t.text).join(' ')));
    }
    i = end - 1;
  }
  for (let i = 1; i < tokens.length; i++) {
    if (tags[i] !== 'O' || namesByHead.get(tokens[i]!.text)?.size !== 1 || tokens[i - 1]!.text !== 'the') continue;
    if (CAPITALISED.test(tokens[i + 1]?.text ?? '')) continue;
    tags[i] = 'B-ORG';
  }
}

/** Rewrites `tags` in place (see the module comment); `compromiseTags` per token, as compromise-tags gives them. */
export function tagInstitutionNames(tokens: Token[], tags: string[], compromiseTags: string[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const tag = tags[i]!;
    if (tag.startsWith('B-')) {
      let end = spanEnd(tags, i);
      const type = tag.slice(2);
      let grown = false;
      // 2. A capitalised head left out right after the span: "Catholic Church", "Collins College".
      while (end < tokens.length && tags[end] === 'O' && isHead(tokens, end) && tokens[end]!.start <= tokens[end - 1]!.end + 1) {
        end++;
        grown = true;
      }
      // 3. ... and "of [the] Name" after a head: "Corps of Engineers", "Newfoundland Court of Appeal".
      const ofEnd = HEADS_BEFORE_OF.has(tokens[end - 1]!.text) && type !== 'PER' ? ofNameEnd(tokens, tags, end) : -1;
      let lastHead = -1;
      for (let k = i; k < end; k++) if (isHead(tokens, k) && !(type === 'MISC' && NOT_FOR_MISC.has(tokens[k]!.text))) lastHead = k;
      if (ofEnd > 0) {
        lastHead = end - 1;
        end = ofEnd;
        grown = true;
      }
      // 1. A name with a head inside is an organisation, unless it names a person: a head that is also a surname
      // ("Church", "Court") after a title, before or opening the span ("Senator/LOC Church/LOC"), or with a given name.
      const titleBefore = /^\p{Lu}/u.test(tokens[i - 1]?.text ?? '') && tags[i - 1] === 'O' && titleEndsAt(tokens, i);
      const titled = titleBefore || (end - i === 2 && titleLengthsAt(tokens, i, true).includes(1));
      const namesPerson = lastHead >= 0 && SURNAME_HEADS.has(tokens[lastHead]!.text) && (titled || (type === 'PER' && holdsGivenName(compromiseTags, i, lastHead + 1)));
      if (lastHead >= 0 && !namesPerson && (grown || type === 'LOC' || type === 'MISC' || type === 'PER')) {
        // The title of the namesake belongs to the institution's name: "the Prince/O Charles/PER Foundation/PER".
        if (titleBefore && type === 'PER') i--;
        // Words after the head, unless "of ...", are another name the tagger ran on into: "Washington State
        // University Simon Ličen" is a university and a person.
        const nameEnd = lastHead + 1 < end && tokens[lastHead + 1]!.text !== 'of' ? lastHead + 1 : end;
        label(tags, i, nameEnd, 'ORG');
        // ... or, in lower case, words the tagger ran on into ("Circuit/PER Court/PER erred/PER").
        if (nameEnd < end) label(tags, nameEnd, end, CAPITALISED.test(tokens[nameEnd]!.text) ? type : 'O');
      }
      i = end - 1;
      continue;
    }
    // 3. An untagged head opening "Head of [the] Name": "County of Maui", "Office of the Mayor", with the untagged
    // capitalised words before it ("News Agency of Nigeria").
    if (tag === 'O' && HEADS_BEFORE_OF.has(tokens[i]!.text)) {
      const ofEnd = ofNameEnd(tokens, tags, i + 1);
      if (ofEnd >= 0) {
        label(tags, untaggedNameStart(tokens, tags, i), ofEnd, 'ORG');
        i = ofEnd - 1;
        continue;
      }
    }
    // 4. Untagged capitalised words ending in a head: "Time Magazine", "the District Court", "the Second Circuit".
    if (tag === 'O' && isHead(tokens, i)) {
      const from = untaggedNameStart(tokens, tags, i);
      // One word opening a sentence may be capitalised for the sentence alone ("Police said").
      const opensSentence = from === 0 || /^[.!?:;"“]$/.test(tokens[from - 1]!.text);
      // A title opening the words is a titled person: "Senator Church" (but "Foreign Ministry" is no title).
      const titled = titleLengthsAt(tokens, from, true).some((n) => from + n <= i);
      if (from < i && !(opensSentence && from === i - 1) && !titled) label(tags, from, i + 1, 'ORG');
    }
  }
  tagSchoolShortNames(tokens, tags, compromiseTags);
  tagHeadsNamedShort(tokens, tags);
}
