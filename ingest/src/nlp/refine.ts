/** Cleans the tagger's spans: headline words trimmed off, possessives and stray punctuation dropped, split given names rejoined. */
import { hasTag } from './compromise-tags.js';
import { lookupCountry } from './countries.js';
import type { CaseMode } from './features.js';
import type { LabelledSpan } from './spans.js';
import type { Token } from './tokenize.js';
import { acronymLetters } from '../resolve/acronym-letters.js';
import { isFunctionWord, lexiconTag } from './word-classes.js';

/** Parts of speech that mark a word as ordinary vocabulary in compromise's lexicon. */
const COMMON_POS = new Set([
  'Plural', 'Singular', 'Uncountable', 'Noun', 'Adjective', 'Comparative', 'Superlative', 'Adverb',
  'Verb', 'Infinitive', 'PresentTense', 'PastTense', 'Gerund', 'Participle', 'Copula', 'Modal', 'Auxiliary',
  'Preposition', 'Determiner', 'Pronoun', 'Conjunction', 'QuestionWord', 'Expression', 'Negative',
]);

export interface RefineContext {
  tokens: Token[];
  /** Per token, the tag it was given (BIO). */
  tags: readonly string[];
  /** Per token, whether its sentence is a headline in Title Case or ALL CAPS (see `isHeadline`). */
  inHeadline: (token: number) => boolean;
  /** Training-text casing per lower-cased word ("L" = almost always lower case). */
  casing: Map<string, string>;
  /** Casing per lower-cased word elsewhere in this text ("cap", "low", "both"). */
  docCase: Map<string, string>;
}

/** In a headline every word is capitalised; an ordinary word there ("Talks", "Says", "Image") is no part of a name. */
export function isHeadlineWord(word: string, ctx: Pick<RefineContext, 'casing' | 'docCase'>): boolean {
  const lower = word.toLowerCase().replace(/’/g, "'");
  const inDoc = ctx.docCase.get(lower);
  if (inDoc === 'cap' || inDoc === 'both') return false;
  // The training text's habit beats this text's: "new" is lower case here but starts "New York" often enough.
  const trained = ctx.casing.get(lower);
  if (trained) return trained === 'L';
  if (inDoc === 'low') return true;
  const tag = lexiconTag(lower);
  return tag !== undefined && COMMON_POS.has(tag);
}

/** Head nouns of institutional names: never headline words when they end an organisation's span. */
export const ORG_HEADS = new Set(
  ('ministry council party committee agency bank union association federation commission court army police government ' +
    'office department group league club service institute university assembly parliament navy command bureau board ' +
    'authority organisation organization fund front movement alliance forces corporation company exchange agency')
    .split(' '),
);

const NAME_TAGS = new Set(['Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName', 'Place', 'Country', 'City', 'Region', 'Organization', 'Company', 'SportsTeam']);

/** A word that names something on its own: a name in compromise's lexicon, capitalised in training text, a country or an acronym. */
function isKnownName(word: string, ctx: Pick<RefineContext, 'casing'>): boolean {
  const lower = word.toLowerCase().replace(/’/g, "'");
  const tag = lexiconTag(lower);
  const trained = ctx.casing.get(lower);
  return (tag !== undefined && NAME_TAGS.has(tag)) || trained === 'C' || trained === 'c' || lookupCountry(word) !== undefined || /^[A-Z]{2,5}$/.test(word);
}

const PUNCT = /^[^\p{L}\p{N}]+$/u;
const POSSESSIVE = /^['’][sS]?$/;

/**
 * A sentence in Title Case or ALL CAPS reads as a headline when, outside the tagged spans, it has at least one
 * ordinary word ("Says", "Resume") or is short and has no figures; a line of capitalised names and figures
 * (a results table) does not.
 */
export function isHeadline(
  mode: CaseMode,
  from: number,
  to: number,
  ctx: Pick<RefineContext, 'tokens' | 'tags' | 'casing' | 'docCase'>,
): boolean {
  if (mode === 'n') return false;
  // A short capitalised line without figures ("Trump-Kim Talks" in a topic list) is a heading too.
  let figures = false;
  for (let i = from; i < to; i++) if (/\d/.test(ctx.tokens[i]!.text)) figures = true;
  if (!figures && to - from <= 5) return true;
  for (let i = from; i < to; i++) {
    if (ctx.tags[i] === 'O' && /^\p{L}/u.test(ctx.tokens[i]!.text) && isHeadlineWord(ctx.tokens[i]!.text, ctx)) return true;
  }
  return false;
}

/**
 * Whether tokens [from, to) also stand alone elsewhere in the text, not before a possessive: "Microsoft" named
 * again shows "Microsoft's Windows" is the firm and its product, and "Labour" named again that "Labour's Paul
 * Flynn" is the party and its MP, where "Destiny's Child" or "Lloyd's Register", never split, are one name.
 */
function namedAlone(tokens: Token[], from: number, to: number): boolean {
  const n = to - from;
  for (let k = 0; k + n <= tokens.length; k++) {
    if (k === from || POSSESSIVE.test(tokens[k + n]?.text ?? '')) continue;
    let same = true;
    for (let j = 0; j < n && same; j++) same = tokens[k + j]!.text === tokens[from + j]!.text;
    // The whole name, not the start of a longer one ("Microsoft Research").
    if (same && !/^\p{Lu}/u.test(tokens[k + n]?.text ?? '')) return true;
  }
  return false;
}

/**
 * A possessive inside a span ends the owner: "South Korea’s Unification Ministry" tagged as one span is the
 * country and the ministry, an organisation when an institutional head noun ends it; "Berkeley's Department of
 * Linguistics" is the university and its department; an owner the text names alone too is its own actor
 * ("Microsoft's Windows"). Other possessives stay ("Lloyd's Register"); one at the end is left for refineSpan to trim.
 */
export function splitAtPossessives(
  spans: LabelledSpan[],
  tokens: Token[],
  /** How the tagger reads a name alone ('PER' for a person's): types what follows an owner ("Microsoft's Bill Gates"). */
  readAlone: (name: string) => string = () => 'O',
): LabelledSpan[] {
  const out: LabelledSpan[] = [];
  const part = (label: string, from: number, to: number): LabelledSpan => ({
    label, from, to, start: tokens[from]!.start, end: tokens[to - 1]!.end,
  });
  const namesBody = (from: number, to: number): boolean =>
    /^\p{Lu}/u.test(tokens[from]!.text) && tokens.slice(from, to).some((t) => ORG_HEADS.has(t.text.toLowerCase()));
  for (const span of spans) {
    let from = span.from;
    for (let i = span.from + 1; i < span.to - 1; i++) {
      if (!POSSESSIVE.test(tokens[i]!.text)) continue;
      const owner = tokens.slice(from, i).map((t) => t.text).join(' ');
      if (lookupCountry(owner)) out.push(part('LOC', from, i));
      else if (span.label === 'ORG' && namesBody(i + 1, span.to)) out.push(part('ORG', from, i));
      else if (namedAlone(tokens, from, i)) out.push(part(span.label, from, i));
      else continue;
      from = i + 1;
    }
    if (from === span.from) {
      out.push(span);
      continue;
    }
    const head = tokens[span.to - 1]!.text.toLowerCase();
    const rest = tokens.slice(from, span.to).map((t) => t.text).join(' ');
    out.push(part(ORG_HEADS.has(head) ? 'ORG' : readAlone(rest) === 'PER' ? 'PER' : span.label, from, span.to));
  }
  return out;
}

/** A clean copy of the span, or undefined when nothing of it is left. */
export function refineSpan(span: LabelledSpan, ctx: RefineContext): LabelledSpan | undefined {
  const { tokens } = ctx;
  let { from, to } = span;
  const headline = ctx.inHeadline(from);
  const trimmable = (i: number): boolean => {
    const w = tokens[i]!.text;
    return PUNCT.test(w) || POSSESSIVE.test(w) || (headline && isHeadlineWord(w, ctx));
  };
  while (to > from && trimmable(to - 1) && !(span.label === 'ORG' && ORG_HEADS.has(tokens[to - 1]!.text.toLowerCase()))) to--;
  // "Unification Ministry", "Security Council": an organisation named by its head noun keeps its modifiers.
  const namedByHead = span.label === 'ORG' && to > from && ORG_HEADS.has(tokens[to - 1]!.text.toLowerCase());
  while (from < to && trimmable(from) && !(namedByHead && !PUNCT.test(tokens[from]!.text))) from++;
  if (from >= to) return undefined;
  // Trimmed down to one word in a headline ("Leaflet Ban" → "Leaflet"): keep it only if it is a known name ("Kim Talks" → "Kim").
  if (headline && to - from === 1 && (from > span.from || to < span.to) && !isKnownName(tokens[from]!.text, ctx)) return undefined;
  // Korean and Chinese given names written "Jae-myung" are unlike anything in the training text: keep them with the family name.
  if (span.label === 'PER') {
    while (to < tokens.length && ctx.tags[to] === 'O' && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(tokens[to]!.text) && tokens[to]!.start === tokens[to - 1]!.end + 1) to++;
  }
  return { label: span.label, from, to, start: tokens[from]!.start, end: tokens[to - 1]!.end };
}

/** Words a name never ends in, though the tagger runs on into them: days ("Aner Shalev Wednesday", a dateline). */
const NOT_NAME_TAILS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/** Words a name never starts with: a greeting before a name ("Hey Frank", "Dear Anna"). */
const NOT_NAME_HEADS = new Set(['hey', 'hi', 'hello', 'dear', 'thanks', 'thank']);

/**
 * A name never ends in a lower-case word or a weekday, nor starts with a greeting: the tagger's "Korean state"
 * (in "North Korean state media") is "Korean".
 */
export function trimNameEdges(spans: LabelledSpan[], tokens: Token[]): LabelledSpan[] {
  return spans.map((span) => {
    let { from, to } = span;
    while (to - from > 1 && (/^\p{Ll}+$/u.test(tokens[to - 1]!.text) || NOT_NAME_TAILS.has(tokens[to - 1]!.text.toLowerCase()))) to--;
    while (to - from > 1 && NOT_NAME_HEADS.has(tokens[from]!.text.toLowerCase())) from++;
    return from === span.from && to === span.to ? span : { ...span, from, to, start: tokens[from]!.start, end: tokens[to - 1]!.end };
  });
}

/** Lexicon classes of words that open a sentence before a name without being part of it ("Later Kowalczyk added"). */
const OPENER_TAGS = new Set(['Comparative', 'Superlative', 'Date']);

/** A span that opens its sentence with an adverb, conjunction or time word keeps only the name after it. */
export function trimSentenceOpener(span: LabelledSpan, tokens: Token[], sentenceStart: number): LabelledSpan {
  if (span.from !== sentenceStart || span.to - span.from < 2) return span;
  const first = tokens[span.from]!.text;
  const tag = lexiconTag(first.toLowerCase());
  if (!isFunctionWord(first) && !(tag && OPENER_TAGS.has(tag))) return span;
  return { ...span, from: span.from + 1, start: tokens[span.from + 1]!.start };
}

const CONJUNCTIONS = new Set(['and', '&', 'or']);

/**
 * Two names joined by "and" in one span are two actors when each side is a name of two words or more:
 * "JPMorgan Chase and Goldman Sachs", "The New York Times and ABC News"; or when two one-word sides each name
 * something of their own: an acronym ("Sony and IBM"), or a word the article also uses alone ("Sony ... Sony and
 * Toshiba"). Other short sides stay one name, as most such names are ("Procter and Gamble", "Ministry of Trade
 * and Industry").
 */
/** "X and Y" whose sides differ and each names something alone: an acronym, or a word the text uses without the other. */
function oneWordSidesStandAlone(span: LabelledSpan, tokens: Token[]): boolean {
  const [left, right] = [tokens[span.from]!.text, tokens[span.to - 1]!.text];
  if (left === right || !/^\p{Lu}/u.test(right)) return false;
  if (acronymLetters(left) || acronymLetters(right)) return true;
  const alone = (word: string): boolean =>
    tokens.some((t, i) => t.text === word && (i < span.from || i >= span.to) && !CONJUNCTIONS.has(tokens[i - 1]?.text.toLowerCase() ?? '') && !CONJUNCTIONS.has(tokens[i + 1]?.text.toLowerCase() ?? ''));
  return alone(left) && alone(right);
}

export function splitCoordinations(spans: LabelledSpan[], tokens: Token[]): LabelledSpan[] {
  const out: LabelledSpan[] = [];
  const part = (label: string, from: number, to: number): LabelledSpan => ({
    label, from, to, start: tokens[from]!.start, end: tokens[to - 1]!.end,
  });
  for (const span of spans) {
    let split = false;
    if (span.label === 'ORG' || span.label === 'PER') {
      if (span.to - span.from === 3 && CONJUNCTIONS.has(tokens[span.from + 1]!.text.toLowerCase()) && oneWordSidesStandAlone(span, tokens)) {
        out.push(part(span.label, span.from, span.from + 1), part(span.label, span.to - 1, span.to));
        continue;
      }
      for (let i = span.from + 2; i < span.to - 2; i++) {
        if (!CONJUNCTIONS.has(tokens[i]!.text.toLowerCase()) || !/^\p{Lu}/u.test(tokens[i + 1]!.text)) continue;
        // "of" on the left ("Ministry of Trade and Industry") means the "and" sits inside one institution's name.
        if (tokens.slice(span.from, i).some((t) => t.text === 'of') && span.to - i - 1 < 2) continue;
        out.push(part(span.label, span.from, i), part(span.label, i + 1, span.to));
        split = true;
        break;
      }
    }
    if (!split) out.push(span);
  }
  return out;
}

/**
 * A lower-case verb inside a span is where the tagger ran two names together across a clause: "Goldman Sachs
 * advised JPMorgan Chase". Names hold lower-case function words ("Bank of America"), never a verb: split there.
 */
export function splitAtVerbs(spans: LabelledSpan[], tokens: Token[], compromiseTags: string[]): LabelledSpan[] {
  const out: LabelledSpan[] = [];
  const part = (label: string, from: number, to: number): LabelledSpan => ({ label, from, to, start: tokens[from]!.start, end: tokens[to - 1]!.end });
  for (const span of spans) {
    let from = span.from;
    for (let i = span.from + 1; i < span.to - 1; i++) {
      const tags = compromiseTags[i];
      const word = tokens[i]!.text;
      if (!/^\p{Ll}/u.test(word) || !hasTag(tags, 'Verb') || hasTag(tags, 'Preposition', 'Determiner', 'Conjunction') || isFunctionWord(word)) continue;
      if (i > from) out.push(part(span.label, from, i));
      from = i + 1;
    }
    out.push(from === span.from ? span : part(span.label, from, span.to));
  }
  return out;
}
